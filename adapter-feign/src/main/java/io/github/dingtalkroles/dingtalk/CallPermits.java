package io.github.dingtalkroles.dingtalk;

import io.github.dingtalkroles.port.ThrottledException;
import java.time.Duration;

/**
 * The client-side rate limit of a {@link DingTalkRoleDirectory}: before each HTTP call to a role endpoint the
 * directory asks for one permit, for the call's app and endpoint, and waits for it at most as long as its
 * operation has left. DingTalk limits each app per API (20 calls/s per endpoint on the standard edition, errcode
 * 90018 past it), so permits are counted per app key and endpoint. {@code GET /gettoken} takes no permit.
 *
 * <p>The default is in-process: each directory limits itself ({@link DingTalkRoleDirectory.Builder#rateLimit(int)},
 * {@link DingTalkRoleDirectory.Builder#burstyRateLimit(int)}). When many instances of a platform call DingTalk for
 * one app, their limits add up; pass one implementation shared by all of them instead
 * ({@link DingTalkRoleDirectory.Builder#callPermits(CallPermits)}), such as the Redis one of the {@code roles-redis}
 * module.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Thread safety:</b> implementations must be safe for concurrent use; every thread that makes a call asks,
 *       and the calls of a bulk grant ask from several threads at once.</li>
 *   <li><b>Deadline:</b> {@link #acquire} returns {@code true} once a permit is granted, which may take up to
 *       {@code timeLeft}; it returns {@code false}, granting nothing, if no permit can be had within
 *       {@code timeLeft}, and should say so at once rather than wait for {@code timeLeft} to pass. The directory
 *       then does not send the call and reports a {@link ThrottledException}.</li>
 *   <li><b>Failures:</b> an implementation over a shared store must not fail a call because the store failed: it
 *       answers from a fallback of its own instead. A {@link RuntimeException} thrown anyway fails the call with a
 *       non-retryable {@link io.github.dingtalkroles.port.UnavailableException}, with a redacted copy of it as the
 *       cause.</li>
 *   <li>Arguments come from small fixed sets: the app key, and the endpoint as its path ends ({@code list},
 *       {@code add_role}, {@code scope/update}, ...), as {@link DingTalkMetrics} names them.</li>
 * </ul>
 */
@FunctionalInterface
public interface CallPermits {

    /**
     * Takes one permit to call {@code endpoint} for {@code appKey}, waiting for it at most {@code timeLeft}.
     *
     * @param appKey the app the call is made for: the app key of the directory's credentials, or {@code "-"} when
     *     its token source names no app ({@link AccessTokenSource#appKey()})
     * @param endpoint the endpoint, as its path ends, e.g. {@code list} or {@code addrolesforemps}
     * @param timeLeft how long the caller can wait; zero or positive
     * @return {@code true} if the call may be sent now; {@code false} if no permit can be had within {@code timeLeft}
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    boolean acquire(String appKey, String endpoint, Duration timeLeft) throws InterruptedException;
}
