package io.github.dingtalkroles.dingtalk;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.RoleDirectoryException;
import io.github.dingtalkroles.port.UnavailableException;
import java.util.function.Supplier;

/**
 * Adds the current access token to every {@link DingTalkApi} request, in the query string only
 * ({@code access_token=...}), as DingTalk's pages show it.
 *
 * <p>A token that must be fetched first is fetched within the deadline of the operation that needs it:
 * {@link RoleCalls} runs each Feign call inside {@link #within}, which tells this interceptor, on the calling
 * thread, how much time the operation has left (Feign applies interceptors on the thread that makes the call).
 * Failures of the token source (the port's exceptions) propagate out of the Feign call unchanged.
 *
 * <p>Thread-safe.
 */
final class AccessTokenInterceptor implements RequestInterceptor {
    private final AccessTokenSource tokens;
    private final ThreadLocal<Deadline> deadline = new ThreadLocal<>();

    AccessTokenInterceptor(AccessTokenSource tokens) {
        this.tokens = tokens;
    }

    /** Runs {@code call} (a Feign call) with the operation's {@code until} applying to token fetches. */
    <T> T within(Deadline until, Supplier<T> call) {
        Deadline outer = deadline.get();
        deadline.set(until);
        try {
            return call.get();
        } finally {
            if (outer == null) {
                deadline.remove();
            } else {
                deadline.set(outer);
            }
        }
    }

    /**
     * The token the next request will carry, fetched within {@code until} if need be.
     *
     * @throws RoleDirectoryException if the source fails; a source that breaks its contract (no token, an
     *     unchecked exception of another kind) is reported as a non-retryable {@link UnavailableException}
     */
    AccessToken currentToken(Deadline until) {
        AccessToken token;
        try {
            token = until == null ? tokens.currentToken() : tokens.currentToken(until.remaining());
        } catch (RoleDirectoryException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UnavailableException("the access token source failed", false, false, BackendDiagnostics.NONE,
                    RedactedCause.of(e));
        }
        if (token == null) {
            throw new UnavailableException("the access token source returned no token", false, false,
                    BackendDiagnostics.NONE, null);
        }
        return token;
    }

    @Override
    public void apply(RequestTemplate template) {
        template.query("access_token", currentToken(deadline.get()).reveal());
    }
}
