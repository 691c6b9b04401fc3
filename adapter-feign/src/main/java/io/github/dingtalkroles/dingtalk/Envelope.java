package io.github.dingtalkroles.dingtalk;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The top-level fields of a DingTalk reply that say how the call went, shared by every endpoint:
 * {@code errcode}, {@code errmsg}, {@code sub_code} (inside the wrapper errcode 88), {@code request_id}
 * (some gateways write {@code requestId}) and the {@code punish}/{@code wait} fields of DingTalk's IP-ban
 * reply. Each is kept as the JSON value it was (a duplicated field's last value wins), so that a number
 * written as a string, or an object where a number belongs, can be told apart; fields nested deeper are
 * the endpoint's own and never read here. A missing field is {@code null}.
 *
 * @param errcode {@code errcode}
 * @param errmsg {@code errmsg}
 * @param subCode {@code sub_code}
 * @param requestIdSnake {@code request_id}
 * @param requestIdCamel {@code requestId}
 * @param punish {@code punish}
 * @param waitSeconds {@code wait}: the ban's length in seconds
 */
record Envelope(
        JsonNode errcode,
        JsonNode errmsg,
        JsonNode subCode,
        JsonNode requestIdSnake,
        JsonNode requestIdCamel,
        JsonNode punish,
        JsonNode waitSeconds) {

    /**
     * The envelope of a reply read as a tree ({@link DingTalkJson#tree}).
     *
     * @param reply the reply's JSON object, or {@code null} if the body is no JSON object
     * @return the envelope, or {@code null} if there is no JSON object
     */
    static Envelope of(JsonNode reply) {
        if (reply == null) {
            return null;
        }
        return new Envelope(reply.get("errcode"), reply.get("errmsg"), reply.get("sub_code"), reply.get("request_id"),
                reply.get("requestId"), reply.get("punish"), reply.get("wait"));
    }

    /** Whether {@code errcode} is present and not JSON {@code null} (an object or array counts). */
    boolean hasErrcode() {
        return errcode != null && !errcode.isNull();
    }

    /** {@code errcode} as a number (DingTalk writes a number, some gateways a numeric string), or {@code null}. */
    Integer errcodeNumber() {
        return asInt(text(errcode));
    }

    /** {@code errcode} as written, for diagnostics. */
    String errcodeText() {
        return text(errcode);
    }

    String errmsgText() {
        return text(errmsg);
    }

    String subCodeText() {
        return text(subCode);
    }

    /** {@code request_id}, or else {@code requestId}. */
    String requestId() {
        String snake = text(requestIdSnake);
        return snake != null ? snake : text(requestIdCamel);
    }

    /** Whether this is DingTalk's IP-ban reply: {@code punish} or {@code wait}, and no errcode. */
    boolean isPunishment() {
        return !hasErrcode() && (punish != null || waitSeconds != null);
    }

    String waitText() {
        return text(waitSeconds);
    }

    /** A scalar's text, stripped; {@code null} when missing, JSON null, an object or array, or blank. */
    private static String text(JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            return null;
        }
        String text = node.asText().strip();
        return text.isEmpty() ? null : text;
    }

    /** {@code text} as an int: ASCII digits with an optional sign, as ids are read ({@link DingTalkJson#isDigits}). */
    static Integer asInt(String text) {
        if (text == null || !DingTalkJson.isDigits(text)) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
