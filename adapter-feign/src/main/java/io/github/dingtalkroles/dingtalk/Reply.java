package io.github.dingtalkroles.dingtalk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import io.github.dingtalkroles.port.BackendDiagnostics;
import java.io.EOFException;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * What DingTalk answered to one request: the HTTP status, the raw body, and the envelope fields of the
 * body if it is a JSON object. The envelope is read when the reply is made, in one streaming pass over the
 * body that also feeds the endpoint's {@link BodyReader}, so a body is parsed once.
 *
 * <p>Immutable (the body array is never written) and so thread-safe.
 */
final class Reply {
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    static final int DIAGNOSTIC_LIMIT = 128;

    private final int status;
    private final byte[] body;
    /** {@code null} if the body is no JSON object. */
    private final Envelope envelope;
    /** The reader fed with the body, or {@code null}. */
    private final BodyReader<?> reader;

    private Reply(int status, byte[] body, BodyReader<?> reader) {
        this.status = status;
        this.body = body;
        this.reader = reader;
        this.envelope = Envelope.read(body, reader);
    }

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
         * Reads the envelope in one streaming pass over the body's top level, handing every other top-level
         * field to {@code reader} (if any) and skipping the nested objects and arrays nobody reads. The whole
         * body is read, so a truncated body or one with trailing tokens is no JSON object.
         *
         * @param reader the endpoint's body reader, or {@code null}
         * @return the envelope, or {@code null} if {@code body} is not exactly one JSON object
         */
        static Envelope read(byte[] body, BodyReader<?> reader) {
            if (body.length == 0) {
                return null;
            }
            try (JsonParser p = Json.parser(body)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return null;
                }
                JsonStreamContext top = p.getParsingContext();
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
                            if (reader != null && reader.isHealthy() && feed(reader, field, p, top)) {
                                continue;
                            }
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

        /**
         * Lets {@code reader} read {@code field}'s value. If it fails, keeps its problem and moves the parser
         * back to the top-level object, at the failed value's last token.
         *
         * @return whether the value was read (or skipped after a problem)
         */
        private static boolean feed(BodyReader<?> reader, String field, JsonParser p, JsonStreamContext top)
                throws IOException {
            try {
                return reader.read(field, p);
            } catch (RuntimeException e) {
                reader.failed(e);
                while (p.getParsingContext() != top) {
                    if (p.nextToken() == null) {
                        throw new EOFException("the body ends inside a value");
                    }
                }
                return true;
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

    /** A reply whose body only the envelope is read from. */
    static Reply of(int status, byte[] body) {
        return new Reply(status, body, null);
    }

    /**
     * A reply whose envelope is read and, in the same pass, whose endpoint fields are fed to
     * {@code reader} (see {@link Envelope#read}).
     *
     * @param reader a reader that has read no reply yet
     */
    static Reply of(int status, byte[] body, BodyReader<?> reader) {
        reader.start();
        return new Reply(status, body, reader);
    }

    /** Whether {@code candidate} is the reader this reply's body was fed to. */
    boolean wasReadWith(BodyReader<?> candidate) {
        return reader == candidate;
    }

    int status() {
        return status;
    }

    byte[] body() {
        return body;
    }

    /** The body's envelope, or {@code null} if the body is no JSON object. */
    Envelope envelope() {
        return envelope;
    }

    /** Whether the body is a JSON object (and nothing else). */
    boolean isJsonObject() {
        return envelope() != null;
    }

    boolean isSuccessfulStatus() {
        return status >= 200 && status < 300;
    }

    boolean hasErrcode() {
        return envelope() != null && envelope().hasErrcode();
    }

    /** {@code errcode} as DingTalk wrote it (number or string), or {@code null}. */
    String errcodeText() {
        Envelope read = envelope();
        return read == null ? null : read.errcode();
    }

    /**
     * {@code errcode} as a number: DingTalk sends a number, some gateways a numeric string. Returns
     * {@code null} if absent or not an integer.
     */
    Integer errcode() {
        return asInt(errcodeText());
    }

    String subCode() {
        Envelope read = envelope();
        return read == null ? null : read.subCode();
    }

    String errmsg() {
        Envelope read = envelope();
        return read == null ? null : read.errmsg();
    }

    String requestId() {
        Envelope read = envelope();
        return read == null ? null : read.requestId();
    }

    /** Whether the body is DingTalk's IP-ban JSON ({@code punish} / {@code wait}, no errcode). */
    boolean isPunishPage() {
        return envelope() != null && !envelope().hasErrcode() && envelope().punishOrWait();
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
        return safe(value, DIAGNOSTIC_LIMIT, secrets);
    }

    /** As {@link #safe(String, String...)}, cut after {@code limit} characters (then ending in "..."). */
    static String safe(String value, int limit, String... secrets) {
        if (value == null) {
            return null;
        }
        String clean = CONTROL.matcher(Redaction.redact(value, secrets)).replaceAll(" ");
        return clean.length() > limit ? clean.substring(0, limit) + "..." : clean;
    }

    /** {@code text} as an int: ASCII digits with an optional sign, as ids are read ({@link Json#isDigits}). */
    static Integer asInt(String text) {
        if (text == null || !Json.isDigits(text)) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
