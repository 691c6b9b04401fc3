package io.github.dingtalkroles.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.domain.Department;
import io.github.dingtalkroles.domain.InvariantViolation;
import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleMember;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.port.MemberPage;
import io.github.dingtalkroles.port.MemberPageRequest;
import io.github.dingtalkroles.port.RoleAssignments;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The membership endpoints ({@code simplelist}, {@code addrolesforemps}, {@code removerolesforemps},
 * {@code scope/update}): reads their fields as the API pages and the official SDK name them, enforces
 * DingTalk's per-call limits, calls the {@link RoleAssignments}, and writes the success body or the
 * page's error code (see {@link RoleApi#port} for the mapping of the port's failures).
 *
 * <p>Thread-safe if the port is.
 */
final class MemberApi {
    /** Most role ids one grant or revoke call takes. */
    static final int MAX_ROLES_PER_CALL = 20;
    /** Most user ids one grant call takes. */
    static final int MAX_GRANT_USERS_PER_CALL = 20;
    /** Most user ids one revoke call takes. */
    static final int MAX_REVOKE_USERS_PER_CALL = 100;

    private final RoleAssignments assignments; // null: no membership served

    MemberApi(RoleAssignments assignments) {
        this.assignments = assignments;
    }

    ObjectNode call(EmulatorOperation operation, Params body) throws WireException {
        if (assignments == null) {
            throw WireError.invalidParameter("this emulator serves no role members (its directory has none)")
                    .toException();
        }
        return switch (operation) {
            case LIST_MEMBERS -> simpleList(body);
            case GRANT_ROLES -> assign(operation, body, MAX_GRANT_USERS_PER_CALL);
            case REVOKE_ROLES -> assign(operation, body, MAX_REVOKE_USERS_PER_CALL);
            case UPDATE_SCOPE -> updateScope(body);
            default -> throw new IllegalArgumentException(operation + " is not a membership operation");
        };
    }

    /** {@code role_id} (required), {@code size} (1 to 100, default 20), {@code offset} (from 0, default 0). */
    private ObjectNode simpleList(Params body) throws WireException {
        long roleId = RoleApi.id(body.get("role_id").orElseThrow(WireError.INVALID_PARAMETER::toException),
                WireError.INVALID_ROLE_ID);
        long size = body.get("size").map(RoleApi::nonNegativeLong).orElse((long) MemberPageRequest.DEFAULT_SIZE);
        if (size < 1 || size > MemberPageRequest.MAX_SIZE) {
            throw WireError.invalidParameter("size must be 1 to " + MemberPageRequest.MAX_SIZE).toException();
        }
        long offset = body.get("offset").map(RoleApi::nonNegativeLong).orElse(0L);
        if (offset < 0) {
            throw WireError.invalidParameter("offset must be 0 or more").toException();
        }
        MemberPageRequest request = new MemberPageRequest((int) Math.min(offset, Integer.MAX_VALUE), (int) size);
        MemberPage page = RoleApi.port(EmulatorOperation.LIST_MEMBERS,
                () -> assignments.listMembers(RoleId.of(roleId), request));

        ObjectNode answer = EmulatorJson.success();
        ObjectNode result = answer.putObject("result");
        result.put("hasMore", page.hasMore());
        ArrayNode list = result.putArray("list");
        for (RoleMember member : page.members()) {
            ObjectNode item = list.addObject();
            item.put("userid", member.userId().value());
            item.put("name", member.name());
            ArrayNode scopes = item.putArray("manageScopes");
            for (Department department : member.scope()) {
                scopes.addObject().put("dept_id", department.id().value()).put("name", department.name());
            }
        }
        return answer;
    }

    /** {@code roleIds} and {@code userIds}, comma-separated (both required, within the call's limits). */
    private ObjectNode assign(EmulatorOperation operation, Params body, int maxUsers) throws WireException {
        List<String> fields = RoleApi.required(body, WireError.INVALID_PARAMETER, "roleIds", "userIds");
        List<RoleId> roles = new ArrayList<>();
        for (String text : split(fields.get(0))) {
            roles.add(RoleId.of(RoleApi.id(text, WireError.INVALID_ROLE_ID)));
        }
        List<UserId> users = new ArrayList<>();
        for (String text : split(fields.get(1))) {
            users.add(userId(text, WireError.INVALID_USER_IDS));
        }
        if (roles.isEmpty() || users.isEmpty()) {
            throw WireError.INVALID_PARAMETER.toException();
        }
        if (roles.size() > MAX_ROLES_PER_CALL || users.size() > maxUsers) {
            throw WireError.invalidParameter("at most " + MAX_ROLES_PER_CALL + " roleIds and " + maxUsers
                    + " userIds per call").toException();
        }
        RoleApi.port(operation, () -> {
            if (operation == EmulatorOperation.GRANT_ROLES) {
                assignments.grant(roles, users);
            } else {
                assignments.revoke(roles, users);
            }
            return null;
        });
        return EmulatorJson.success();
    }

    /** {@code userid}, {@code role_id} (both required), {@code dept_ids} (comma-separated, at most 50; none: all). */
    private ObjectNode updateScope(Params body) throws WireException {
        UserId user = userId(body.get("userid").orElseThrow(WireError.INVALID_USERID::toException),
                WireError.INVALID_USERID);
        long roleId = RoleApi.id(body.get("role_id").orElseThrow(WireError.SCOPE_INVALID_ROLE_ID::toException),
                WireError.SCOPE_INVALID_ROLE_ID);
        List<DeptId> departments = new ArrayList<>();
        Optional<String> deptIds = body.get("dept_ids");
        if (deptIds.isPresent()) {
            for (String text : split(deptIds.get())) {
                departments.add(DeptId.of(RoleApi.id(text, WireError.NO_SUCH_DEPARTMENT)));
            }
        }
        ManagementScope scope;
        try {
            scope = new ManagementScope(departments);
        } catch (InvariantViolation e) {
            throw WireError.invalidParameter(e.getMessage()).toException();
        }
        RoleApi.port(EmulatorOperation.UPDATE_SCOPE, () -> {
            assignments.setScope(RoleId.of(roleId), user, scope);
            return null;
        });
        return EmulatorJson.success();
    }

    /** The items of a comma-separated list, stripped; empty items are skipped. */
    private static List<String> split(String list) {
        List<String> items = new ArrayList<>();
        for (String item : list.split(",", -1)) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    private static UserId userId(String text, WireError invalid) throws WireException {
        try {
            return UserId.of(text);
        } catch (InvariantViolation e) {
            throw invalid.toException();
        }
    }
}
