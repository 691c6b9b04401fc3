package io.github.dingtalkroles.localfile;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.inmemory.DirectorySnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's file format, version {@value #VERSION}:
 *
 * <pre>{@code
 * {"format":"dingtalk-roles-store","version":1,"nextId":1507113600,
 *  "groups":[{"id":1507113577,"name":"Default","roles":[{"id":1507113580,"name":"Owner"}, ...]}, ...]}
 * }</pre>
 *
 * Written pretty-printed with Jackson's default pretty printer. Reading is strict: every field must be
 * present with its type, and the content must satisfy the domain's and the snapshot's rules; anything
 * else is refused with a message naming the problem. Fields may come in any order; unknown fields are
 * ignored; of a repeated field the last counts. The file is read as a Jackson tree and checked field
 * by field, so that a message can say which field of which object is wrong.
 */
final class StoreFormat {
    static final String FORMAT = "dingtalk-roles-store";
    static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter PRETTY = JSON.writerWithDefaultPrettyPrinter();

    private StoreFormat() {
    }

    @JsonPropertyOrder({"format", "version", "nextId", "groups"})
    record StoreFile(String format, int version, long nextId, List<GroupEntry> groups) {
    }

    @JsonPropertyOrder({"id", "name", "roles"})
    record GroupEntry(long id, String name, List<RoleEntry> roles) {
    }

    @JsonPropertyOrder({"id", "name"})
    record RoleEntry(long id, String name) {
    }

    static byte[] write(DirectorySnapshot snapshot) {
        List<GroupEntry> groups = new ArrayList<>();
        for (RoleGroup group : snapshot.groups()) {
            List<RoleEntry> roles = group.roles().stream()
                    .map(role -> new RoleEntry(role.id().value(), role.name().value())).toList();
            groups.add(new GroupEntry(group.id().value(), group.name().value(), roles));
        }
        try {
            return PRETTY.writeValueAsBytes(new StoreFile(FORMAT, VERSION, snapshot.nextId(), groups));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the store", e);
        }
    }

    /**
     * @throws IllegalArgumentException naming what is wrong with the content
     */
    static DirectorySnapshot read(byte[] content) {
        JsonNode store;
        try {
            store = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e); // parsing a byte array does no I/O
        }
        if (store == null || !store.isObject()) {
            throw new IllegalArgumentException("is not a JSON object");
        }
        if (!FORMAT.equals(store.path("format").textValue())) {
            throw new IllegalArgumentException("is not a dingtalk-roles store (no \"format\":\"" + FORMAT + "\")");
        }
        JsonNode version = store.path("version");
        if (!(version.isIntegralNumber() && version.canConvertToLong() && version.longValue() == VERSION)) {
            throw new IllegalArgumentException("has format version " + (version.isMissingNode() ? "" : version)
                    + ", which this version of roles does not know (it reads version " + VERSION + ")");
        }
        long nextId = requireLong(store, "nextId");
        List<RoleGroup> groups = new ArrayList<>();
        for (JsonNode g : requireArray(store, "groups")) {
            RoleGroupId groupId = RoleGroupId.of(requireLong(g, "id"));
            List<Role> roles = new ArrayList<>();
            for (JsonNode r : requireArray(g, "roles")) {
                roles.add(new Role(RoleId.of(requireLong(r, "id")), RoleName.of(requireText(r, "name")), groupId));
            }
            groups.add(new RoleGroup(groupId, RoleGroupName.of(requireText(g, "name")), roles));
        }
        return new DirectorySnapshot(groups, nextId);
    }

    private static long requireLong(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("has no whole number \"" + field + "\" in " + abbreviate(node));
        }
        return value.longValue();
    }

    private static String requireText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("has no text \"" + field + "\" in " + abbreviate(node));
        }
        return value.textValue();
    }

    private static JsonNode requireArray(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isArray()) {
            throw new IllegalArgumentException("has no array \"" + field + "\" in " + abbreviate(node));
        }
        return value;
    }

    /** The node as compact JSON, cut to 80 characters: for error messages. */
    private static String abbreviate(JsonNode node) {
        String s = node.toString();
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
