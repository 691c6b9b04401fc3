package io.github.dingtalkroles.localfile;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.dingtalkroles.domain.Department;
import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.domain.Employee;
import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.inmemory.DirectorySnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's file format. Version {@value #VERSION} is written; versions 1 and 2 are read:
 *
 * <pre>{@code
 * {"format":"dingtalk-roles-store","version":2,"nextId":1507113602,
 *  "groups":[{"id":1507113577,"name":"Default","roles":[{"id":1507113580,"name":"Owner"}, ...]}, ...],
 *  "departments":[{"id":12,"name":"Sales"}],
 *  "employees":[{"userId":"ann","name":"Ann","deptIds":[12]}],
 *  "memberships":[{"roleId":1507113601,"userId":"ann","scope":[12]}]}
 * }</pre>
 *
 * Version 1 has the first four fields only (no roster, no members); it is read as a directory with an
 * empty roster, and the next write stores it as version 2. In a membership, {@code scope} lists the
 * departments the member manages ({@code []}: the whole organisation); memberships are in listing
 * order (each role's members in the order they were granted it).
 *
 * <p>Written pretty-printed with Jackson's default pretty printer. Reading is strict: every field of
 * the file's version must be present with its type, and the content must satisfy the domain's and the
 * snapshot's rules; anything else is refused with a message naming the problem. Fields may come in any
 * order; unknown fields are ignored; of a repeated field the last counts. The file is read as a Jackson
 * tree and checked field by field, so that a message can say which field of which object is wrong.
 */
final class StoreFormat {
    static final String FORMAT = "dingtalk-roles-store";
    /** The version written. */
    static final int VERSION = 2;
    /** The first version, without roster or members. */
    static final int VERSION_1 = 1;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter PRETTY = JSON.writerWithDefaultPrettyPrinter();

    private StoreFormat() {
    }

    @JsonPropertyOrder({"format", "version", "nextId", "groups", "departments", "employees", "memberships"})
    record StoreFile(String format, int version, long nextId, List<GroupEntry> groups,
            List<DepartmentEntry> departments, List<EmployeeEntry> employees, List<MembershipEntry> memberships) {
    }

    @JsonPropertyOrder({"id", "name", "roles"})
    record GroupEntry(long id, String name, List<RoleEntry> roles) {
    }

    @JsonPropertyOrder({"id", "name"})
    record RoleEntry(long id, String name) {
    }

    @JsonPropertyOrder({"id", "name"})
    record DepartmentEntry(long id, String name) {
    }

    @JsonPropertyOrder({"userId", "name", "deptIds"})
    record EmployeeEntry(String userId, String name, List<Long> deptIds) {
    }

    @JsonPropertyOrder({"roleId", "userId", "scope"})
    record MembershipEntry(long roleId, String userId, List<Long> scope) {
    }

    static byte[] write(DirectorySnapshot snapshot) {
        List<GroupEntry> groups = new ArrayList<>();
        for (RoleGroup group : snapshot.groups()) {
            List<RoleEntry> roles = group.roles().stream()
                    .map(role -> new RoleEntry(role.id().value(), role.name().value())).toList();
            groups.add(new GroupEntry(group.id().value(), group.name().value(), roles));
        }
        List<DepartmentEntry> departments = snapshot.departments().stream()
                .map(d -> new DepartmentEntry(d.id().value(), d.name())).toList();
        List<EmployeeEntry> employees = snapshot.employees().stream()
                .map(e -> new EmployeeEntry(e.id().value(), e.name(), values(e.departments()))).toList();
        List<MembershipEntry> memberships = snapshot.memberships().stream()
                .map(m -> new MembershipEntry(m.roleId().value(), m.userId().value(), values(m.scope().departments())))
                .toList();
        try {
            return PRETTY.writeValueAsBytes(new StoreFile(FORMAT, VERSION, snapshot.nextId(), groups, departments,
                    employees, memberships));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the store", e);
        }
    }

    private static List<Long> values(List<DeptId> ids) {
        return ids.stream().map(DeptId::value).toList();
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
        boolean known = version.isIntegralNumber() && version.canConvertToLong()
                && (version.longValue() == VERSION_1 || version.longValue() == VERSION);
        if (!known) {
            throw new IllegalArgumentException("has format version " + (version.isMissingNode() ? "" : version)
                    + ", which this version of roles does not know (it reads versions " + VERSION_1 + " and "
                    + VERSION + ")");
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
        if (version.longValue() == VERSION_1) {
            return new DirectorySnapshot(groups, nextId);
        }
        List<Department> departments = new ArrayList<>();
        for (JsonNode d : requireArray(store, "departments")) {
            departments.add(new Department(DeptId.of(requireLong(d, "id")), requireText(d, "name")));
        }
        List<Employee> employees = new ArrayList<>();
        for (JsonNode e : requireArray(store, "employees")) {
            employees.add(new Employee(UserId.of(requireText(e, "userId")), requireText(e, "name"),
                    deptIds(e, "deptIds")));
        }
        List<DirectorySnapshot.Membership> memberships = new ArrayList<>();
        for (JsonNode m : requireArray(store, "memberships")) {
            memberships.add(new DirectorySnapshot.Membership(RoleId.of(requireLong(m, "roleId")),
                    UserId.of(requireText(m, "userId")), new ManagementScope(deptIds(m, "scope"))));
        }
        return new DirectorySnapshot(groups, nextId, departments, employees, memberships);
    }

    private static List<DeptId> deptIds(JsonNode node, String field) {
        List<DeptId> ids = new ArrayList<>();
        for (JsonNode id : requireArray(node, field)) {
            if (!id.isIntegralNumber() || !id.canConvertToLong()) {
                throw new IllegalArgumentException("has a department id that is not a whole number in \""
                        + field + "\" of " + abbreviate(node));
            }
            ids.add(DeptId.of(id.longValue()));
        }
        return ids;
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
