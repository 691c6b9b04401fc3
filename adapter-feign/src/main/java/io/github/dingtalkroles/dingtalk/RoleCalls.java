package io.github.dingtalkroles.dingtalk;

import dev.failsafe.RateLimiter;
import feign.Request;
import feign.Response;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.ConflictException;
import io.github.dingtalkroles.port.NotFoundException;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RejectedInputException;
import io.github.dingtalkroles.port.RoleDirectoryException;
import io.github.dingtalkroles.port.RoleGroupPage;
import io.github.dingtalkroles.port.ThrottledException;
import io.github.dingtalkroles.port.UnavailableException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at each role endpoint: takes a slot from the client-side rate limiter, adds the access
 * token, replays the call once with a fresh token if DingTalk refuses the token, and maps the
 * endpoint's own errcodes. Returns what a successful reply's body means (decoded in the same pass that
 * reads the envelope); throws {@link AttemptFailed} otherwise. Thread-safe.
 */
final class RoleCalls {
    private static final Logger LOG = LoggerFactory.getLogger(RoleCalls.class);

    /** The Feign call of one endpoint, given the (percent-encoded) token and the request options. */
    @FunctionalInterface
    private interface Send {
        Response send(DingTalkApi api, String encodedToken, Request.Options options);
    }

    private final DingTalkHttp http;
    private final AccessTokenSource tokens;
    private final RateLimiter<Object> rateLimiter;

    /**
     * @param rateLimiter the client-side limit, or {@code null} for none
     */
    RoleCalls(DingTalkHttp http, AccessTokenSource tokens, RateLimiter<Object> rateLimiter) {
        this.http = http;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
    }

    RoleGroupId addRoleGroup(RoleGroupName name, Deadline deadline) {
        return call("add_role_group", deadline, RoleReplies::newGroupId,
                (api, token, options) -> api.addRoleGroup(token, name.value(), options),
                (errcode, diagnostics) -> switch (errcode) {
                    case 34001, 34021 -> new ConflictException(ConflictException.Reason.DUPLICATE_NAME,
                            "a role group named " + quote(name.value()) + " already exists", diagnostics);
                    default -> null;
                });
    }

    RoleId addRole(RoleGroupId groupId, RoleName name, Deadline deadline) {
        return call("add_role", deadline, RoleReplies::newRoleId,
                (api, token, options) -> api.addRole(token, name.value(), groupId.value(), options),
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
    }

    void updateRole(RoleId roleId, RoleName name, Deadline deadline) {
        call("update_role", deadline, BodyReader::nothing,
                (api, token, options) -> api.updateRole(token, roleId.value(), name.value(), options),
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
        return call("list", deadline, () -> RoleReplies.page(page),
                (api, token, options) -> api.listRoleGroups(token, page.size(), page.offset(), options),
                (errcode, diagnostics) -> switch (errcode) {
                    case 40069 -> new RejectedInputException("DingTalk refused the page size " + page.size(), diagnostics);
                    case 40068 -> new RejectedInputException("DingTalk refused the page offset " + page.offset(),
                            diagnostics);
                    default -> null;
                });
    }

    RoleGroup getRoleGroup(RoleGroupId groupId, Deadline deadline) {
        return call("getrolegroup", deadline, () -> RoleReplies.group(groupId),
                (api, token, options) -> api.getRoleGroup(token, groupId.value(), options),
                (errcode, diagnostics) -> errcode == 400002
                        ? new NotFoundException(NotFoundException.Subject.ROLE_GROUP,
                                "role group " + groupId + " does not exist", diagnostics)
                        : null);
    }

    /**
     * @param bodies a fresh reader of the endpoint's success body for each reply
     */
    private <T> T call(String operation, Deadline deadline, Supplier<BodyReader<T>> bodies, Send send,
            ErrorMapper errors) {
        AccessToken token = currentToken();
        BodyReader<T> body = bodies.get();
        Reply reply = exchange(operation, deadline, send, token, body);
        if (DingTalkErrors.isTokenRejected(reply)) {
            invalidate(token);
            AccessToken fresh = currentToken();
            if (!fresh.equals(token)) {
                LOG.debug("DingTalk refused the access token for {}; replaying once with a new token", operation);
                token = fresh;
                body = bodies.get();
                reply = exchange(operation, deadline, send, token, body);
            }
        }
        return DingTalkErrors.success(reply, body, operation, errors, token.reveal());
    }

    /** Sends the call and reads the reply's envelope and body in one pass. */
    private Reply exchange(String operation, Deadline deadline, Send send, AccessToken token, BodyReader<?> body) {
        takeRateLimitSlot(operation, deadline);
        String encodedToken = FormUrlEncoder.encodeQueryValue(token.reveal());
        return http.exchange(operation, deadline, options -> send.send(http.api(), encodedToken, options), body,
                token.reveal(), encodedToken);
    }

    private void takeRateLimitSlot(String operation, Deadline deadline) {
        if (rateLimiter == null) {
            return;
        }
        boolean granted;
        try {
            granted = rateLimiter.tryAcquirePermit(deadline.remaining());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AttemptFailed.giveUp(new UnavailableException(operation + " was interrupted while waiting for"
                    + " the client-side rate limit", false, false, BackendDiagnostics.NONE, null));
        }
        if (!granted) {
            throw AttemptFailed.giveUp(new ThrottledException(operation + " was not sent: the client-side rate limit"
                    + " has no free slot before the operation's deadline", null, false, BackendDiagnostics.NONE));
        }
    }

    private AccessToken currentToken() {
        try {
            AccessToken token = tokens.currentToken();
            if (token == null) {
                throw AttemptFailed.giveUp(new UnavailableException("the access token source returned no token",
                        false, false, BackendDiagnostics.NONE, null));
            }
            return token;
        } catch (RoleDirectoryException e) {
            throw AttemptFailed.of(e);
        } catch (AttemptFailed e) {
            throw e;
        } catch (RuntimeException e) {
            throw AttemptFailed.giveUp(new UnavailableException("the access token source failed", false, false,
                    BackendDiagnostics.NONE, RedactedCause.of(e)));
        }
    }

    private void invalidate(AccessToken token) {
        try {
            tokens.invalidate(token);
        } catch (RuntimeException e) {
            throw AttemptFailed.giveUp(new UnavailableException("the access token source failed", false, false,
                    BackendDiagnostics.NONE, RedactedCause.of(e, token.reveal())));
        }
    }

    static String quote(String name) {
        return "\"" + name + "\"";
    }
}
