package io.github.dingtalkroles.dingtalk;

import com.fasterxml.jackson.annotation.JsonProperty;
import feign.Headers;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.domain.Department;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleMember;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.domain.UserId;
import java.util.List;
import java.util.Objects;

/**
 * DingTalk's oapi role endpoints, exactly as its API pages name them, and the reply each one returns.
 * Form fields are written by the {@link FormUrlEncoder}; the access token is added to the query string by
 * the {@link AccessTokenInterceptor}; replies are read by the {@link DingTalkDecoder} (which checks the
 * envelope first) and, for a status other than 2xx, the {@link DingTalkErrorDecoder}. The request options
 * carry each call's timeouts, cut to fit the operation's deadline.
 *
 * <p>The reply records name DingTalk's fields; their ids and names are read as {@link DingTalkJson}
 * describes and checked by the domain. A field missing from a reply is {@code null} in its record; where
 * the endpoint's page calls a field required, the record refuses to be made without it.
 */
interface DingTalkApi {
    String FORM = "Content-Type: application/x-www-form-urlencoded;charset=utf-8";
    String JSON = "Accept: application/json";

    @RequestLine("POST /role/add_role_group")
    @Headers({FORM, JSON})
    AddRoleGroupReply addRoleGroup(@Param("name") String name, Request.Options options);

    @RequestLine("POST /role/add_role")
    @Headers({FORM, JSON})
    AddRoleReply addRole(@Param("roleName") String roleName, @Param("groupId") long groupId,
            Request.Options options);

    @RequestLine("POST /role/update_role")
    @Headers({FORM, JSON})
    UpdateRoleReply updateRole(@Param("roleId") long roleId, @Param("roleName") String roleName,
            Request.Options options);

    @RequestLine("POST /topapi/role/list")
    @Headers({FORM, JSON})
    ListReply listRoleGroups(@Param("size") int size, @Param("offset") int offset, Request.Options options);

    @RequestLine("POST /topapi/role/getrolegroup")
    @Headers({FORM, JSON})
    GetRoleGroupReply getRoleGroup(@Param("group_id") long groupId, Request.Options options);

    @RequestLine("POST /topapi/role/getrole")
    @Headers({FORM, JSON})
    GetRoleReply getRole(@Param("roleId") long roleId, Request.Options options);

    @RequestLine("POST /topapi/role/deleterole")
    @Headers({FORM, JSON})
    NoFields deleteRole(@Param("role_id") long roleId, Request.Options options);

    @RequestLine("POST /topapi/role/simplelist")
    @Headers({FORM, JSON})
    SimpleListReply listMembers(@Param("role_id") long roleId, @Param("size") int size, @Param("offset") int offset,
            Request.Options options);

    /** {@code roleIds} and {@code userIds} are comma-separated. */
    @RequestLine("POST /topapi/role/addrolesforemps")
    @Headers({FORM, JSON})
    NoFields addRolesForEmployees(@Param("roleIds") String roleIds, @Param("userIds") String userIds,
            Request.Options options);

    /** {@code roleIds} and {@code userIds} are comma-separated. */
    @RequestLine("POST /topapi/role/removerolesforemps")
    @Headers({FORM, JSON})
    NoFields removeRolesForEmployees(@Param("roleIds") String roleIds, @Param("userIds") String userIds,
            Request.Options options);

    /** {@code dept_ids} is comma-separated; {@code null} (not sent) for the whole organisation. */
    @RequestLine("POST /topapi/role/scope/update")
    @Headers({FORM, JSON})
    NoFields updateScope(@Param("userid") String userId, @Param("role_id") long roleId,
            @Param("dept_ids") String deptIds, Request.Options options);

    /** A JSON array's elements: missing or null is empty, a null element is refused. */
    private static <T> List<T> elements(List<T> array, String path) {
        if (array == null) {
            return List.of();
        }
        for (T element : array) {
            Objects.requireNonNull(element, "an element of " + path + " is not an object");
        }
        return array;
    }

    /** {@code add_role_group}: the new group's id; an unusable one is reported like a lost reply. */
    record AddRoleGroupReply(Long groupId) {
    }

    /** {@code add_role}: the new role's id; an unusable one is reported like a lost reply. */
    record AddRoleReply(Long roleId) {
    }

    /** {@code update_role}: nothing beyond the envelope. */
    record UpdateRoleReply() {
    }

    /** {@code /topapi/role/list}: {@code result} (required). */
    record ListReply(ListResult result) {
        public ListReply {
            Objects.requireNonNull(result, "no result");
        }
    }

    /**
     * {@code result}: {@code hasMore} (required) and {@code list} (missing or null is empty).
     *
     * @param hasMore whether groups follow
     * @param list the page's groups
     */
    record ListResult(Boolean hasMore, List<ListedGroup> list) {
        public ListResult {
            Objects.requireNonNull(hasMore, "no hasMore");
            list = elements(list, "result.list");
        }
    }

    /**
     * One group of a list page ({@code OpenRoleGroup}): {@code groupId} (required), {@code name} and
     * {@code roles[]} of {@code id}/{@code name}. Made into a domain value when read, so that a group the
     * domain refuses (two roles of one name, say) is refused as invalid data.
     *
     * @param group the group
     */
    record ListedGroup(RoleGroup group) {
        @com.fasterxml.jackson.annotation.JsonCreator
        public static ListedGroup of(@JsonProperty("groupId") RoleGroupId groupId, @JsonProperty("name") RoleGroupName name,
                @JsonProperty("roles") List<ListedRole> roles) {
            Objects.requireNonNull(groupId, "a group without groupId");
            Objects.requireNonNull(name, "a group without name");
            List<Role> domain = elements(roles, "roles").stream().map(r -> new Role(r.id(), r.name(), groupId)).toList();
            return new ListedGroup(new RoleGroup(groupId, name, domain));
        }
    }

    /** A role of a list page: {@code id} (required) and {@code name}. */
    record ListedRole(RoleId id, RoleName name) {
        public ListedRole {
            Objects.requireNonNull(id, "a role without id");
            Objects.requireNonNull(name, "a role without name");
        }
    }

    /**
     * {@code /topapi/role/getrolegroup}: {@code role_group} (required). The group's id is not in the reply;
     * it is the one asked for.
     */
    record GetRoleGroupReply(@JsonProperty("role_group") GroupBody roleGroup) {
        public GetRoleGroupReply {
            Objects.requireNonNull(roleGroup, "no role_group");
        }
    }

    /** {@code role_group}: {@code group_name} and {@code roles[]} of {@code role_id}/{@code role_name}. */
    record GroupBody(@JsonProperty("group_name") RoleGroupName groupName, List<GroupRole> roles) {
        public GroupBody {
            Objects.requireNonNull(groupName, "a group without group_name");
            roles = elements(roles, "role_group.roles");
        }

        /** The group, as group {@code id}. */
        public RoleGroup toRoleGroup(RoleGroupId id) {
            return new RoleGroup(id, groupName, roles.stream().map(r -> new Role(r.roleId(), r.roleName(), id)).toList());
        }
    }

    /** A role of {@code role_group}: {@code role_id} (required) and {@code role_name}. */
    record GroupRole(@JsonProperty("role_id") RoleId roleId, @JsonProperty("role_name") RoleName roleName) {
        public GroupRole {
            Objects.requireNonNull(roleId, "a role without role_id");
            Objects.requireNonNull(roleName, "a role without role_name");
        }
    }

    /** A reply with nothing beyond the envelope ({@code deleterole}, the membership writes). */
    record NoFields() {
    }

    /** {@code /topapi/role/getrole}: {@code role} (required). */
    record GetRoleReply(RoleBody role) {
        public GetRoleReply {
            Objects.requireNonNull(role, "no role");
        }
    }

    /** {@code role}: {@code name} and {@code groupId} (both required); the id is the one asked for. */
    record RoleBody(RoleName name, RoleGroupId groupId) {
        public RoleBody {
            Objects.requireNonNull(name, "a role without name");
            Objects.requireNonNull(groupId, "a role without groupId");
        }
    }

    /** {@code /topapi/role/simplelist}: {@code result} (required). */
    record SimpleListReply(MemberResult result) {
        public SimpleListReply {
            Objects.requireNonNull(result, "no result");
        }
    }

    /**
     * {@code result}: {@code hasMore} (required) and {@code list} (missing or null is empty).
     *
     * @param hasMore whether members follow
     * @param list the page's members
     */
    record MemberResult(Boolean hasMore, List<ListedMember> list) {
        public MemberResult {
            Objects.requireNonNull(hasMore, "no hasMore");
            list = elements(list, "result.list");
        }
    }

    /**
     * A member of a simplelist page ({@code OpenEmpSimple}): {@code userid} (required), {@code name}, and
     * {@code manageScopes[]} of {@code dept_id}/{@code name}; made into a domain value when read.
     *
     * @param member the member
     */
    record ListedMember(RoleMember member) {
        @com.fasterxml.jackson.annotation.JsonCreator
        public static ListedMember of(@JsonProperty("userid") UserId userId, @JsonProperty("name") String name,
                @JsonProperty("manageScopes") List<ScopeDept> scopes) {
            Objects.requireNonNull(userId, "a member without userid");
            return new ListedMember(new RoleMember(userId, name,
                    elements(scopes, "manageScopes").stream().map(ScopeDept::department).toList()));
        }
    }

    /** A department of a member's scope ({@code OrgDeptVo}): {@code dept_id} (required) and {@code name}. */
    record ScopeDept(@JsonProperty("dept_id") DeptId deptId, String name) {
        public ScopeDept {
            Objects.requireNonNull(deptId, "a scope department without dept_id");
        }

        Department department() {
            return new Department(deptId, name);
        }
    }
}
