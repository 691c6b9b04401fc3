package io.github.dingtalkroles.dingtalk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.dingtalkroles.port.BackendDiagnostics;
import java.io.IOException;

/**
 * What DingTalk answered to one request: the HTTP status, the raw body, and the envelope fields of the
 * body if it is a JSON object. Immutable (the body array is never written) and so thread-safe.
 *
 * @param status the HTTP status
 * @param body the body's bytes, possibly empty
 * @param envelope the body's envelope fields, or {@code null} if the body is no JSON object (empty, HTML,
 *     truncated, trailing garbage, not JSON, or JSON but not an object)
 */
record Reply(int status, byte[] body, Envelope envelope) {
    static final int DIAGNOSTIC_LIMIT = 128;

    /**
     * The top-level fields of a JSON object body that error mapping reads, each as it stood at its last
     * occurrence (a duplicated field's last value wins, as in a JSON object read into a map). Text fields
     * hold a scalar's text (a number or boolean as written), stripped; {@code null} when the field is
     * missing, JSON {@code null}, an object or an array, or blank.
     *
     * @param hasErrcode whether {@code errcode} is present and not JSON {@code null} (an object or array counts)
     * @param errcode {@code errcode}'s text
     * @param errmsg {@code errmsg}'s text
     * @param subCode {@code sub_code}'s text
     * @param requestId {@code request_id}'s text, or else {@code requestId}'s
     * @param punishOrWait whether the object has a {@code punish} or a {@code wait} field (of any value):
     *     the shape of DingTalk's IP-ban reply
     * @param waitSeconds {@code wait}'s text: the ban's length in seconds
     */
    record Envelope(boolean hasErrcode, String errcode, String errmsg, String subCode, String requestId,
            boolean punishOrWait, String waitSeconds) {

        /**
         * Reads the envelope in one streaming pass over the body's top level, skipping nested objects and
         * arrays. The whole body is read, so a truncated body or one with trailing tokens is no JSON object.
         *
         * @return the envelope, or {@code null} if {@code body} is not exactly one JSON object
         */
        static Envelope read(byte[] body) {
            if (body.length == 0) {
                return null;
            }
            try (JsonParser p = Json.parser(body)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return null;
                }
                boolean hasErrcode = false;
                boolean punishOrWait = false;
                String errcode = null;
                String errmsg = null;
                String subCode = null;
                String requestIdSnake = null;
                String requestIdCamel = null;
                String wait = null;
                String field;
                while ((field = p.nextFieldName()) != null) {
                    JsonToken value = p.nextToken();
                    switch (field) {
                        case "errcode" -> {
                            hasErrcode = value != JsonToken.VALUE_NULL;
                            errcode = text(p, value);
                        }
                        case "errmsg" -> errmsg = text(p, value);
                        case "sub_code" -> subCode = text(p, value);
                        case "request_id" -> requestIdSnake = text(p, value);
                        case "requestId" -> requestIdCamel = text(p, value);
                        case "punish" -> punishOrWait = true;
                        case "wait" -> {
                            punishOrWait = true;
                            wait = text(p, value);
                        }
                        default -> {
                            // not part of the envelope
                        }
                    }
                    p.skipChildren();
                }
                if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                    return null;
                }
                return new Envelope(hasErrcode, errcode, errmsg, subCode,
                        requestIdSnake != null ? requestIdSnake : requestIdCamel, punishOrWait, wait);
            } catch (IOException e) {
                // malformed, truncated, too deep or not UTF-8/16/32: not a JSON object
                return null;
            }
        }

        /** A scalar's text, stripped; {@code null} for JSON null, a container or blank text. */
        private static String text(JsonParser p, JsonToken value) throws IOException {
            if (value == null || !value.isScalarValue() || value == JsonToken.VALUE_NULL) {
                return null;
            }
            String text = p.getText().strip();
            return text.isEmpty() ? null : text;
        }
    }

    /** Reads {@code body}'s envelope (see {@link Envelope#read}). */
    static Reply of(int status, byte[] body) {
        return new Reply(status, body, Envelope.read(body));
    }

    /** Whether the body is a JSON object (and nothing else). */
    boolean isJsonObject() {
        return envelope != null;
    }

    boolean isSuccessfulStatus() {
        return status >= 200 && status < 300;
    }

    boolean hasErrcode() {
        return envelope != null && envelope.hasErrcode();
    }

    /** {@code errcode} as DingTalk wrote it (number or string), or {@code null}. */
    String errcodeText() {
        return envelope == null ? null : envelope.errcode();
    }

    /**
     * {@code errcode} as a number: DingTalk sends a number, some gateways a numeric string. Returns
     * {@code null} if absent or not an integer.
     */
    Integer errcode() {
        return asInt(errcodeText());
    }

    String subCode() {
        return envelope == null ? null : envelope.subCode();
    }

    String errmsg() {
        return envelope == null ? null : envelope.errmsg();
    }

    String requestId() {
        return envelope == null ? null : envelope.requestId();
    }

    /** Whether the body is DingTalk's IP-ban JSON ({@code punish} / {@code wait}, no errcode). */
    boolean isPunishPage() {
        return envelope != null && !envelope.hasErrcode() && envelope.punishOrWait();
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
