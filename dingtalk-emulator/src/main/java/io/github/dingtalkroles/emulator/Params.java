package io.github.dingtalkroles.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The named values of a request: from a query string, a form-encoded body or a JSON object body.
 * JSON numbers, strings and booleans all become their text, so {@code {"groupId":11}} and
 * {@code {"groupId":"11"}} read alike, as they do on DingTalk. Absent, JSON {@code null} and blank
 * values are all "not given".
 */
final class Params {
    private static final Params NONE = new Params(Map.of());

    private final Map<String, String> values;

    private Params(Map<String, String> values) {
        this.values = values;
    }

    static Params none() {
        return NONE;
    }

    /**
     * The parameters of a raw (still percent-encoded) query string, or of none if {@code rawQuery} is
     * {@code null}. The first of repeated names wins.
     */
    static Params query(String rawQuery) throws WireException {
        return rawQuery == null ? NONE : form(rawQuery, StandardCharsets.UTF_8, "query string");
    }

    /**
     * The parameters of a request body: JSON if the content type says JSON, form-encoded if it says
     * so; otherwise JSON if the body starts with <code>{</code>, form-encoded if not.
     */
    static Params body(byte[] body, String contentType) throws WireException {
        if (body.length == 0) {
            return NONE;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("json") || (!type.contains("x-www-form-urlencoded") && startsWithBrace(body))) {
            return json(body);
        }
        Charset charset = charset(type);
        return form(new String(body, charset), charset, "form body");
    }

    /** These parameters, and for names they lack, those of {@code fallback}. */
    Params orElse(Params fallback) {
        Map<String, String> merged = new HashMap<>(fallback.values);
        merged.putAll(values);
        return new Params(merged);
    }

    /** The value of {@code name}, stripped of surrounding white space; empty if absent or blank. */
    Optional<String> get(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.strip());
    }

    /** The value of {@code name} as sent (not stripped); empty if absent. */
    Optional<String> raw(String name) {
        return Optional.ofNullable(values.get(name));
    }

    private static boolean startsWithBrace(byte[] body) {
        for (byte b : body) {
            if (b == '{') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return false;
    }

    private static Charset charset(String contentType) throws WireException {
        int at = contentType.indexOf("charset=");
        if (at < 0) {
            return StandardCharsets.UTF_8;
        }
        String name = contentType.substring(at + "charset=".length()).split("[;,\\s]", 2)[0].replace("\"", "");
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw WireError.invalidParameter("unsupported charset").toException();
        }
    }

    private static Params form(String encoded, Charset charset, String what) throws WireException {
        Map<String, String> values = new HashMap<>();
        try {
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset);
                values.putIfAbsent(name, value);
            }
        } catch (IllegalArgumentException e) {
            throw WireError.invalidParameter("malformed " + what).toException();
        }
        return new Params(values);
    }

    private static Params json(byte[] body) throws WireException {
        JsonNode root;
        try {
            root = EmulatorJson.parse(body);
        } catch (IOException e) {
            throw WireError.invalidParameter("the body is not valid JSON").toException();
        }
        if (root == null || !root.isObject()) {
            throw WireError.invalidParameter("the JSON body must be an object").toException();
        }
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (!value.isValueNode()) {
                throw WireError.invalidParameter("every value must be a string or a number").toException();
            }
            values.put(field.getKey(), value.asText());
        }
        return new Params(values);
    }
}
