package io.github.dingtalkroles.dingtalk;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The success bodies of the role endpoints, field for field as DingTalk's API pages show them (note
 * {@code id}/{@code name} in {@code /topapi/role/list} against {@code role_id}/{@code role_name} in
 * {@code /topapi/role/getrolegroup}), and their mapping into domain values. Data the domain refuses
 * (a blank name, an id of 0, a duplicate role) is reported as a non-retryable
 * {@link UnavailableException}: DingTalk returned something this library cannot represent.
 */
final class RoleReplies {
    private RoleReplies() {
    }

    record AddRoleGroupReply(@JsonProperty("groupId") Long groupId) {
    }

    record AddRoleReply(@JsonProperty("roleId") Long roleId) {
    }

    record ListReply(@JsonProperty("result") PageVo result) {
    }

    record PageVo(@JsonProperty("hasMore") Boolean hasMore, @JsonProperty("list") List<OpenRoleGroup> list) {
    }

    record OpenRoleGroup(@JsonProperty("groupId") Long groupId, @JsonProperty("name") String name,
            @JsonProperty("roles") List<OpenRole> roles) {
    }

    record OpenRole(@JsonProperty("id") Long id, @JsonProperty("name") String name) {
    }

    record GetRoleGroupReply(@JsonProperty("role_group") OpenRoleGroupDetail roleGroup) {
    }

    record OpenRoleGroupDetail(@JsonProperty("group_name") String groupName,
            @JsonProperty("roles") List<OpenGroupRole> roles) {
    }

    record OpenGroupRole(@JsonProperty("role_id") Long roleId, @JsonProperty("role_name") String roleName) {
    }

    /** The id in an {@code add_role_group} success body, if it holds a usable one. */
    static Optional<RoleGroupId> newGroupId(JsonNode body) {
        try {
            return Optional.of(RoleGroupId.of(Json.bind(body, AddRoleGroupReply.class).groupId()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The id in an {@code add_role} success body, if it holds a usable one. */
    static Optional<RoleId> newRoleId(JsonNode body) {
        try {
            return Optional.of(RoleId.of(Json.bind(body, AddRoleReply.class).roleId()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A {@code /topapi/role/list} success body as a page. */
    static RoleGroupPage page(PageRequest request, JsonNode body) {
        try {
            PageVo result = Objects.requireNonNull(Json.bind(body, ListReply.class).result(), "no result");
            Boolean hasMore = Objects.requireNonNull(result.hasMore(), "no result.hasMore");
            List<RoleGroup> groups = new ArrayList<>();
            for (OpenRoleGroup group : orEmpty(result.list())) {
                RoleGroupId id = RoleGroupId.of(Objects.requireNonNull(group.groupId(), "a group without groupId"));
                List<Role> roles = new ArrayList<>();
                for (OpenRole role : orEmpty(group.roles())) {
                    roles.add(new Role(RoleId.of(Objects.requireNonNull(role.id(), "a role without id")),
                            RoleName.of(role.name()), id));
                }
                groups.add(new RoleGroup(id, RoleGroupName.of(group.name()), roles));
            }
            return new RoleGroupPage(request, groups, hasMore);
        } catch (RuntimeException e) {
            throw invalidData("list", e, body);
        }
    }

    /** A {@code /topapi/role/getrolegroup} success body as the group {@code id}. */
    static RoleGroup group(RoleGroupId id, JsonNode body) {
        try {
            OpenRoleGroupDetail group = Objects.requireNonNull(
                    Json.bind(body, GetRoleGroupReply.class).roleGroup(), "no role_group");
            List<Role> roles = new ArrayList<>();
            for (OpenGroupRole role : orEmpty(group.roles())) {
                roles.add(new Role(RoleId.of(Objects.requireNonNull(role.roleId(), "a role without role_id")),
                        RoleName.of(role.roleName()), id));
            }
            return new RoleGroup(id, RoleGroupName.of(group.groupName()), roles);
        } catch (RuntimeException e) {
            throw invalidData("getrolegroup", e, body);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static UnavailableException invalidData(String operation, RuntimeException problem, JsonNode body) {
        String requestId = body.hasNonNull("request_id") ? body.get("request_id").asText() : null;
        return new UnavailableException("DingTalk returned invalid data for " + operation + ": "
                + Objects.toString(problem.getMessage(), problem.getClass().getSimpleName()), false, false,
                new BackendDiagnostics(null, null, requestId), null);
    }
}
