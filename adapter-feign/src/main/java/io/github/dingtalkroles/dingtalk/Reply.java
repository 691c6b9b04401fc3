package io.github.dingtalkroles.dingtalk;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dingtalkroles.port.BackendDiagnostics;

/**
 * What DingTalk answered to one request: the HTTP status, the raw body, and the body as a JSON
 * object if it is one.
 *
 * @param status the HTTP status
 * @param body the body's bytes, possibly empty
 * @param json the body as a JSON object, or {@code null} if it is none (empty, HTML, truncated ...)
 */
record Reply(int status, byte[] body, JsonNode json) {
    static final int DIAGNOSTIC_LIMIT = 128;

    static Reply of(int status, byte[] body) {
        return new Reply(status, body, Json.parseObject(body));
    }

    boolean isSuccessfulStatus() {
        return status >= 200 && status < 300;
    }

    boolean hasErrcode() {
        return json != null && json.hasNonNull("errcode");
    }

    /** {@code errcode} as DingTalk wrote it (number or string), or {@code null}. */
    String errcodeText() {
        return text("errcode");
    }

    /**
     * {@code errcode} as a number: DingTalk sends a number, some gateways a numeric string. Returns
     * {@code null} if absent or not an integer.
     */
    Integer errcode() {
        return asInt(errcodeText());
    }

    String subCode() {
        return text("sub_code");
    }

    String errmsg() {
        return text("errmsg");
    }

    String requestId() {
        String id = text("request_id");
        return id != null ? id : text("requestId");
    }

    /** Whether the body is an HTML page (DingTalk's gateway serves one when it bans an IP address). */
    boolean isHtml() {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '<';
            }
        }
        return false;
    }

    BackendDiagnostics diagnostics() {
        return diagnostics(new String[0]);
    }

    /**
     * errcode, sub_code and request_id for an exception, each made safe to quote (see {@link #safe}), with
     * {@code secrets} masked: a server or proxy may echo anything in them.
     */
    BackendDiagnostics diagnostics(String... secrets) {
        return new BackendDiagnostics(safe(errcodeText(), secrets), safe(subCode(), secrets), requestId(secrets));
    }

    /** The request id, made safe to quote, with {@code secrets} masked. */
    String requestId(String... secrets) {
        return safe(requestId(), secrets);
    }

    /**
     * A value from the reply as it may appear in an exception message: credentials and {@code secrets}
     * masked, control characters replaced by spaces, at most {@value #DIAGNOSTIC_LIMIT} characters.
     */
    static String safe(String value, String... secrets) {
        if (value == null) {
            return null;
        }
        String clean = Redaction.redact(value, secrets).replaceAll("\\p{Cntrl}", " ");
        return clean.length() > DIAGNOSTIC_LIMIT ? clean.substring(0, DIAGNOSTIC_LIMIT) + "..." : clean;
    }

    private String text(String field) {
        if (json == null) {
            return null;
        }
        JsonNode node = json.get(field);
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String text = node.asText().strip();
        return text.isEmpty() ? null : text;
    }

    static Integer asInt(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
