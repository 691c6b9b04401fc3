package io.github.dingtalkroles.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour the emulator shows on a call instead of (or on top of) its normal answer, as
 * DingTalk and the networks in front of it sometimes do. Queue faults with
 * {@link EmulatorFaults#next(EmulatorOperation, EmulatorFault, int)}.
 *
 * <p>Most faults <em>replace</em> the call: the directory is not touched. Three are applied
 * <em>after</em> the call has been carried out, so a write has taken effect although the client
 * cannot tell: {@link #COMMIT_THEN_BUSY}, {@link #TRUNCATED_JSON} and {@link #delay(Duration)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class EmulatorFault {

    /** What kind of misbehaviour. */
    public enum Kind {
        /** {@code errcode -1} ("System busy" as the endpoint's page words it); nothing is done. */
        BUSY(false),
        /** {@code errcode 400001} "System error"; nothing is done. */
        SYSTEM_ERROR(false),
        /** {@code errcode 90018}: the app's per-API QPS limit; nothing is done. */
        THROTTLED(false),
        /** {@code errcode 90020}: the monthly call quota is spent; nothing is done. */
        QUOTA_EXHAUSTED(false),
        /**
         * {@code errcode 88}, {@code sub_code "40014"}: the token is no longer valid. A token issued by
         * {@code gettoken} is really invalidated (the next {@code gettoken} issues a new one); fixed
         * tokens ({@link DingTalkEmulator.Builder#accessToken(String)}) stay valid.
         */
        TOKEN_EXPIRED(false),
        /** HTTP 500 with a small HTML body; nothing is done. */
        HTTP_500(false),
        /** HTTP 200 with DingTalk's {@code text/html} "too many requests" page; nothing is done. */
        HTML_THROTTLE_PAGE(false),
        /** HTTP 200 with {@code {"status":1111,"wait":5,"punish":"deny"}} (per-IP ban); nothing is done. */
        PUNISH(false),
        /** HTTP 200, {@code application/json}, no body at all; nothing is done. */
        EMPTY_BODY(false),
        /** The connection is closed without any answer; nothing is done. */
        DROP_CONNECTION(false),
        /** The call is carried out, then its JSON answer is cut in the middle. */
        TRUNCATED_JSON(true),
        /**
         * A write is carried out, then answered {@code errcode -1} busy: a lost reply. On a read (and
         * on {@code gettoken}) it is plain {@link #BUSY}.
         */
        COMMIT_THEN_BUSY(true),
        /** The call is carried out and answered normally, after a delay. */
        DELAY(true);

        private final boolean afterCall;

        Kind(boolean afterCall) {
            this.afterCall = afterCall;
        }

        /** Whether the call is carried out before the fault spoils its answer. */
        boolean afterCall() {
            return afterCall;
        }
    }

    /** {@link Kind#BUSY}. */
    public static final EmulatorFault BUSY = new EmulatorFault(Kind.BUSY, Duration.ZERO);
    /** {@link Kind#SYSTEM_ERROR}. */
    public static final EmulatorFault SYSTEM_ERROR = new EmulatorFault(Kind.SYSTEM_ERROR, Duration.ZERO);
    /** {@link Kind#THROTTLED}. */
    public static final EmulatorFault THROTTLED = new EmulatorFault(Kind.THROTTLED, Duration.ZERO);
    /** {@link Kind#QUOTA_EXHAUSTED}. */
    public static final EmulatorFault QUOTA_EXHAUSTED = new EmulatorFault(Kind.QUOTA_EXHAUSTED, Duration.ZERO);
    /** {@link Kind#TOKEN_EXPIRED}. */
    public static final EmulatorFault TOKEN_EXPIRED = new EmulatorFault(Kind.TOKEN_EXPIRED, Duration.ZERO);
    /** {@link Kind#HTTP_500}. */
    public static final EmulatorFault HTTP_500 = new EmulatorFault(Kind.HTTP_500, Duration.ZERO);
    /** {@link Kind#HTML_THROTTLE_PAGE}. */
    public static final EmulatorFault HTML_THROTTLE_PAGE = new EmulatorFault(Kind.HTML_THROTTLE_PAGE, Duration.ZERO);
    /** {@link Kind#PUNISH}. */
    public static final EmulatorFault PUNISH = new EmulatorFault(Kind.PUNISH, Duration.ZERO);
    /** {@link Kind#EMPTY_BODY}. */
    public static final EmulatorFault EMPTY_BODY = new EmulatorFault(Kind.EMPTY_BODY, Duration.ZERO);
    /** {@link Kind#DROP_CONNECTION}. */
    public static final EmulatorFault DROP_CONNECTION = new EmulatorFault(Kind.DROP_CONNECTION, Duration.ZERO);
    /** {@link Kind#TRUNCATED_JSON}. */
    public static final EmulatorFault TRUNCATED_JSON = new EmulatorFault(Kind.TRUNCATED_JSON, Duration.ZERO);
    /** {@link Kind#COMMIT_THEN_BUSY}. */
    public static final EmulatorFault COMMIT_THEN_BUSY = new EmulatorFault(Kind.COMMIT_THEN_BUSY, Duration.ZERO);

    private final Kind kind;
    private final Duration delay;

    private EmulatorFault(Kind kind, Duration delay) {
        this.kind = kind;
        this.delay = delay;
    }

    /**
     * {@link Kind#DELAY}: the call is carried out at once and its normal answer is sent after
     * {@code delay}. Useful to drive a client into its read time-out; a write has then taken effect.
     *
     * @param delay how long to hold the answer back; positive
     * @return the delay fault
     * @throws IllegalArgumentException if {@code delay} is negative or zero
     */
    public static EmulatorFault delay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || delay.isZero()) {
            throw new IllegalArgumentException("delay must be positive (got " + delay + ")");
        }
        return new EmulatorFault(Kind.DELAY, delay);
    }

    /**
     * The fault of a kind that takes no argument.
     *
     * @param kind the kind of fault, any but {@link Kind#DELAY}
     * @return the fault of that kind
     * @throws IllegalArgumentException for {@link Kind#DELAY}: use {@link #delay(Duration)}
     */
    public static EmulatorFault of(Kind kind) {
        return switch (Objects.requireNonNull(kind, "kind")) {
            case BUSY -> BUSY;
            case SYSTEM_ERROR -> SYSTEM_ERROR;
            case THROTTLED -> THROTTLED;
            case QUOTA_EXHAUSTED -> QUOTA_EXHAUSTED;
            case TOKEN_EXPIRED -> TOKEN_EXPIRED;
            case HTTP_500 -> HTTP_500;
            case HTML_THROTTLE_PAGE -> HTML_THROTTLE_PAGE;
            case PUNISH -> PUNISH;
            case EMPTY_BODY -> EMPTY_BODY;
            case DROP_CONNECTION -> DROP_CONNECTION;
            case TRUNCATED_JSON -> TRUNCATED_JSON;
            case COMMIT_THEN_BUSY -> COMMIT_THEN_BUSY;
            case DELAY -> throw new IllegalArgumentException("a DELAY fault needs a duration: use EmulatorFault.delay(..)");
        };
    }

    /**
     * What kind of fault.
     *
     * @return the kind of this fault
     */
    public Kind kind() {
        return kind;
    }

    /**
     * How long {@link Kind#DELAY} waits; {@link Duration#ZERO} for every other kind.
     *
     * @return the delay of a {@link Kind#DELAY} fault, otherwise {@link Duration#ZERO}
     */
    public Duration delay() {
        return delay;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmulatorFault other && kind == other.kind && delay.equals(other.delay);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + delay.hashCode();
    }

    @Override
    public String toString() {
        return kind == Kind.DELAY ? "DELAY(" + delay.toMillis() + " ms)" : kind.name();
    }
}
