package io.github.dingtalkroles.boot;

import io.github.dingtalkroles.dingtalk.AccessTokenSource;
import io.github.dingtalkroles.port.RoleDirectoryException;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * UP when the {@link AccessTokenSource} the directory uses can give a token, DOWN with the reason when
 * it cannot. The source caches its token, so most checks ask DingTalk nothing; and a check runs at most
 * once per interval whatever the answer: health requests in between get the last result. So a failing
 * DingTalk, or many monitors polling, never turn into a stream of {@code /gettoken} calls.
 *
 * <p>Details never hold the token or the secret: only the failure's type, its message (the adapter's
 * messages are free of secrets) and DingTalk's errcode.
 *
 * <p>Thread-safe: concurrent checks wait for the one in progress and share its result.
 */
final class AccessTokenHealthIndicator implements HealthIndicator {
    private final Supplier<AccessTokenSource> tokens;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private Health last;
    private long checkedAt;

    AccessTokenHealthIndicator(Supplier<AccessTokenSource> tokens, Duration interval, LongSupplier nanoTime) {
        this.tokens = tokens;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized Health health() {
        long now = nanoTime.getAsLong();
        if (last == null || now - checkedAt >= intervalNanos) {
            last = check();
            checkedAt = now;
        }
        return last;
    }

    private Health check() {
        try {
            tokens.get().currentToken();
            return Health.up().build();
        } catch (RoleDirectoryException e) {
            Health.Builder down = Health.down().withDetail("error", e.getClass().getSimpleName())
                    .withDetail("message", e.getMessage());
            e.backendCode().ifPresent(code -> down.withDetail("errcode", code));
            return down.build();
        } catch (RuntimeException e) {
            // e.g. the token source could not be created from the properties; other exceptions are not
            // ours, so their messages are left out
            InvalidRolesPropertyException invalid = invalidProperty(e);
            return invalid != null
                    ? Health.down().withDetail("error", "invalid configuration").withDetail("message", invalid.getMessage()).build()
                    : Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }

    private static InvalidRolesPropertyException invalidProperty(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidRolesPropertyException invalid) {
                return invalid;
            }
        }
        return null;
    }
}
