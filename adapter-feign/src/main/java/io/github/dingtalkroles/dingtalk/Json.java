package io.github.dingtalkroles.dingtalk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The module's one Jackson {@link JsonFactory} (behind {@link #parser}, which {@link Reply} uses) and
 * the scalar readers that the body decoders ({@link RoleReplies}, {@link AppCredentialsTokenSource})
 * share; {@link Reply#asInt} reads an {@code errcode} by the same digit rule ({@link #isDigits}). No tree and no
 * data binding: each decoder walks a {@link JsonParser} once and keeps only the fields it needs.
 *
 * <p>What the readers accept, for every decoder alike:
 * <ul>
 *   <li>integers (ids, {@code expires_in}): a JSON integer, or a string holding one (ASCII digits;
 *       surrounding whitespace and a sign allowed), as DingTalk's own SDK and some gateways write numbers. Refused,
 *       never rounded or truncated: fractions and exponents ({@code 1.5}, {@code 2.0}, {@code 1e3}, also
 *       as strings), values beyond the range of a {@code long}, booleans, objects and arrays;</li>
 *   <li>booleans ({@code hasMore}): {@code true}/{@code false}, or the string {@code "true"}/{@code "false"}
 *       (any case, surrounding whitespace allowed). Refused: numbers such as {@code 0}/{@code 1} and other strings;</li>
 *   <li>text (names, tokens): a JSON string only. Refused: numbers and booleans (no coercion to text).</li>
 * </ul>
 * JSON {@code null} counts as an absent field. Refusals are {@link InvalidData} whose message names
 * the field, never its value, so no secret from a reply can reach it.
 *
 * <p>Thread-safe: the factory is configured once and only creates parsers; each parser is used by one
 * thread for one reply.
 */
final class Json {
    /** Jackson's defaults: UTF-8/16/32 detection, nesting and number length limits, strict syntax. */
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private Json() {
    }

    /** A parser over {@code body}. */
    static JsonParser parser(byte[] body) throws IOException {
        return FACTORY.createParser(body);
    }

    /**
     * A reply that is well-formed JSON but not what its endpoint documents: a required field missing or of
     * the wrong type. The message names the field (like {@code result.list[].groupId}), never its value.
     * No stack trace: it is caught inside the adapter and reported as a port exception.
     */
    static final class InvalidData extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidData(String problem) {
            super(problem, null, false, false);
        }
    }

    /**
     * The integer at the parser's current (value) token.
     *
     * @param field the field's path, for the message
     * @throws InvalidData if the value is not an integer in the range of a {@code long} (see the class comment)
     */
    static long readLong(JsonParser p, String field) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType type = p.getNumberType();
            if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                return p.getLongValue();
            }
            throw new InvalidData(field + " is out of the range of a long");
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            throw new InvalidData(field + " is not an integer (it has a fraction or an exponent)");
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = p.getText().strip();
            if (!isDigits(text)) {
                throw new InvalidData(field + " is not an integer");
            }
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new InvalidData(field + " is out of the range of a long");
            }
        }
        throw new InvalidData(field + " is not an integer");
    }

    /**
     * The boolean at the parser's current (value) token.
     *
     * @param field the field's path, for the message
     * @throws InvalidData if the value is not a boolean (see the class comment)
     */
    static boolean readBoolean(JsonParser p, String field) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (token == JsonToken.VALUE_FALSE) {
            return false;
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = p.getText().strip();
            if (text.equalsIgnoreCase("true")) {
                return true;
            }
            if (text.equalsIgnoreCase("false")) {
                return false;
            }
        }
        throw new InvalidData(field + " is not a boolean");
    }

    /**
     * The string at the parser's current (value) token, or {@code null} for JSON {@code null}.
     *
     * @param field the field's path, for the message
     * @throws InvalidData if the value is not a string
     */
    static String readString(JsonParser p, String field) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new InvalidData(field + " is not a string");
    }

    /**
     * Checks that the parser's current token starts an object.
     *
     * @param what the value's path, for the message
     * @throws InvalidData if it does not
     */
    static void requireObject(JsonParser p, String what) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new InvalidData(what + " is not an object");
        }
    }

    /**
     * Checks that the parser's current token starts an array.
     *
     * @param what the value's path, for the message
     * @throws InvalidData if it does not
     */
    static void requireArray(JsonParser p, String what) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new InvalidData(what + " is not an array");
        }
    }

    /** Whether {@code text} is an optional sign and ASCII digits ({@link Long#parseLong} also takes other scripts' digits). */
    static boolean isDigits(String text) {
        int start = !text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        if (start == text.length()) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
