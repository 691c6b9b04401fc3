package io.github.dingtalkroles.dingtalk;

import feign.Request;
import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.ConflictException;
import io.github.dingtalkroles.port.MemberPage;
import io.github.dingtalkroles.port.MemberPageRequest;
import io.github.dingtalkroles.port.NotAuthorizedException;
import io.github.dingtalkroles.port.NotFoundException;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RejectedInputException;
import io.github.dingtalkroles.port.RoleDirectoryException;
import io.github.dingtalkroles.port.RoleGroupPage;
import io.github.dingtalkroles.port.ThrottledException;
import io.github.dingtalkroles.port.UnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at each role endpoint: takes a slot from the client-side rate limiter, makes the Feign call
 * (the {@link AccessTokenInterceptor} adds the token, fetched within the operation's deadline), replays the
 * call once with a fresh token if DingTalk refuses the token, and maps the endpoint's own errcodes. Returns
 * the endpoint's result as domain values; throws {@link AttemptFailed} otherwise. Thread-safe.
 */
final class RoleCalls {
    private static final Logger LOG = LoggerFactory.getLogger(RoleCalls.class);

    private final DingTalkHttp http;
    private final DingTalkApi api;
    private final AccessTokenInterceptor tokens;
    private final AccessTokenSource tokenSource;
    private final CallPermits permits;
    private final String appKey;

    /**
     * @param permits the client-side limit, or {@code null} for none
     * @param appKey the app the permits are asked for
     */
    RoleCalls(DingTalkHttp http, AccessTokenSource tokenSource, CallPermits permits, String appKey) {
        this.http = http;
        this.tokenSource = tokenSource;
        this.tokens = new AccessTokenInterceptor(tokenSource);
        this.api = http.roleApi(tokens);
        this.permits = permits;
        this.appKey = appKey;
    }

    RoleGroupId addRoleGroup(RoleGroupName name, Deadline deadline) {
        Long id = addCall("add_role_group", "groupId", deadline, options -> api.addRoleGroup(name.value(), options).groupId(),
                (errcode, diagnostics) -> switch (errcode) {
                    case 34001, 34021 -> new ConflictException(ConflictException.Reason.DUPLICATE_NAME,
                            "a role group named " + quote(name.value()) + " already exists", diagnostics);
                    default -> null;
                });
        return newId("add_role_group", "groupId", id, RoleGroupId::of);
    }

    RoleId addRole(RoleGroupId groupId, RoleName name, Deadline deadline) {
        Long id = addCall("add_role", "roleId", deadline, options -> api.addRole(name.value(), groupId.value(), options).roleId(),
                (errcode, diagnostics) -> switch (errcode) {
                    case 34021 -> new ConflictException(ConflictException.Reason.DUPLICATE_NAME,
                            "role group " + groupId + " already has a role named " + quote(name.value()), diagnostics);
                    case 34022 -> new ConflictException(ConflictException.Reason.IMMUTABLE_DEFAULT_GROUP,
                            "no role can be added to the Default group (" + groupId + ")", diagnostics);
                    case 34020 -> new NotFoundException(NotFoundException.Subject.ROLE_GROUP,
                            "role group " + groupId + " does not exist", diagnostics);
                    case 34018 -> new RejectedInputException("DingTalk refused the role name or group id of add_role"
                            + " as empty (role name " + quote(name.value()) + ", group " + groupId + ")", diagnostics);
                    default -> null;
                });
        return newId("add_role", "roleId", id, RoleId::of);
    }

    void updateRole(RoleId roleId, RoleName name, Deadline deadline) {
        call("update_role", deadline, options -> api.updateRole(roleId.value(), name.value(), options),
                (errcode, diagnostics) -> switch (errcode) {
                    case 33011 -> new NotFoundException(NotFoundException.Subject.ROLE,
                            "role " + roleId + " does not exist", diagnostics);
                    case 33012 -> new ConflictException(ConflictException.Reason.IMMUTABLE_DEFAULT_GROUP,
                            "role " + roleId + " belongs to the Default group and cannot be renamed", diagnostics);
                    case 34021 -> new ConflictException(ConflictException.Reason.DUPLICATE_NAME,
                            "another role in the group of role " + roleId + " is named " + quote(name.value()),
                            diagnostics);
                    case 660000 -> new RejectedInputException("DingTalk refused update_role for role " + roleId
                            + " as missing a parameter", diagnostics);
                    default -> null;
                });
    }

    RoleGroupPage list(PageRequest page, Deadline deadline) {
        DingTalkApi.ListResult result = call("list", deadline,
                options -> api.listRoleGroups(page.size(), page.offset(), options).result(),
                (errcode, diagnostics) -> switch (errcode) {
                    case 40069 -> new RejectedInputException("DingTalk refused the page size " + page.size(), diagnostics);
                    case 40068 -> new RejectedInputException("DingTalk refused the page offset " + page.offset(),
                            diagnostics);
                    default -> null;
                });
        return valid("list", () -> new RoleGroupPage(page,
                result.list().stream().map(DingTalkApi.ListedGroup::group).toList(), result.hasMore()));
    }

    RoleGroup getRoleGroup(RoleGroupId groupId, Deadline deadline) {
        DingTalkApi.GroupBody group = call("getrolegroup", deadline,
                options -> api.getRoleGroup(groupId.value(), options).roleGroup(),
                (errcode, diagnostics) -> errcode == 400002
                        ? new NotFoundException(NotFoundException.Subject.ROLE_GROUP,
                                "role group " + groupId + " does not exist", diagnostics)
                        : null);
        return valid("getrolegroup", () -> group.toRoleGroup(groupId));
    }

    Role getRole(RoleId roleId, Deadline deadline) {
        DingTalkApi.RoleBody role = call("getrole", deadline, options -> api.getRole(roleId.value(), options).role(),
                (errcode, diagnostics) -> errcode == 33011 ? noSuchRole(roleId, diagnostics) : null);
        return valid("getrole", () -> new Role(roleId, role.name(), role.groupId()));
    }

    void deleteRole(RoleId roleId, Deadline deadline) {
        call("deleterole", deadline, options -> api.deleteRole(roleId.value(), options),
                (errcode, diagnostics) -> switch (errcode) {
                    case 33011 -> noSuchRole(roleId, diagnostics);
                    case 23004 -> new ConflictException(ConflictException.Reason.IMMUTABLE_DEFAULT_GROUP,
                            "role " + roleId + " belongs to the Default group and cannot be deleted", diagnostics);
                    // not on DingTalk's page: the emulator's documented choice for a role that has members
                    case 23005 -> new ConflictException(ConflictException.Reason.ROLE_HAS_MEMBERS,
                            "role " + roleId + " still has members; revoke it from them first", diagnostics);
                    default -> null;
                });
    }

    MemberPage listMembers(RoleId roleId, MemberPageRequest page, Deadline deadline) {
        DingTalkApi.MemberResult result = call("simplelist", deadline,
                options -> api.listMembers(roleId.value(), page.size(), page.offset(), options).result(),
                (errcode, diagnostics) -> switch (errcode) {
                    case 33011 -> noSuchRole(roleId, diagnostics);
                    case 400002 -> new RejectedInputException("DingTalk refused the member page of role " + roleId
                            + " (offset " + page.offset() + ", size " + page.size() + ")", diagnostics);
                    default -> null;
                });
        return valid("simplelist", () -> new MemberPage(page,
                result.list().stream().map(DingTalkApi.ListedMember::member).toList(), result.hasMore()));
    }

    /** One {@code addrolesforemps} call: at most 20 roles and 20 users. */
    void grant(List<RoleId> roles, List<UserId> users, Deadline deadline) {
        call("addrolesforemps", deadline, options -> api.addRolesForEmployees(join(roles), join(users), options),
                assignmentErrors("granted", roles, users));
    }

    /** One {@code removerolesforemps} call: at most 20 roles and 100 users. */
    void revoke(List<RoleId> roles, List<UserId> users, Deadline deadline) {
        call("removerolesforemps", deadline, options -> api.removeRolesForEmployees(join(roles), join(users), options),
                assignmentErrors("revoked", roles, users));
    }

    private static ErrorMapper assignmentErrors(String verb, List<RoleId> roles, List<UserId> users) {
        return (errcode, diagnostics) -> switch (errcode) {
            case 33011 -> new NotFoundException(NotFoundException.Subject.ROLE,
                    "a role of " + roles + " does not exist", diagnostics);
            case 33012 -> new NotFoundException(NotFoundException.Subject.USER,
                    "a user of " + users + " is not an employee of the organisation", diagnostics);
            case 23004 -> new ConflictException(ConflictException.Reason.IMMUTABLE_DEFAULT_GROUP,
                    "a role of " + roles + " belongs to the Default group and cannot be " + verb, diagnostics);
            case 12012 -> new NotAuthorizedException("DingTalk says the token's organisation does not exist",
                    diagnostics);
            default -> null;
        };
    }

    void updateScope(RoleId roleId, UserId userId, ManagementScope scope, Deadline deadline) {
        String deptIds = scope.isWholeOrganisation() ? null : join(scope.departments());
        call("scope/update", deadline, options -> api.updateScope(userId.value(), roleId.value(), deptIds, options),
                (errcode, diagnostics) -> switch (errcode) {
                    case 40003, 46004 -> new NotFoundException(NotFoundException.Subject.USER,
                            "user " + userId + " is not an employee of the organisation", diagnostics);
                    case 60301 -> noSuchRole(roleId, diagnostics);
                    case 60003 -> new NotFoundException(NotFoundException.Subject.DEPARTMENT,
                            "a department of " + scope.departments() + " does not exist", diagnostics);
                    // not on DingTalk's page: the emulator's documented choice for a user without the role
                    case 60302 -> new ConflictException(ConflictException.Reason.NOT_A_MEMBER,
                            "user " + userId + " does not hold role " + roleId + ", so no scope can be set",
                            diagnostics);
                    case 400002 -> new RejectedInputException("DingTalk refused the scope of user " + userId
                            + " in role " + roleId, diagnostics);
                    default -> null;
                });
    }

    private static NotFoundException noSuchRole(RoleId roleId, BackendDiagnostics diagnostics) {
        return new NotFoundException(NotFoundException.Subject.ROLE, "role " + roleId + " does not exist", diagnostics);
    }

    /** DingTalk's comma-separated id list. */
    private static String join(List<?> ids) {
        return ids.stream().map(Object::toString).collect(Collectors.joining(","));
    }

    /**
     * Makes the call; if DingTalk refuses the token it carried, forgets that token and replays the call once
     * with a fresh one. Maps the endpoint's own errcodes with {@code errors}.
     */
    private <T> T call(String operation, Deadline deadline, Function<Request.Options, T> send, ErrorMapper errors) {
        try {
            return exchange(operation, deadline, send);
        } catch (AttemptFailed failed) {
            if (failed.said() == AttemptFailed.Said.TOKEN_REJECTED) {
                http.metrics().tokenRefused();
                AccessToken refused = failed.rejectedToken();
                if (refused != null) {
                    invalidate(refused);
                }
                if (refused == null || !currentToken(deadline).equals(refused)) {
                    LOG.debug("DingTalk refused the access token for {}; replaying once with a new token", operation);
                    try {
                        return exchange(operation, deadline, send);
                    } catch (AttemptFailed again) {
                        throw endpointSpecific(again, errors);
                    }
                }
            }
            throw endpointSpecific(failed, errors);
        }
    }

    private <T> T exchange(String operation, Deadline deadline, Function<Request.Options, T> send) {
        takeRateLimitSlot(operation, deadline);
        return tokens.within(deadline, () -> http.send(operation, deadline, send));
    }

    /** {@code failed} as the endpoint documents its errcode, if it does. */
    private static AttemptFailed endpointSpecific(AttemptFailed failed, ErrorMapper errors) {
        if (failed.errcode() != null) {
            RoleDirectoryException mapped = errors.map(failed.errcode(), failed.reported().diagnostics());
            if (mapped != null) {
                return AttemptFailed.giveUp(mapped);
            }
        }
        return failed;
    }

    /**
     * A new id from a confirmed add. A missing or unusable id is reported like a lost reply: DingTalk
     * confirmed the write, so the next attempt looks for what it created.
     */
    private static <T> T newId(String operation, String field, Long id, LongFunction<T> type) {
        if (id == null || id <= 0) {
            throw noUsableId(operation, field);
        }
        return type.apply(id);
    }

    private static AttemptFailed noUsableId(String operation, String field) {
        return AttemptFailed.backOff(new UnavailableException("DingTalk confirmed " + operation
                + " but returned no usable " + field, new BackendDiagnostics("0", null, null)), true);
    }

    /** As {@link #call}, for an add whose confirmed reply without a usable id means "look for what it made". */
    private Long addCall(String operation, String field, Deadline deadline, Function<Request.Options, Long> send,
            ErrorMapper errors) {
        try {
            return call(operation, deadline, send, errors);
        } catch (AttemptFailed failed) {
            if (failed.said() == AttemptFailed.Said.INVALID_REPLY) {
                throw noUsableId(operation, field);
            }
            throw failed;
        }
    }

    /** A domain value made of a decoded reply; one the domain refuses is invalid data. */
    private static <T> T valid(String operation, Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw AttemptFailed.invalidReply(new UnavailableException("DingTalk returned invalid data for "
                    + operation + ": " + DingTalkErrors.safe(e.getMessage()), false, false,
                    new BackendDiagnostics("0", null, null), null));
        }
    }

    private void takeRateLimitSlot(String operation, Deadline deadline) {
        if (permits == null) {
            return;
        }
        boolean granted;
        long start = System.nanoTime();
        try {
            granted = permits.acquire(appKey, operation, deadline.remaining());
            http.metrics().rateLimitWait(operation, Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AttemptFailed.giveUp(new UnavailableException(operation + " was interrupted while waiting for"
                    + " the client-side rate limit", false, false, BackendDiagnostics.NONE, null));
        } catch (RuntimeException e) {
            throw AttemptFailed.giveUp(new UnavailableException(operation + " was not sent: the client-side rate"
                    + " limit (" + permits.getClass().getName() + ") failed", false, false, BackendDiagnostics.NONE,
                    RedactedCause.of(e)));
        }
        if (!granted) {
            throw AttemptFailed.giveUp(new ThrottledException(operation + " was not sent: the client-side rate limit"
                    + " has no free slot before the operation's deadline", null, false, BackendDiagnostics.NONE));
        }
    }

    private AccessToken currentToken(Deadline deadline) {
        try {
            return tokens.currentToken(deadline);
        } catch (RoleDirectoryException e) {
            throw AttemptFailed.of(e);
        }
    }

    private void invalidate(AccessToken token) {
        try {
            tokenSource.invalidate(token);
        } catch (RuntimeException e) {
            throw AttemptFailed.giveUp(new UnavailableException("the access token source failed", false, false,
                    BackendDiagnostics.NONE, RedactedCause.of(e, token.reveal())));
        }
    }

    static String quote(String name) {
        return "\"" + name + "\"";
    }
}
