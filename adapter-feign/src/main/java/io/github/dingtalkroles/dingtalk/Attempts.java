package io.github.dingtalkroles.dingtalk;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.ConflictException;
import io.github.dingtalkroles.port.NotFoundException;
import io.github.dingtalkroles.port.RejectedInputException;
import io.github.dingtalkroles.port.RoleDirectoryException;
import io.github.dingtalkroles.port.UnavailableException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an operation as a series of attempts under one deadline, with a Failsafe {@link RetryPolicy}
 * doing the counting, backoff, jitter and sleeping (one policy per operation, so that metrics name it).
 * The DingTalk-specific decisions come from each
 * {@link AttemptFailed}: whether to try again at all, after a backoff or after a throttling wait.
 *
 * <ul>
 *   <li>At most {@code maxRetries} retries, none started after the deadline.</li>
 *   <li>Transient failures: exponential backoff from {@code backoff}, doubling, ±{@value #JITTER_PERCENT} %
 *       jitter, capped at the deadline.</li>
 *   <li>Throttling: the throttling wait, or the server's {@code wait} if longer; stretched so that jitter
 *       only lengthens it. If that wait does not fit before the deadline, the operation fails at once.</li>
 * </ul>
 *
 * <p>A write whose outcome is unresolved when it finally fails (see {@link WriteOutcome}) is reported as
 * {@link UnavailableException#isOutcomeUnknown()}, unless DingTalk's last answer was a definite
 * not-found, conflict or rejection. Thread-safe: the policies are shared, the state of each run is not.
 */
final class Attempts {
    static final int JITTER_PERCENT = 20;
    private static final double JITTER = JITTER_PERCENT / 100.0;

    private static final Logger LOG = LoggerFactory.getLogger(Attempts.class);

    /** One attempt; may throw {@link AttemptFailed} or, for a definite answer, a port exception. */
    @FunctionalInterface
    interface Attempt<T> {
        T run(Deadline deadline);
    }

    private final Duration deadline;
    private final Duration throttlingWait;
    private final int maxRetries;
    private final Duration backoff;
    private final Consumer<Duration> onRetryScheduled;
    private final DingTalkMetrics metrics;
    private final ConcurrentMap<String, FailsafeExecutor<Object>> executors = new ConcurrentHashMap<>();

    /**
     * @param maxRetries retries after the first attempt
     * @param backoff the first backoff delay
     * @param throttlingWait the least wait after a throttled attempt
     * @param deadline the budget of one operation
     * @param onRetryScheduled told of every scheduled retry's delay (for tests and logging)
     * @param metrics told of every retry and throttling wait
     */
    Attempts(int maxRetries, Duration backoff, Duration throttlingWait, Duration deadline,
            Consumer<Duration> onRetryScheduled, DingTalkMetrics metrics) {
        this.deadline = deadline;
        this.throttlingWait = throttlingWait;
        this.maxRetries = maxRetries;
        this.backoff = backoff;
        this.onRetryScheduled = onRetryScheduled;
        this.metrics = metrics;
    }

    /** The executor of {@code operation}'s attempts, made once per operation so its retries are counted by name. */
    private FailsafeExecutor<Object> executor(String operation) {
        return executors.computeIfAbsent(operation, name -> Failsafe.with(RetryPolicy.builder()
                .handleIf(failure -> failure instanceof AttemptFailed f && f.isRetryable())
                .withMaxRetries(maxRetries)
                .withBackoff(backoff, maxBackoff(backoff, deadline))
                .withJitter(JITTER)
                .withDelayFnOn(context -> throttledDelay((AttemptFailed) context.getLastException()),
                        AttemptFailed.class)
                .withMaxDuration(deadline)
                .onRetryScheduled(event -> {
                    onRetryScheduled.accept(event.getDelay());
                    metrics.retry(name);
                    if (event.getLastException() instanceof AttemptFailed f && f.next() == AttemptFailed.Next.WAIT) {
                        metrics.throttlingWait(name, event.getDelay());
                    }
                    if (LOG.isDebugEnabled()) {
                        LOG.debug("{}: attempt {} failed, retrying in {} ms: {}", name, event.getAttemptCount(),
                                event.getDelay().toMillis(), event.getLastException().getMessage());
                    }
                })
                .build()));
    }

    /** A read: no outcome to track. */
    <T> T read(String operation, Attempt<T> attempt) {
        return run(operation, null, attempt);
    }

    /** A write, whose attempts record ambiguous failures in {@code outcome}. */
    <T> T write(String operation, WriteOutcome outcome, Attempt<T> attempt) {
        return run(operation, outcome, attempt);
    }

    private <T> T run(String operation, WriteOutcome outcome, Attempt<T> attempt) {
        Deadline until = Deadline.after(deadline);
        try {
            return executor(operation).get(context -> {
                if (until.hasExpired() && context.getLastException() instanceof AttemptFailed previous) {
                    // the backoff ran into the deadline: report what made us retry
                    throw previous.asLastAttempt();
                }
                try {
                    return attempt.run(until);
                } catch (AttemptFailed f) {
                    if (outcome != null && f.isAmbiguous()) {
                        outcome.ambiguousFailure();
                    }
                    if (f.next() == AttemptFailed.Next.WAIT
                            && longestThrottledDelay(f).compareTo(until.remaining()) > 0) {
                        throw f.asLastAttempt();
                    }
                    throw f;
                }
            });
        } catch (AttemptFailed f) {
            throw reported(operation, outcome, f.reported());
        } catch (RoleDirectoryException e) {
            throw reported(operation, outcome, e);
        } catch (FailsafeException e) {
            // Failsafe wraps checked exceptions; the only one here is an interrupted retry sleep
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw reported(operation, outcome, new UnavailableException(operation + " was interrupted", false,
                    false, BackendDiagnostics.NONE, RedactedCause.of(e.getCause())));
        } catch (RuntimeException e) {
            throw reported(operation, outcome, new UnavailableException(operation + " failed unexpectedly", false,
                    false, BackendDiagnostics.NONE, RedactedCause.of(e)));
        }
    }

    private static RoleDirectoryException reported(String operation, WriteOutcome outcome,
            RoleDirectoryException failure) {
        boolean definiteAnswer = failure instanceof NotFoundException || failure instanceof ConflictException
                || failure instanceof RejectedInputException;
        if (outcome == null || !outcome.isUnresolved() || definiteAnswer) {
            return failure;
        }
        return new UnavailableException(operation + " may or may not have taken effect: its reply was lost and"
                + " the outcome could not be checked; last failure: " + failure.getMessage(),
                failure.isRetryable(), true, failure.diagnostics(), failure);
    }

    /** The delay after a throttled attempt, before jitter; negative (use the backoff) for other failures. */
    private Duration throttledDelay(AttemptFailed failure) {
        if (failure.next() != AttemptFailed.Next.WAIT) {
            return Duration.ofNanos(-1);
        }
        Duration wait = throttleWait(failure);
        return Duration.ofNanos((long) (wait.toNanos() / (1 - JITTER)));
    }

    /** The longest delay jitter can make of {@link #throttledDelay}. */
    private Duration longestThrottledDelay(AttemptFailed failure) {
        return Duration.ofNanos((long) (throttleWait(failure).toNanos() * (1 + JITTER) / (1 - JITTER)));
    }

    private Duration throttleWait(AttemptFailed failure) {
        return failure.serverWait().filter(w -> w.compareTo(throttlingWait) > 0).orElse(throttlingWait);
    }

    private static Duration maxBackoff(Duration backoff, Duration deadline) {
        Duration max = backoff.multipliedBy(32);
        return max.compareTo(deadline) < 0 ? max : deadline;
    }
}
