package io.github.dingtalkroles.dingtalk;

import dev.failsafe.RateLimiter;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The default {@link CallPermits}: one Failsafe {@link RateLimiter} per app key and endpoint, in this process,
 * smooth (evenly spaced) or bursty (per one-second window). Thread-safe.
 */
final class InProcessCallPermits implements CallPermits {
    private record Key(String appKey, String endpoint) {
    }

    private final int callsPerSecond;
    private final boolean bursty;
    private final ConcurrentMap<Key, RateLimiter<Object>> limiters = new ConcurrentHashMap<>();

    InProcessCallPermits(int callsPerSecond, boolean bursty) {
        this.callsPerSecond = callsPerSecond;
        this.bursty = bursty;
    }

    @Override
    public boolean acquire(String appKey, String endpoint, Duration timeLeft) throws InterruptedException {
        return limiters.computeIfAbsent(new Key(appKey, endpoint), key -> bursty
                ? RateLimiter.burstyBuilder(callsPerSecond, Duration.ofSeconds(1)).build()
                : RateLimiter.smoothBuilder(callsPerSecond, Duration.ofSeconds(1)).build())
                .tryAcquirePermit(timeLeft);
    }

    @Override
    public String toString() {
        return "CallPermits[in-process, " + callsPerSecond + " calls/s per app and endpoint, "
                + (bursty ? "bursty" : "smooth") + "]";
    }
}
