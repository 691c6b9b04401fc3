package io.github.dingtalkroles.redis;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.dingtalkroles.dingtalk.CallPermits;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link CallPermits} from one Bucket4j token bucket per app key and endpoint, kept in Redis and shared by every
 * instance ({@code <prefix>rate:<app key>:<endpoint>}): {@code rate} permits a second, at most {@code burst} at
 * once. A permit that needs a wait is reserved in Redis at once and waited for here, so the instances' calls are
 * spaced as one client's would be; a wait longer than the caller's time left reserves nothing. The threads of one
 * instance reach a bucket through Bucket4j's batching optimisation: their concurrent requests travel as one.
 *
 * <p>While Redis is unavailable each instance takes its permits from a local bucket of the same shape at its
 * share of the rate (rate / instances, burst / instances, each at least 1), so that the cluster stays within the
 * limit without Redis; the shared buckets are used again once Redis answers. Thread-safe.
 */
final class RedisCallPermits implements CallPermits {
    /** How long an idle bucket stays in Redis after it has filled up again. */
    private static final Duration IDLE_BUCKET_TTL = Duration.ofSeconds(10);

    private final RedisLink link;
    private final String keyPrefix;
    private final BucketConfiguration shared;
    private final BucketConfiguration local;
    private final Duration commandTimeout;
    private final String shape;
    private final ConcurrentMap<String, BucketProxy> sharedBuckets = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Bucket> localBuckets = new ConcurrentHashMap<>();
    private volatile ProxyManager<String> proxies;
    private volatile StatefulRedisConnection<String, byte[]> proxiedConnection;

    RedisCallPermits(RedisLink link, String keyPrefix, int rate, int burst, int instances, Duration commandTimeout) {
        this.link = link;
        this.keyPrefix = keyPrefix + "rate:";
        this.commandTimeout = commandTimeout;
        this.shared = configuration(rate, burst);
        this.local = configuration(Math.max(1, rate / instances), Math.max(1, burst / instances));
        this.shape = rate + " calls/s per app and endpoint, burst " + burst + "; without Redis "
                + Math.max(1, rate / instances) + " calls/s in this instance";
    }

    private static BucketConfiguration configuration(int rate, int burst) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(rate, Duration.ofSeconds(1)).build())
                .build();
    }

    @Override
    public boolean acquire(String appKey, String endpoint, Duration timeLeft) throws InterruptedException {
        String key = keyPrefix + appKey + ":" + endpoint;
        long start = System.nanoTime();
        StatefulRedisConnection<String, byte[]> connection = link.connection(timeLeft);
        if (connection != null) {
            BucketProxy bucket = sharedBucket(connection, key);
            long started = System.nanoTime();
            try {
                boolean granted = take(bucket, timeLeft);
                link.worked(started);
                return granted;
            } catch (InterruptedException e) {
                throw e;
            } catch (RuntimeException e) {
                link.failed(e);
            }
        }
        link.fallback("rate_limit");
        Duration left = timeLeft.minusNanos(System.nanoTime() - start);
        return take(localBuckets.computeIfAbsent(key, k -> Bucket.builder().addLimit(local.getBandwidths()[0]).build()),
                left);
    }

    /** One token, waiting for it at most {@code timeLeft} (Bucket4j's blocking API wants a positive wait). */
    private static boolean take(Bucket bucket, Duration timeLeft) throws InterruptedException {
        return timeLeft.isNegative() || timeLeft.isZero() ? bucket.tryConsume(1)
                : bucket.asBlocking().tryConsume(1, timeLeft);
    }

    /** The shared bucket of {@code key}, through a proxy manager on {@code connection}. */
    private BucketProxy sharedBucket(StatefulRedisConnection<String, byte[]> connection, String key) {
        if (proxiedConnection != connection) {
            synchronized (this) {
                if (proxiedConnection != connection) {
                    proxies = Bucket4jLettuce.casBasedBuilder(connection)
                            .expirationAfterWrite(ExpirationAfterWriteStrategy
                                    .basedOnTimeForRefillingBucketUpToMax(IDLE_BUCKET_TTL))
                            .requestTimeout(commandTimeout)
                            .build();
                    sharedBuckets.clear();
                    proxiedConnection = connection;
                }
            }
        }
        // batching: the concurrent requests of this instance's threads for one bucket go to Redis as one, so the
        // instances contend for a bucket's compare-and-swap, not every thread of every instance
        return sharedBuckets.computeIfAbsent(key, k -> proxies.builder().withOptimization(Optimizations.batching())
                .build(k, () -> shared));
    }

    @Override
    public String toString() {
        return "CallPermits[" + link.shownUri() + ", " + shape + "]";
    }
}
