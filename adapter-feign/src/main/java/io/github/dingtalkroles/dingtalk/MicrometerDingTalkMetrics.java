package io.github.dingtalkroles.dingtalk;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;

/**
 * {@link DingTalkMetrics} recorded in a Micrometer {@link MeterRegistry}. Micrometer is an optional
 * dependency of this module: add {@code io.micrometer:micrometer-core} to use this class; without it the
 * directory records nothing.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th></tr>
 *   <tr><td>{@code dingtalk.roles.calls}</td><td>timer</td><td>{@code endpoint}, {@code outcome}, {@code errcode}</td></tr>
 *   <tr><td>{@code dingtalk.roles.retries}</td><td>counter</td><td>{@code operation}</td></tr>
 *   <tr><td>{@code dingtalk.roles.throttling.waits}</td><td>timer (count and total wait)</td><td>{@code operation}</td></tr>
 *   <tr><td>{@code dingtalk.roles.token.fetches}</td><td>counter</td><td>{@code outcome}</td></tr>
 *   <tr><td>{@code dingtalk.roles.token.refusals}</td><td>counter</td><td></td></tr>
 *   <tr><td>{@code dingtalk.roles.reconciliations}</td><td>counter</td><td>{@code operation}, {@code result} ({@code found}, {@code absent})</td></tr>
 *   <tr><td>{@code dingtalk.roles.rate.limit.waits}</td><td>timer</td><td>{@code endpoint}</td></tr>
 *   <tr><td>{@code dingtalk.roles.coordination.outages}</td><td>counter</td><td></td></tr>
 *   <tr><td>{@code dingtalk.roles.coordination.fallbacks}</td><td>counter</td><td>{@code use} ({@code rate_limit}, {@code token})</td></tr>
 * </table>
 *
 * <p>Tag values come from small fixed sets (see {@link DingTalkMetrics}); no id, name or secret is ever
 * a tag. Thread-safe.
 */
public final class MicrometerDingTalkMetrics implements DingTalkMetrics {
    private final MeterRegistry registry;

    private MicrometerDingTalkMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Metrics recorded in {@code registry}.
     *
     * @param registry the application's registry
     * @return the metrics, to pass to {@link DingTalkRoleDirectory.Builder#metrics}
     */
    public static DingTalkMetrics of(MeterRegistry registry) {
        return new MicrometerDingTalkMetrics(Objects.requireNonNull(registry, "registry"));
    }

    @Override
    public void call(String endpoint, Duration duration, String outcome, String errcode) {
        Timer.builder("dingtalk.roles.calls")
                .description("HTTP calls to DingTalk's role API")
                .tags("endpoint", endpoint, "outcome", outcome, "errcode", errcode)
                .register(registry)
                .record(duration);
    }

    @Override
    public void retry(String operation) {
        Counter.builder("dingtalk.roles.retries")
                .description("operations tried again after a transient failure or throttling")
                .tag("operation", operation)
                .register(registry)
                .increment();
    }

    @Override
    public void throttlingWait(String operation, Duration wait) {
        Timer.builder("dingtalk.roles.throttling.waits")
                .description("waits before retrying a call DingTalk throttled")
                .tag("operation", operation)
                .register(registry)
                .record(wait);
    }

    @Override
    public void tokenFetch(String outcome) {
        Counter.builder("dingtalk.roles.token.fetches")
                .description("access token requests to DingTalk's /gettoken")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    @Override
    public void tokenRefused() {
        Counter.builder("dingtalk.roles.token.refusals")
                .description("calls whose access token DingTalk refused")
                .register(registry)
                .increment();
    }

    @Override
    public void reconciliation(String operation, boolean found) {
        Counter.builder("dingtalk.roles.reconciliations")
                .description("writes whose reply was lost, looked for before sending again")
                .tags("operation", operation, "result", found ? "found" : "absent")
                .register(registry)
                .increment();
    }

    @Override
    public void rateLimitWait(String endpoint, Duration waited) {
        Timer.builder("dingtalk.roles.rate.limit.waits")
                .description("time calls queued for the client-side rate limit")
                .tag("endpoint", endpoint)
                .register(registry)
                .record(waited);
    }

    @Override
    public void coordinationOutage() {
        Counter.builder("dingtalk.roles.coordination.outages")
                .description("outages of the store (Redis) that coordinates the instances of one app")
                .register(registry)
                .increment();
    }

    @Override
    public void coordinationFallback(String use) {
        Counter.builder("dingtalk.roles.coordination.fallbacks")
                .description("calls that used an in-process fallback while the coordinating store was unavailable")
                .tag("use", use)
                .register(registry)
                .increment();
    }

    @Override
    public String toString() {
        return "MicrometerDingTalkMetrics[" + registry.getClass().getSimpleName() + "]";
    }
}
