package io.github.dingtalkroles.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.inmemory.DirectorySnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local store's file format, version {@value #VERSION}:
 *
 * <pre>{@code
 * {"format":"dingtalk-roles-store","version":1,"nextId":1507113600,
 *  "groups":[{"id":1507113577,"name":"Default","roles":[{"id":1507113580,"name":"Owner"}, ...]}, ...]}
 * }</pre>
 *
 * Reading is strict: every field must be present with its type, and the content must satisfy the
 * domain's and the snapshot's rules; anything else is refused with a message naming the problem.
 * Fields may come in any order; unknown fields are ignored; of a repeated field the last counts.
 *
 * <p>Written and read with jackson-core's streaming API only: the CLI starts with every command, and
 * databind's {@code ObjectMapper} costs several hundred classes to load for a file this simple. The
 * file is parsed into plain values ({@code Map}, {@code List}, {@code String}, {@code Long},
 * {@code BigInteger}, {@code Double}, {@code Boolean}, {@code null}) and checked from those, so the
 * fields' order does not matter. Output is pretty-printed with jackson's default pretty printer.
 */
final class StoreFormat {
    static final String FORMAT = "dingtalk-roles-store";
    static final int VERSION = 1;

    private static final JsonFactory JSON = new JsonFactory();

    private StoreFormat() {
    }

    static byte[] write(DirectorySnapshot snapshot) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeNumberField("version", VERSION);
            json.writeNumberField("nextId", snapshot.nextId());
            json.writeArrayFieldStart("groups");
            for (RoleGroup group : snapshot.groups()) {
                json.writeStartObject();
                json.writeNumberField("id", group.id().value());
                json.writeStringField("name", group.name().value());
                json.writeArrayFieldStart("roles");
                for (Role role : group.roles()) {
                    json.writeStartObject();
                    json.writeNumberField("id", role.id().value());
                    json.writeStringField("name", role.name().value());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot render the store", e);
        }
        return bytes.toByteArray();
    }

    /**
     * @throws IllegalArgumentException naming what is wrong with the content
     */
    static DirectorySnapshot read(byte[] content) {
        Object root;
        try (JsonParser parser = JSON.createParser(new String(content, StandardCharsets.UTF_8))) {
            root = parser.nextToken() == null ? null : value(parser);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e); // parsing a String does no I/O
        }
        if (!(root instanceof Map<?, ?> store)) {
            throw new IllegalArgumentException("is not a JSON object");
        }
        if (!FORMAT.equals(store.get("format"))) {
            throw new IllegalArgumentException("is not a dingtalk-roles store (no \"format\":\"" + FORMAT + "\")");
        }
        Object version = store.get("version");
        if (!Long.valueOf(VERSION).equals(version)) {
            throw new IllegalArgumentException("has format version " + (store.containsKey("version") ? render(version) : "")
                    + ", which this version of roles does not know (it reads version " + VERSION + ")");
        }
        long nextId = requireLong(store, "nextId");
        List<RoleGroup> groups = new ArrayList<>();
        for (Object g : requireArray(store, "groups")) {
            RoleGroupId groupId = RoleGroupId.of(requireLong(g, "id"));
            List<Role> roles = new ArrayList<>();
            for (Object r : requireArray(g, "roles")) {
                roles.add(new Role(RoleId.of(requireLong(r, "id")), RoleName.of(requireText(r, "name")), groupId));
            }
            groups.add(new RoleGroup(groupId, RoleGroupName.of(requireText(g, "name")), roles));
        }
        return new DirectorySnapshot(groups, nextId);
    }

    /** The value that starts at the parser's current token, as plain Java values; nothing after it is read. */
    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.put(name, value(parser));
                }
                return object;
            case START_ARRAY:
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser));
                }
                return array;
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalStateException("unexpected " + token + " from the JSON parser");
        }
    }

    private static long requireLong(Object node, String field) {
        if (!(field(node, field) instanceof Long value)) {
            throw new IllegalArgumentException("has no whole number \"" + field + "\" in " + abbreviate(node));
        }
        return value;
    }

    private static String requireText(Object node, String field) {
        if (!(field(node, field) instanceof String value)) {
            throw new IllegalArgumentException("has no text \"" + field + "\" in " + abbreviate(node));
        }
        return value;
    }

    private static List<?> requireArray(Object node, String field) {
        if (!(field(node, field) instanceof List<?> value)) {
            throw new IllegalArgumentException("has no array \"" + field + "\" in " + abbreviate(node));
        }
        return value;
    }

    private static Object field(Object node, String field) {
        return node instanceof Map<?, ?> object ? object.get(field) : null;
    }

    private static String abbreviate(Object node) {
        String s = render(node);
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** A parsed value as compact JSON, for error messages. */
    private static String render(Object value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            render(json, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to a StringWriter does no I/O
        }
        return text.toString();
    }

    private static void render(JsonGenerator json, Object value) throws IOException {
        if (value instanceof Map<?, ?> object) {
            json.writeStartObject();
            for (Map.Entry<?, ?> field : object.entrySet()) {
                json.writeFieldName((String) field.getKey());
                render(json, field.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> array) {
            json.writeStartArray();
            for (Object element : array) {
                render(json, element);
            }
            json.writeEndArray();
        } else if (value instanceof String s) {
            json.writeString(s);
        } else if (value instanceof Long n) {
            json.writeNumber(n);
        } else if (value instanceof BigInteger n) {
            json.writeNumber(n);
        } else if (value instanceof Double n) {
            json.writeNumber(n);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else {
            json.writeNull();
        }
    }
}
