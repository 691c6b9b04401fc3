package io.github.dingtalkroles.dingtalk;

import io.github.dingtalkroles.port.RoleDirectoryException;
import io.github.dingtalkroles.port.ThrottledException;
import io.github.dingtalkroles.port.UnavailableException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One attempt of an operation failed. Carries the exception the caller will see if no further attempt
 * helps, what to do next, and whether the failed request may have been carried out (a lost reply).
 * Never leaves this package: {@link Attempts} and {@link AppCredentialsTokenSource} unwrap it.
 */
final class AttemptFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What to do after this failure. */
    enum Next {
        /** Another attempt would fail the same way. */
        GIVE_UP,
        /** A transient failure: try again after an exponential, jittered backoff. */
        BACK_OFF,
        /** Throttled: try again after the throttling wait, or the wait the server named if longer. */
        WAIT
    }

    private final transient RoleDirectoryException reported;
    private final Next next;
    private final boolean ambiguous;

    private AttemptFailed(RoleDirectoryException reported, Next next, boolean ambiguous) {
        super(reported.getMessage(), null, false, false);
        this.reported = Objects.requireNonNull(reported, "reported");
        this.next = next;
        this.ambiguous = ambiguous;
    }

    /** A definite answer: do not try again. */
    static AttemptFailed giveUp(RoleDirectoryException reported) {
        return new AttemptFailed(reported, Next.GIVE_UP, false);
    }

    /** A transient failure, worth another attempt after a backoff. */
    static AttemptFailed backOff(UnavailableException reported, boolean ambiguous) {
        return new AttemptFailed(reported, Next.BACK_OFF, ambiguous);
    }

    /** A failure that no retry will cure, although the request may have been carried out. */
    static AttemptFailed giveUpAmbiguous(UnavailableException reported) {
        return new AttemptFailed(reported, Next.GIVE_UP, true);
    }

    /** Throttled: worth another attempt after a wait (unless the quota is spent). */
    static AttemptFailed throttled(ThrottledException reported) {
        return new AttemptFailed(reported, reported.isRetryable() ? Next.WAIT : Next.GIVE_UP, false);
    }

    /**
     * A failure reported by a collaborator that speaks the port's exceptions (an access token source),
     * classified by its type. Such a failure never carried out a write.
     */
    static AttemptFailed of(RoleDirectoryException failure) {
        if (failure instanceof ThrottledException throttled) {
            return throttled(throttled);
        }
        if (failure instanceof UnavailableException unavailable && unavailable.isRetryable()) {
            return backOff(unavailable, false);
        }
        return giveUp(failure);
    }

    /** The same failure, with no further attempt. */
    AttemptFailed asLastAttempt() {
        return next == Next.GIVE_UP ? this : new AttemptFailed(reported, Next.GIVE_UP, ambiguous);
    }

    /** What the caller sees if this is the last attempt. */
    RoleDirectoryException reported() {
        return reported;
    }

    Next next() {
        return next;
    }

    boolean isRetryable() {
        return next != Next.GIVE_UP;
    }

    /** Whether the failed request may have been carried out although its reply was lost. */
    boolean isAmbiguous() {
        return ambiguous;
    }

    /** The wait the server named, for a throttled failure. */
    Optional<Duration> serverWait() {
        return reported instanceof ThrottledException throttled ? throttled.retryAfter() : Optional.empty();
    }
}
