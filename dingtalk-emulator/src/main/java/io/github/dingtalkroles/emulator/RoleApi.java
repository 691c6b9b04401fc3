package io.github.dingtalkroles.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dingtalkroles.domain.InvariantViolation;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.port.AssignmentFailedException;
import io.github.dingtalkroles.port.ConflictException;
import io.github.dingtalkroles.port.NotAuthorizedException;
import io.github.dingtalkroles.port.NotFoundException;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RejectedInputException;
import io.github.dingtalkroles.port.RoleAssignments;
import io.github.dingtalkroles.port.RoleDirectory;
import io.github.dingtalkroles.port.RoleDirectoryException;
import io.github.dingtalkroles.port.RoleGroupPage;
import io.github.dingtalkroles.port.ThrottledException;
import io.github.dingtalkroles.port.UnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The role catalogue endpoints: reads their fields as the API pages name them, calls the
 * {@link RoleDirectory}, and writes the success body or the page's error code. The membership
 * endpoints are {@link MemberApi}'s.
 *
 * <p>Thread-safe if the directory is (the port requires it).
 */
final class RoleApi {
    private final RoleDirectory directory;
    private final MemberApi members;

    /** @param assignments the membership port, or {@code null}: the membership endpoints then refuse every call */
    RoleApi(RoleDirectory directory, RoleAssignments assignments) {
        this.directory = directory;
        this.members = new MemberApi(assignments);
    }

    /**
     * Carries out one call of a role endpoint.
     *
     * @return the success body, starting {@code errcode 0, errmsg ok}, without {@code request_id}
     * @throws WireException the error answer
     */
    ObjectNode call(EmulatorOperation operation, Params body) throws WireException {
        return switch (operation) {
            case ADD_ROLE_GROUP -> addRoleGroup(body);
            case ADD_ROLE -> addRole(body);
            case UPDATE_ROLE -> updateRole(body);
            case LIST_ROLES -> listRoles(body);
            case GET_ROLE_GROUP -> getRoleGroup(body);
            case GET_ROLE -> getRole(body);
            case DELETE_ROLE -> deleteRole(body);
            case LIST_MEMBERS, GRANT_ROLES, REVOKE_ROLES, UPDATE_SCOPE -> members.call(operation, body);
            case GETTOKEN -> throw new IllegalArgumentException("gettoken is not a role operation");
        };
    }

    private ObjectNode addRoleGroup(Params body) throws WireException {
        String rawName = body.get("name").orElseThrow(WireError.PARAMETER_EMPTY::toException);
        RoleGroupName name = name(RoleGroupName::of, rawName);
        RoleGroup group = port(EmulatorOperation.ADD_ROLE_GROUP, () -> directory.addRoleGroup(name));
        ObjectNode answer = EmulatorJson.success();
        answer.put("groupId", group.id().value());
        return answer;
    }

    private ObjectNode addRole(Params body) throws WireException {
        List<String> fields = required(body, WireError.ROLE_EMPTY, "roleName", "groupId");
        long groupId = id(fields.get(1), WireError.INVALID_GROUP_ID);
        RoleName name = name(RoleName::of, fields.get(0));
        Role role = port(EmulatorOperation.ADD_ROLE, () -> directory.addRole(RoleGroupId.of(groupId), name));
        ObjectNode answer = EmulatorJson.success();
        answer.put("roleId", role.id().value());
        return answer;
    }

    private ObjectNode updateRole(Params body) throws WireException {
        List<String> fields = required(body, WireError.PARAMETER_EMPTY, "roleId", "roleName");
        long roleId = id(fields.get(0), WireError.INVALID_ROLE_ID);
        RoleName name = name(RoleName::of, fields.get(1));
        port(EmulatorOperation.UPDATE_ROLE, () -> {
            directory.renameRole(RoleId.of(roleId), name);
            return null;
        });
        return EmulatorJson.success();
    }

    /**
     * As the page says, {@code size} and {@code offset} page the listing only when both are given. A
     * value that is given is always checked; if only one is given, the default page (offset 0, size
     * 20) is served.
     */
    private ObjectNode listRoles(Params body) throws WireException {
        Optional<String> rawSize = body.get("size");
        Optional<String> rawOffset = body.get("offset");
        long size = rawSize.isPresent() ? nonNegativeLong(rawSize.get()) : PageRequest.DEFAULT_SIZE;
        if (size < 1 || size > PageRequest.MAX_SIZE) {
            throw WireError.INVALID_SIZE.toException();
        }
        long offset = rawOffset.isPresent() ? nonNegativeLong(rawOffset.get()) : 0;
        if (offset < 0) {
            throw WireError.INVALID_OFFSET.toException();
        }
        PageRequest request = rawSize.isPresent() && rawOffset.isPresent()
                ? new PageRequest((int) Math.min(offset, Integer.MAX_VALUE), (int) size)
                : PageRequest.first();
        RoleGroupPage page = port(EmulatorOperation.LIST_ROLES, () -> directory.listRoleGroups(request));

        ObjectNode answer = EmulatorJson.success();
        ObjectNode result = answer.putObject("result");
        result.put("hasMore", page.hasMore());
        ArrayNode list = result.putArray("list");
        for (RoleGroup group : page.groups()) {
            ObjectNode item = list.addObject();
            item.put("groupId", group.id().value());
            item.put("name", group.name().value());
            ArrayNode roles = item.putArray("roles");
            for (Role role : group.roles()) {
                roles.addObject().put("id", role.id().value()).put("name", role.name().value());
            }
        }
        return answer;
    }

    private ObjectNode getRoleGroup(Params body) throws WireException {
        long groupId = body.get("group_id").map(RoleApi::positiveLong).orElse(-1L);
        if (groupId <= 0) {
            throw WireError.INVALID_PARAMETER.toException();
        }
        RoleGroup group = port(EmulatorOperation.GET_ROLE_GROUP, () -> directory.findRoleGroup(RoleGroupId.of(groupId)))
                .orElseThrow(WireError.INVALID_PARAMETER::toException);

        ObjectNode answer = EmulatorJson.success();
        ObjectNode roleGroup = answer.putObject("role_group");
        roleGroup.put("group_name", group.name().value());
        ArrayNode roles = roleGroup.putArray("roles");
        for (Role role : group.roles()) {
            roles.addObject().put("role_name", role.name().value()).put("role_id", role.id().value());
        }
        return answer;
    }

    private ObjectNode getRole(Params body) throws WireException {
        long roleId = id(body.get("roleId").orElseThrow(WireError.INVALID_PARAMETER::toException),
                WireError.INVALID_ROLE_ID);
        Role role = port(EmulatorOperation.GET_ROLE, () -> directory.findRole(RoleId.of(roleId)))
                .orElseThrow(WireError.INVALID_ROLE_ID::toException);
        ObjectNode answer = EmulatorJson.success();
        answer.putObject("role").put("name", role.name().value()).put("groupId", role.groupId().value());
        return answer;
    }

    private ObjectNode deleteRole(Params body) throws WireException {
        long roleId = id(body.get("role_id").orElseThrow(WireError.INVALID_PARAMETER::toException),
                WireError.INVALID_ROLE_ID);
        port(EmulatorOperation.DELETE_ROLE, () -> {
            directory.deleteRole(RoleId.of(roleId));
            return null;
        });
        return EmulatorJson.success();
    }

    /** A name the domain accepts, or 400002 saying which rule it breaks (length, control characters). */
    private static <N> N name(Function<String, N> constructor, String raw) throws WireException {
        try {
            return constructor.apply(raw);
        } catch (InvariantViolation e) {
            throw WireError.invalidParameter(e.getMessage()).toException();
        }
    }

    /** The values of fields that must all be present; {@code missing} if one is not. */
    static List<String> required(Params body, WireError missing, String... names) throws WireException {
        List<String> values = new ArrayList<>(names.length);
        for (String name : names) {
            Optional<String> value = body.get(name);
            if (value.isEmpty()) {
                throw missing.toException();
            }
            values.add(value.get());
        }
        return values;
    }

    /** A positive id; {@code invalid} if the text is not one. */
    static long id(String text, WireError invalid) throws WireException {
        long id = positiveLong(text);
        if (id <= 0) {
            throw invalid.toException();
        }
        return id;
    }

    private static long positiveLong(String text) {
        long value = nonNegativeLong(text);
        return value == 0 ? -1 : value;
    }

    /** The number in {@code text}, or -1 if it is not a whole number from 0 that fits a long. */
    static long nonNegativeLong(String text) {
        try {
            long value = Long.parseLong(text);
            return value < 0 ? -1 : value;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Calls the port, answering its typed failures with the endpoint's error code. */
    static <T> T port(EmulatorOperation operation, Supplier<T> call) throws WireException {
        try {
            return call.get();
        } catch (RoleDirectoryException e) {
            throw translate(operation, e).toException();
        } catch (AssignmentFailedException e) {
            throw translate(operation, e.failure()).toException();
        }
    }

    private static WireError translate(EmulatorOperation operation, RoleDirectoryException e) {
        if (e instanceof NotFoundException notFound) {
            return switch (operation) {
                case ADD_ROLE -> WireError.INVALID_GROUP_ID;
                case UPDATE_ROLE, GET_ROLE, DELETE_ROLE, LIST_MEMBERS -> WireError.INVALID_ROLE_ID;
                case GRANT_ROLES, REVOKE_ROLES -> notFound.subject() == NotFoundException.Subject.USER
                        ? WireError.INVALID_USER_IDS : WireError.INVALID_ROLE_ID;
                case UPDATE_SCOPE -> switch (notFound.subject()) {
                    case USER -> WireError.NOT_IN_ORGANISATION;
                    case DEPARTMENT -> WireError.NO_SUCH_DEPARTMENT;
                    default -> WireError.SCOPE_INVALID_ROLE_ID;
                };
                default -> WireError.INVALID_PARAMETER;
            };
        }
        if (e instanceof ConflictException conflict) {
            return switch (conflict.reason()) {
                case DUPLICATE_NAME -> operation == EmulatorOperation.ADD_ROLE_GROUP
                        ? WireError.DUPLICATE_GROUP_NAME : WireError.DUPLICATE_ROLE_NAME;
                case IMMUTABLE_DEFAULT_GROUP -> switch (operation) {
                    case ADD_ROLE -> WireError.ADD_TO_DEFAULT_GROUP;
                    case DELETE_ROLE, GRANT_ROLES, REVOKE_ROLES -> WireError.EDIT_SYSTEM_ROLE;
                    default -> WireError.MODIFY_DEFAULT_GROUP;
                };
                case ROLE_HAS_MEMBERS -> WireError.ROLE_HAS_MEMBERS;
                case NOT_A_MEMBER -> WireError.NOT_A_MEMBER;
                case LISTING_CHANGED -> WireError.busy(operation);
            };
        }
        if (e instanceof ThrottledException throttled) {
            return throttled.isQuotaExhausted() ? WireError.QUOTA_EXHAUSTED : WireError.THROTTLED;
        }
        if (e instanceof NotAuthorizedException) {
            return WireError.TOKEN_INVALID;
        }
        if (e instanceof RejectedInputException) {
            return WireError.invalidParameter(e.getMessage());
        }
        if (e instanceof UnavailableException) {
            return WireError.busy(operation);
        }
        return WireError.SYSTEM_ERROR;
    }
}
