package io.github.dingtalkroles.dingtalk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.domain.RoleName;
import java.io.IOException;
import java.util.function.Function;

/**
 * The module's one Jackson {@link ObjectMapper}, configured for DingTalk's replies: unknown fields are
 * ignored, trailing tokens after the reply's object are refused, and scalars are read strictly, the same
 * way at every depth:
 *
 * <ul>
 *   <li>integers ({@code Long}, ids, {@code expires_in}): a JSON integer, or a string holding one (ASCII
 *       digits; surrounding whitespace and a sign allowed), as DingTalk's own SDK and some gateways write
 *       numbers. Refused, never rounded or truncated: fractions and exponents ({@code 1.5}, {@code 2.0},
 *       {@code 1e3}, also as strings), values beyond the range of a {@code long}, digits of other scripts,
 *       booleans, objects and arrays;</li>
 *   <li>booleans ({@code Boolean}, {@code hasMore}): {@code true}/{@code false}, or the string
 *       {@code "true"}/{@code "false"} in any case. Refused: numbers such as {@code 0}/{@code 1} and other
 *       strings;</li>
 *   <li>text ({@code String}, names, tokens): a JSON string only. Refused: numbers, booleans, objects and
 *       arrays (no coercion to text).</li>
 * </ul>
 * JSON {@code null} reads as {@code null}: the reply records decide what an absent value means. The
 * domain's ids and names are read by these rules and then checked by the domain's own factories
 * ({@link RoleId#of}, {@link RoleName#of}, ...), so the domain states each invariant once.
 *
 * <p>Refusals are {@link com.fasterxml.jackson.databind.JsonMappingException}s whose original message
 * names the problem, never the value; Jackson adds the path ({@code result.list[0].groupId}).
 *
 * <p>Thread-safe: the mapper is configured once and then only read with.
 */
final class DingTalkJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .addModule(new SimpleModule("dingtalk-strict-scalars")
                    .addDeserializer(Long.class, new StrictLong())
                    .addDeserializer(Boolean.class, new StrictBoolean())
                    .addDeserializer(String.class, new StrictText())
                    .addDeserializer(RoleId.class, domain(new StrictLong(), RoleId::of))
                    .addDeserializer(RoleGroupId.class, domain(new StrictLong(), RoleGroupId::of))
                    .addDeserializer(RoleName.class, domain(new StrictText(), RoleName::of))
                    .addDeserializer(RoleGroupName.class, domain(new StrictText(), RoleGroupName::of))
                    .addDeserializer(UserId.class, domain(new StrictText(), UserId::of))
                    .addDeserializer(DeptId.class, domain(new StrictLong(), DeptId::of)))
            .build();

    private DingTalkJson() {
    }

    /**
     * {@code body} read as a JSON tree, once; the envelope and the endpoint's record are both read from it.
     * A duplicated field's last value wins, at every depth.
     *
     * @return the body's JSON object, or {@code null} if the body is not exactly one JSON object (empty,
     *     truncated, malformed, too deep, an array or a scalar, or followed by more tokens)
     */
    static ObjectNode tree(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(body) instanceof ObjectNode object ? object : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** An integer in the range of a {@code long}, by the rules above. */
    static final class StrictLong extends JsonDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT) {
                JsonParser.NumberType type = p.getNumberType();
                if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                    return p.getLongValue();
                }
                return refuse(ctxt, "is out of the range of a long");
            }
            if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                return refuse(ctxt, "is not an integer (it has a fraction or an exponent)");
            }
            if (token == JsonToken.VALUE_STRING) {
                String text = p.getText().strip();
                if (!isDigits(text)) {
                    return refuse(ctxt, "is not an integer");
                }
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException e) {
                    return refuse(ctxt, "is out of the range of a long");
                }
            }
            return refuse(ctxt, "is not an integer");
        }
    }

    /** {@code true}/{@code false}, as JSON booleans or strings. */
    static final class StrictBoolean extends JsonDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                return token == JsonToken.VALUE_TRUE;
            }
            if (token == JsonToken.VALUE_STRING) {
                String text = p.getText().strip();
                if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                    return text.equalsIgnoreCase("true");
                }
            }
            return refuse(ctxt, "is not a boolean");
        }
    }

    /** A JSON string, never a coerced scalar. */
    static final class StrictText extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return p.getText();
            }
            return refuse(ctxt, "is not a string");
        }
    }

    /**
     * A domain value read as {@code raw} reads its scalar, then made by the domain's factory {@code type}; a
     * value the domain refuses is refused in the domain's words.
     */
    private static <V, T> JsonDeserializer<T> domain(JsonDeserializer<V> raw, Function<V, T> type) {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                V value = raw.deserialize(p, ctxt);
                try {
                    return type.apply(value);
                } catch (IllegalArgumentException e) {
                    return refuse(ctxt, e.getMessage());
                }
            }
        };
    }

    private static <T> T refuse(DeserializationContext ctxt, String problem) throws IOException {
        throw com.fasterxml.jackson.databind.JsonMappingException.from(ctxt, problem);
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
