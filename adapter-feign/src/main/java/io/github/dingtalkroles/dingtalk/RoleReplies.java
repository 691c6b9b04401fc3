package io.github.dingtalkroles.dingtalk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleGroupPage;
import io.github.dingtalkroles.port.UnavailableException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * The success bodies of the role endpoints, decoded straight into domain values by {@link BodyReader}s
 * during the reply's single streaming pass ({@link Reply#of(int, byte[], BodyReader)}). Field for field as DingTalk's API pages show them (note {@code id}/{@code name} in
 * {@code /topapi/role/list} against {@code role_id}/{@code role_name} in {@code /topapi/role/getrolegroup}):
 *
 * <ul>
 *   <li>{@code add_role_group}: {@code groupId}; {@code add_role}: {@code roleId} (an unusable id is
 *       reported like a lost reply, see {@link #newGroupId()});</li>
 *   <li>{@code list}: {@code result.hasMore} (required), {@code result.list[].groupId} (required),
 *       {@code .name}, {@code .roles[].id} (required), {@code .roles[].name};</li>
 *   <li>{@code getrolegroup}: {@code role_group} (required), {@code .group_name},
 *       {@code .roles[].role_id} (required), {@code .roles[].role_name}.</li>
 * </ul>
 *
 * <p>Unknown fields are ignored at every depth. A missing or {@code null} list is empty. Scalars are read
 * as {@link Json} describes (ids as integers or numeric strings, never rounded; names as strings only).
 * A duplicated field's last occurrence wins, but every occurrence must be well-typed (the first
 * refused value decides). Data the domain
 * refuses (a blank name, an id of 0, a duplicate role), a missing required field or a wrong type is
 * reported as a non-retryable {@link UnavailableException} "DingTalk returned invalid data for
 * &lt;op&gt;: &lt;problem&gt;" with the reply's request id: DingTalk returned something this library
 * cannot represent.
 *
 * <p>The factories are stateless and thread-safe; each {@link BodyReader} they return reads one reply
 * on one thread.
 */
final class RoleReplies {
    private static final String GROUP_ID = "result.list[].groupId";
    /** The roles of a {@code /topapi/role/list} group and of a {@code getrolegroup} group. */
    private static final RoleFields LIST_ROLES = new RoleFields("result.list[].roles", "id", "name");
    private static final RoleFields GROUP_ROLES = new RoleFields("role_group.roles", "role_id", "role_name");

    private RoleReplies() {
    }

    /**
     * Reads the id in an {@code add_role_group} success body. Its result throws a retryable
     * {@link AttemptFailed} that may hide a carried-out write if the body holds no usable id: DingTalk
     * confirmed the write, so the next attempt looks for it like after a lost reply.
     */
    static BodyReader<RoleGroupId> newGroupId() {
        return new NewId<>("add_role_group", "groupId", RoleGroupId::of);
    }

    /** Reads the id in an {@code add_role} success body; like {@link #newGroupId()}. */
    static BodyReader<RoleId> newRoleId() {
        return new NewId<>("add_role", "roleId", RoleId::of);
    }

    /** The top-level id {@code field}; unusable if it is missing, null, no integer or not positive. */
    private static final class NewId<T> extends BodyReader<T> {
        private final String operation;
        private final String field;
        private final LongFunction<T> type;
        private long id;

        NewId(String operation, String field, LongFunction<T> type) {
            this.operation = operation;
            this.field = field;
            this.type = type;
        }

        @Override
        protected boolean read(String name, JsonParser p) throws IOException {
            if (!name.equals(field)) {
                return false;
            }
            id = p.currentToken() == JsonToken.VALUE_NULL ? 0 : Json.readLong(p, field);
            return true;
        }

        @Override
        protected T result(SuccessBody body, RuntimeException problem) {
            if (problem != null || id <= 0) {
                throw AttemptFailed.backOff(new UnavailableException("DingTalk confirmed " + operation
                        + " but returned no usable " + field, new BackendDiagnostics("0", null, body.requestId())), true);
            }
            return type.apply(id);
        }
    }

    /** Reads a {@code /topapi/role/list} success body as the page {@code request}. */
    static BodyReader<RoleGroupPage> page(PageRequest request) {
        return new BodyReader<>() {
            private ListResult result;

            @Override
            protected boolean read(String name, JsonParser p) throws IOException {
                if (!name.equals("result")) {
                    return false;
                }
                result = p.currentToken() == JsonToken.VALUE_NULL ? null : listResult(p);
                return true;
            }

            @Override
            protected RoleGroupPage result(SuccessBody body, RuntimeException problem) {
                try {
                    if (problem != null) {
                        throw problem;
                    }
                    if (result == null) {
                        throw new Json.InvalidData("no result");
                    }
                    if (result.hasMore == null) {
                        throw new Json.InvalidData("no result.hasMore");
                    }
                    return new RoleGroupPage(request, result.groups, result.hasMore);
                } catch (RuntimeException e) {
                    throw invalidData("list", e, body);
                }
            }
        };
    }

    /** {@code result}: {@code hasMore} and {@code list}. */
    private static final class ListResult {
        Boolean hasMore;
        List<RoleGroup> groups = List.of();
    }

    private static ListResult listResult(JsonParser p) throws IOException {
        Json.requireObject(p, "result");
        ListResult result = new ListResult();
        PendingRoles pending = new PendingRoles();
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken value = p.nextToken();
            switch (name) {
                case "hasMore" -> result.hasMore = value == JsonToken.VALUE_NULL ? null
                        : Json.readBoolean(p, "result.hasMore");
                case "list" -> result.groups = value == JsonToken.VALUE_NULL ? List.of() : groups(p, pending);
                default -> p.skipChildren();
            }
        }
        return result;
    }

    private static List<RoleGroup> groups(JsonParser p, PendingRoles pending) throws IOException {
        Json.requireArray(p, "result.list");
        List<RoleGroup> groups = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            Json.requireObject(p, "an element of result.list");
            groups.add(listGroup(p, pending));
        }
        return groups;
    }

    /** One {@code OpenRoleGroup}. Its roles are kept pending until the group's id is known (it may come last). */
    private static RoleGroup listGroup(JsonParser p, PendingRoles pending) throws IOException {
        pending.clear();
        long groupId = 0;
        boolean hasGroupId = false;
        String groupName = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken value = p.nextToken();
            switch (name) {
                case "groupId" -> {
                    hasGroupId = value != JsonToken.VALUE_NULL;
                    groupId = hasGroupId ? Json.readLong(p, GROUP_ID) : 0;
                }
                case "name" -> groupName = Json.readString(p, "result.list[].name");
                case "roles" -> {
                    pending.clear();
                    if (value != JsonToken.VALUE_NULL) {
                        readRoles(p, LIST_ROLES, pending);
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (!hasGroupId) {
            throw new Json.InvalidData("a group without groupId");
        }
        RoleGroupId id = RoleGroupId.of(groupId);
        return new RoleGroup(id, RoleGroupName.of(groupName), pending.roles(id));
    }

    /**
     * Where one endpoint keeps a group's roles: the array's path (for messages) and each role's id and
     * name fields; the paths of the fields are worked out once.
     */
    private record RoleFields(String path, String id, String name, String element, String idPath, String namePath,
            String withoutId) {
        RoleFields(String path, String id, String name) {
            this(path, id, name, "an element of " + path, path + "[]." + id, path + "[]." + name,
                    "a role without " + id);
        }
    }

    /** Reads a group's array of roles into {@code pending}, whichever endpoint's field names it uses. */
    private static void readRoles(JsonParser p, RoleFields fields, PendingRoles pending) throws IOException {
        Json.requireArray(p, fields.path());
        while (p.nextToken() != JsonToken.END_ARRAY) {
            Json.requireObject(p, fields.element());
            long roleId = 0;
            boolean hasRoleId = false;
            String roleName = null;
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken value = p.nextToken();
                if (name.equals(fields.id())) {
                    hasRoleId = value != JsonToken.VALUE_NULL;
                    roleId = hasRoleId ? Json.readLong(p, fields.idPath()) : 0;
                } else if (name.equals(fields.name())) {
                    roleName = Json.readString(p, fields.namePath());
                } else {
                    p.skipChildren();
                }
            }
            if (!hasRoleId) {
                throw new Json.InvalidData(fields.withoutId());
            }
            pending.add(roleId, roleName);
        }
    }

    /** The roles of the group being read, as ids and raw names; on a list page, reused from group to group. */
    private static final class PendingRoles {
        long[] ids = new long[8];
        String[] names = new String[8];
        int size;

        void clear() {
            Arrays.fill(names, 0, size, null);
            size = 0;
        }

        /** The pending roles as the roles of group {@code groupId}; the domain checks them here. */
        List<Role> roles(RoleGroupId groupId) {
            List<Role> roles = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                roles.add(new Role(RoleId.of(ids[i]), RoleName.of(names[i]), groupId));
            }
            return roles;
        }

        void add(long id, String name) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                names = Arrays.copyOf(names, size * 2);
            }
            ids[size] = id;
            names[size] = name;
            size++;
        }
    }

    /** Reads a {@code /topapi/role/getrolegroup} success body as the group {@code id}. */
    static BodyReader<RoleGroup> group(RoleGroupId id) {
        return new BodyReader<>() {
            private RoleGroup group;

            @Override
            protected boolean read(String name, JsonParser p) throws IOException {
                if (!name.equals("role_group")) {
                    return false;
                }
                group = p.currentToken() == JsonToken.VALUE_NULL ? null : roleGroup(id, p);
                return true;
            }

            @Override
            protected RoleGroup result(SuccessBody body, RuntimeException problem) {
                if (problem != null) {
                    throw invalidData("getrolegroup", problem, body);
                }
                if (group == null) {
                    throw invalidData("getrolegroup", new Json.InvalidData("no role_group"), body);
                }
                return group;
            }
        };
    }

    /** One {@code OpenRoleGroup} of getrolegroup; the group's id is the one asked for. */
    private static RoleGroup roleGroup(RoleGroupId id, JsonParser p) throws IOException {
        Json.requireObject(p, "role_group");
        String groupName = null;
        PendingRoles pending = new PendingRoles();
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken value = p.nextToken();
            switch (name) {
                case "group_name" -> groupName = Json.readString(p, "role_group.group_name");
                case "roles" -> {
                    pending.clear();
                    if (value != JsonToken.VALUE_NULL) {
                        readRoles(p, GROUP_ROLES, pending);
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new RoleGroup(id, RoleGroupName.of(groupName), pending.roles(id));
    }

    private static UnavailableException invalidData(String operation, RuntimeException problem, SuccessBody body) {
        return body.invalid("DingTalk returned invalid data for " + operation + ": "
                + Objects.toString(problem.getMessage(), problem.getClass().getSimpleName()));
    }
}
