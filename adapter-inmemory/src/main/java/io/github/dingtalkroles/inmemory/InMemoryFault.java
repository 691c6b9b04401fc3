package io.github.dingtalkroles.inmemory;

import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.NotAuthorizedException;
import io.github.dingtalkroles.port.RoleDirectoryException;
import io.github.dingtalkroles.port.ThrottledException;
import io.github.dingtalkroles.port.UnavailableException;
import java.time.Duration;

/**
 * A failure that {@link InMemoryRoleDirectory#faults()} makes an operation report, so that callers can
 * test their own error handling without a remote backend.
 */
public enum InMemoryFault {
    /** The call is refused as throttled ({@link ThrottledException}, retryable, retry after 1 s). */
    THROTTLED,
    /** The call is refused because the quota is spent ({@link ThrottledException}, not retryable). */
    QUOTA_EXHAUSTED,
    /** The backend is unavailable ({@link UnavailableException}, retryable); nothing is written. */
    UNAVAILABLE,
    /** The credentials are refused ({@link NotAuthorizedException}). */
    NOT_AUTHORIZED,
    /**
     * The write takes effect but its reply is lost: the caller gets an {@link UnavailableException}
     * whose {@link UnavailableException#isOutcomeUnknown()} is true. For reads, same as
     * {@link #UNAVAILABLE}.
     */
    LOST_REPLY;

    RoleDirectoryException toException(InMemoryOperation operation) {
        String what = "injected fault on " + operation + ": ";
        return switch (this) {
            case THROTTLED -> new ThrottledException(what + "throttled", Duration.ofSeconds(1), false,
                    BackendDiagnostics.NONE);
            case QUOTA_EXHAUSTED -> new ThrottledException(what + "call quota exhausted", null, true,
                    BackendDiagnostics.NONE);
            case UNAVAILABLE -> new UnavailableException(what + "unavailable", BackendDiagnostics.NONE);
            case NOT_AUTHORIZED -> new NotAuthorizedException(what + "not authorized", BackendDiagnostics.NONE);
            case LOST_REPLY -> new UnavailableException(what + "reply lost after the call took effect",
                    true, true, BackendDiagnostics.NONE, null);
        };
    }
}
