package io.github.dingtalkroles.redis;

import io.github.dingtalkroles.dingtalk.AccessTokenCache;
import io.github.dingtalkroles.dingtalk.CallPermits;
import io.github.dingtalkroles.dingtalk.DingTalkMetrics;
import java.time.Duration;
import java.util.Objects;

/**
 * Many instances of a platform, one DingTalk app: a cluster-wide rate limit and access-token cache on Redis, for
 * the DingTalk adapter's {@link CallPermits} and {@link AccessTokenCache} seams. Every instance builds one with the
 * same settings and hands both to its directory:
 *
 * <pre>{@code
 * RedisCoordination redis = RedisCoordination.builder("redis://redis.internal:6379")
 *         .instances(4)                       // for the fallback while Redis is down
 *         .build();
 * RoleDirectory roles = DingTalkRoleDirectory.builder()
 *         .appCredentials(appKey, AppSecret.of(appSecret))
 *         .callPermits(redis.callPermits())
 *         .tokenCache(redis.tokenCache())
 *         .build();
 * }</pre>
 *
 * <h2>What is shared</h2>
 * <ul>
 *   <li><b>Rate limit:</b> one Bucket4j token bucket per app key and endpoint ({@code <prefix>rate:<app>:<endpoint>},
 *       Bucket4j's Lettuce integration), {@link Builder#callsPerSecond} a second with bursts of at most
 *       {@link Builder#burst}, for all instances together, as DingTalk counts them. Bucket4j computes refills from
 *       each instance's clock: keep the instances' clocks synchronised (NTP).</li>
 *   <li><b>Access tokens:</b> one {@code /gettoken} per token lifetime for the whole cluster. The token is stored
 *       under {@code <prefix>token:<app>} with its lifetime as the key's expiry; the instance that takes the lock
 *       {@code <prefix>token-lock:<app>} fetches it while the others wait for the result within their deadlines.
 *       When DingTalk refuses a token it is deleted only if it is still the stored one (compare-and-delete). The
 *       token is in Redis (that is the point: protect Redis as you protect the token); the app secret never
 *       is.</li>
 * </ul>
 *
 * <h2>When Redis is unavailable</h2>
 * No call fails because Redis failed. Each instance goes on alone: permits from a local bucket at its share of the
 * rate ({@code callsPerSecond / instances}), tokens fetched by the instance itself. The outage is logged once, at
 * WARN, naming Redis by its URI with the password masked (no token or secret in it), and counted
 * ({@link DingTalkMetrics#coordinationOutage()}; each fallback call as
 * {@link DingTalkMetrics#coordinationFallback(String)}). Calls try Redis again a second after a failure, and the
 * first that succeeds ends the outage (logged at INFO): the instances coordinate again.
 *
 * <h2>Threads and resources</h2>
 * Thread-safe; share one per process and app settings. It connects in the background when built (a call waits for
 * the first connection at most its own time left) and reconnects by itself. {@link #close()} closes the connection
 * and Lettuce's threads; close it after the directories that use it.
 */
public final class RedisCoordination implements AutoCloseable {
    static final int DEFAULT_CALLS_PER_SECOND = 19;
    static final int DEFAULT_BURST = 1;
    static final String DEFAULT_KEY_PREFIX = "dingtalk-roles:";
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(500);

    private final RedisLink link;
    private final RedisCallPermits permits;
    private final RedisAccessTokenCache tokens;

    private RedisCoordination(RedisLink link, RedisCallPermits permits, RedisAccessTokenCache tokens) {
        this.link = link;
        this.permits = permits;
        this.tokens = tokens;
    }

    /**
     * A builder for Redis at {@code redisUri}, with the defaults listed on {@link Builder}.
     *
     * @param redisUri Lettuce's URI syntax: {@code redis://[[user:]password@]host[:port][/database]},
     *     {@code rediss://} for TLS, {@code redis-sentinel://...}
     * @return a new builder
     * @throws IllegalArgumentException if {@code redisUri} is not a Redis URI (the message masks its password)
     */
    public static Builder builder(String redisUri) {
        return new Builder(redisUri);
    }

    /**
     * The cluster-wide rate limit, for {@code DingTalkRoleDirectory.Builder.callPermits(..)}.
     *
     * @return the permits; thread-safe
     */
    public CallPermits callPermits() {
        return permits;
    }

    /**
     * The cluster-wide token cache, for {@code DingTalkRoleDirectory.Builder.tokenCache(..)} or
     * {@code AccessTokenSource.AppCredentialsBuilder.cache(..)}.
     *
     * @return the cache; thread-safe
     */
    public AccessTokenCache tokenCache() {
        return tokens;
    }

    /**
     * Whether Redis is unavailable now, as far as the last calls found: they use the in-process fallbacks.
     *
     * @return {@code true} during an outage
     */
    public boolean isUnavailable() {
        return link.isDown();
    }

    /** Closes the Redis connection and Lettuce's threads; calls made afterwards use the fallbacks. Idempotent. */
    @Override
    public void close() {
        link.close();
    }

    /** The Redis URI with its password masked, and the limits. */
    @Override
    public String toString() {
        return "RedisCoordination[" + link.shownUri() + ", " + permits + "]";
    }

    /**
     * Configures a {@link RedisCoordination}. Every instance of the platform should use the same settings.
     *
     * <table>
     *   <caption>Defaults</caption>
     *   <tr><th>setting</th><th>default</th></tr>
     *   <tr><td>{@link #callsPerSecond}</td><td>19 per app and endpoint, one below the standard edition's limit</td></tr>
     *   <tr><td>{@link #burst}</td><td>1: calls evenly spaced</td></tr>
     *   <tr><td>{@link #instances}</td><td>1</td></tr>
     *   <tr><td>{@link #keyPrefix}</td><td>{@code dingtalk-roles:}</td></tr>
     *   <tr><td>{@link #connectTimeout}</td><td>5 s</td></tr>
     *   <tr><td>{@link #commandTimeout}</td><td>500 ms</td></tr>
     *   <tr><td>{@link #metrics}</td><td>none recorded</td></tr>
     * </table>
     *
     * <p>Not thread-safe; what it builds is.
     */
    public static final class Builder {
        private final String redisUri;
        private int callsPerSecond = DEFAULT_CALLS_PER_SECOND;
        private int burst = DEFAULT_BURST;
        private int instances = 1;
        private String keyPrefix = DEFAULT_KEY_PREFIX;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
        private DingTalkMetrics metrics = DingTalkMetrics.NONE;

        private Builder(String redisUri) {
            RedisUris.parse(redisUri);
            this.redisUri = redisUri.strip();
        }

        /**
         * The calls per second that all instances together make to one endpoint for one app (default 19, one
         * below the standard edition's per-app limit of each API, 20): the margin leaves room for the network's
         * jitter, which can bring two calls closer together on DingTalk's side than they were sent.
         *
         * @param callsPerSecond 1 or more
         * @return this builder
         */
        public Builder callsPerSecond(int callsPerSecond) {
            this.callsPerSecond = atLeastOne(callsPerSecond, "callsPerSecond");
            return this;
        }

        /**
         * The most calls the instances may make at once after a quiet spell (default 1: evenly spaced). Within any
         * second at most {@code burst + callsPerSecond} calls go out, so keep the sum within DingTalk's limit.
         *
         * @param burst 1 or more
         * @return this builder
         */
        public Builder burst(int burst) {
            this.burst = atLeastOne(burst, "burst");
            return this;
        }

        /**
         * How many instances share the app (default 1): while Redis is unavailable, each instance limits itself to
         * {@code callsPerSecond / instances} (at least 1), so that the cluster keeps to the limit without Redis.
         *
         * @param instances 1 or more
         * @return this builder
         */
        public Builder instances(int instances) {
            this.instances = atLeastOne(instances, "instances");
            return this;
        }

        /**
         * The prefix of every key this module writes (default {@code dingtalk-roles:}): {@code <prefix>rate:...},
         * {@code <prefix>token:<app key>}, {@code <prefix>token-lock:<app key>}. Give each environment sharing a
         * Redis its own.
         *
         * @param prefix not blank, without whitespace
         * @return this builder
         */
        public Builder keyPrefix(String prefix) {
            Objects.requireNonNull(prefix, "prefix");
            if (prefix.isBlank() || prefix.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("keyPrefix must not be blank or hold whitespace");
            }
            this.keyPrefix = prefix;
            return this;
        }

        /**
         * How long to wait for a connection to Redis, its handshake included (default 5 s); a call waits for the
         * first connection at most its own time left.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * How long one Redis command may take before the call uses its fallback (default 500 ms).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder commandTimeout(Duration timeout) {
            this.commandTimeout = positive(timeout, "commandTimeout");
            return this;
        }

        /**
         * Where to report outages and fallbacks (default {@link DingTalkMetrics#NONE}); e.g. the directory's
         * {@code MicrometerDingTalkMetrics.of(meterRegistry)}.
         *
         * @param metrics the metrics
         * @return this builder
         */
        public Builder metrics(DingTalkMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /**
         * Builds it and starts connecting in the background; Redis need not be up yet.
         *
         * @return a new coordination; close it when done
         */
        public RedisCoordination build() {
            int share = Math.max(1, callsPerSecond / instances);
            RedisLink link = new RedisLink(redisUri, connectTimeout, commandTimeout, metrics,
                    "rate limit " + share + " calls/s per endpoint in this instance, its share of " + callsPerSecond
                            + " for " + instances + " instance(s); access tokens fetched by this instance");
            return new RedisCoordination(link,
                    new RedisCallPermits(link, keyPrefix, callsPerSecond, burst, instances, commandTimeout),
                    new RedisAccessTokenCache(link, keyPrefix));
        }

        private static int atLeastOne(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be 1 or more (got " + value + ")");
            }
            return value;
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive (got " + value + ")");
            }
            return value;
        }
    }
}
