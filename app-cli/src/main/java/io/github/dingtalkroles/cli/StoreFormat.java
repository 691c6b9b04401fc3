package io.github.dingtalkroles.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.inmemory.DirectorySnapshot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
 */
final class StoreFormat {
    static final String FORMAT = "dingtalk-roles-store";
    static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoreFormat() {
    }

    static byte[] write(DirectorySnapshot snapshot) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("nextId", snapshot.nextId());
        ArrayNode groups = root.putArray("groups");
        for (RoleGroup group : snapshot.groups()) {
            ObjectNode g = groups.addObject();
            g.put("id", group.id().value());
            g.put("name", group.name().value());
            ArrayNode roles = g.putArray("roles");
            for (Role role : group.roles()) {
                roles.addObject().put("id", role.id().value()).put("name", role.name().value());
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the store", e);
        }
    }

    /**
     * @throws IllegalArgumentException naming what is wrong with the content
     */
    static DirectorySnapshot read(byte[] content) {
        JsonNode root;
        try {
            root = JSON.readTree(new String(content, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("is not a JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw new IllegalArgumentException("is not a dingtalk-roles store (no \"format\":\"" + FORMAT + "\")");
        }
        JsonNode version = root.path("version");
        if (!version.isInt() || version.intValue() != VERSION) {
            throw new IllegalArgumentException("has format version " + version
                    + ", which this version of roles does not know (it reads version " + VERSION + ")");
        }
        long nextId = requireLong(root, "nextId");
        List<RoleGroup> groups = new ArrayList<>();
        for (JsonNode g : requireArray(root, "groups")) {
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

    private static String abbreviate(JsonNode node) {
        String s = node.toString();
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
