package io.github.dingtalkroles.port;

import java.time.Duration;
import java.util.Optional;

/**
 * The backend refused the call because of call-rate limits. Retryable after a wait
 * ({@link #retryAfter()} where the backend named one), unless the quota for the period is spent
 * ({@link #isQuotaExhausted()}, e.g. DingTalk's monthly quota), which no retry will cure.
 */
public final class ThrottledException extends RoleDirectoryException {
    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;
    /** Whether the period's call quota is spent, so that no retry will succeed. */
    private final boolean quotaExhausted;

    /**
     * @param message what was throttled
     * @param retryAfter how long the backend asked to wait, or {@code null} if it did not say
     * @param quotaExhausted whether the quota of the period is spent (not retryable)
     * @param diagnostics what the backend said, or {@link BackendDiagnostics#NONE}
     */
    public ThrottledException(String message, Duration retryAfter, boolean quotaExhausted,
            BackendDiagnostics diagnostics) {
        super(message, diagnostics, null);
        this.retryAfter = retryAfter;
        this.quotaExhausted = quotaExhausted;
    }

    /**
     * How long the backend asked the caller to wait, if it said.
     *
     * @return the wait the backend asked for, or empty if it did not say
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Whether the call quota of the period is spent: waiting a little will not help.
     *
     * @return {@code true} if the quota is spent
     */
    public boolean isQuotaExhausted() {
        return quotaExhausted;
    }

    @Override
    public boolean isRetryable() {
        return !quotaExhausted;
    }
}
