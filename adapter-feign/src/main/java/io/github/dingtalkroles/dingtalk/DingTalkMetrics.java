package io.github.dingtalkroles.dingtalk;

import java.time.Duration;

/**
 * What a {@link DingTalkRoleDirectory} reports about its work, for metrics: every HTTP call, retries,
 * throttling waits, token fetches and refusals, reconciliations of lost writes, time spent queueing for
 * the client-side rate limit, and outages of the store that coordinates many instances. {@link MicrometerDingTalkMetrics} records them in a Micrometer
 * {@code MeterRegistry}; the default, {@link #NONE}, records nothing.
 *
 * <p>Every argument is from a small, fixed set (endpoint and operation names as DingTalk's paths end,
 * outcome kinds, documented errcodes or {@code "other"}): never an id, a name or a secret.
 * Implementations must be thread-safe and quick: they are called on the calling threads.
 */
public interface DingTalkMetrics {
    /** Records nothing. */
    DingTalkMetrics NONE = new DingTalkMetrics() {
    };

    /**
     * One HTTP call to DingTalk ended.
     *
     * @param endpoint the endpoint, as its path ends: {@code list}, {@code add_role}, {@code gettoken}, ...
     * @param duration how long the exchange took
     * @param outcome {@code success}, or the port's failure kind: {@code not_found}, {@code conflict},
     *     {@code rejected_input}, {@code not_authorized}, {@code throttled}, {@code unavailable}
     * @param errcode DingTalk's errcode if it is a documented one, {@code other} for any other, {@code none}
     *     if the reply had none
     */
    default void call(String endpoint, Duration duration, String outcome, String errcode) {
    }

    /**
     * An operation will be tried again after a transient failure or a throttling wait.
     *
     * @param operation the operation, as its endpoint's path ends, e.g. {@code add_role}
     */
    default void retry(String operation) {
    }

    /**
     * An operation waits {@code wait} before its next attempt because DingTalk throttled it.
     *
     * @param operation the operation, as its endpoint's path ends, e.g. {@code add_role}
     * @param wait how long it waits
     */
    default void throttlingWait(String operation, Duration wait) {
    }

    /**
     * An access token fetch ended with {@code outcome} ({@code success} or a failure kind, as for calls).
     *
     * @param outcome {@code success}, or the failure kind, as {@link #call}'s {@code outcome}
     */
    default void tokenFetch(String outcome) {
    }

    /** DingTalk refused the access token a call carried. */
    default void tokenRefused() {
    }

    /**
     * A write whose reply was lost was looked for: {@code found} if the lost attempt had taken effect (and
     * its result was returned), otherwise it is sent again.
     *
     * @param operation the write's operation, as its endpoint's path ends, e.g. {@code add_role}
     * @param found whether the lost attempt was found to have taken effect
     */
    default void reconciliation(String operation, boolean found) {
    }

    /**
     * A call waited {@code waited} for a slot of the client-side rate limit.
     *
     * @param endpoint the endpoint, as its path ends
     * @param waited how long the call waited for its slot
     */
    default void rateLimitWait(String endpoint, Duration waited) {
    }

    /**
     * The store that coordinates many instances of one app (Redis, for the {@code roles-redis} module's
     * {@link CallPermits} and {@link AccessTokenCache}) became unavailable: calls go on with in-process fallbacks
     * until it is back. Reported once per outage.
     */
    default void coordinationOutage() {
    }

    /**
     * One call used an in-process fallback because the coordinating store was unavailable.
     *
     * @param use what fell back: {@code rate_limit} (a permit from the in-process share of the limit) or
     *     {@code token} (a token looked up or fetched in this process only)
     */
    default void coordinationFallback(String use) {
    }
}
