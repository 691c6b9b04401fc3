package io.github.dingtalkroles.dingtalk;

import io.github.dingtalkroles.port.RoleDirectoryException;
import io.github.dingtalkroles.port.ThrottledException;
import io.github.dingtalkroles.port.UnavailableException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One attempt of an operation failed. Carries the exception the caller will see if no further attempt
 * helps, what to do next, whether the failed request may have been carried out (a lost reply), and what
 * DingTalk's reply said that the call site may read more precisely: the errcode (for the endpoint's own
 * errcodes), a refused access token (for one replay with a fresh token), or a success body that could not be
 * read. Thrown by the decoders inside the Feign call; never leaves this package: {@link Attempts} and
 * {@link AppCredentialsTokenSource} unwrap it.
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

    /** What DingTalk's reply said, beyond the exception, for the call site to read. */
    enum Said {
        NOTHING_MORE,
        /** An errcode (see {@link #errcode()}) that the endpoint may document more precisely. */
        ERRCODE,
        /** The access token was refused: worth one replay with a fresh token. */
        TOKEN_REJECTED,
        /** A success whose body holds no usable data. */
        INVALID_REPLY
    }

    private final transient RoleDirectoryException reported;
    private final Next next;
    private final boolean ambiguous;
    private final Said said;
    private final Integer errcode;
    /** For {@link Said#TOKEN_REJECTED}: the token the refused request carried. */
    private final transient AccessToken rejectedToken;

    private AttemptFailed(RoleDirectoryException reported, Next next, boolean ambiguous, Said said, Integer errcode,
            AccessToken rejectedToken) {
        super(reported.getMessage(), null, false, false);
        this.reported = Objects.requireNonNull(reported, "reported");
        this.next = next;
        this.ambiguous = ambiguous;
        this.said = said;
        this.errcode = errcode;
        this.rejectedToken = rejectedToken;
    }

    private AttemptFailed(RoleDirectoryException reported, Next next, boolean ambiguous) {
        this(reported, next, ambiguous, Said.NOTHING_MORE, null, null);
    }

    /** A definite answer with an errcode the endpoint may map more precisely. */
    static AttemptFailed errcode(RoleDirectoryException reported, Integer errcode) {
        return new AttemptFailed(reported, Next.GIVE_UP, false, Said.ERRCODE, errcode, null);
    }

    /** DingTalk refused the access token the request carried ({@code sent}, or {@code null} if unknown). */
    static AttemptFailed tokenRejected(RoleDirectoryException reported, Integer errcode, AccessToken sent) {
        return new AttemptFailed(reported, Next.GIVE_UP, false, Said.TOKEN_REJECTED, errcode, sent);
    }

    /** A success body that holds no usable data. */
    static AttemptFailed invalidReply(RoleDirectoryException reported) {
        return new AttemptFailed(reported, Next.GIVE_UP, false, Said.INVALID_REPLY, null, null);
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
        return next == Next.GIVE_UP ? this : new AttemptFailed(reported, Next.GIVE_UP, ambiguous, said, errcode,
                rejectedToken);
    }

    /** What else the reply said. */
    Said said() {
        return said;
    }

    /** The reply's errcode, when {@link #said()} is {@link Said#ERRCODE} or {@link Said#TOKEN_REJECTED}. */
    Integer errcode() {
        return errcode;
    }

    /** For {@link Said#TOKEN_REJECTED}: the token the refused request carried, if known. */
    AccessToken rejectedToken() {
        return rejectedToken;
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
