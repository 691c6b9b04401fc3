package io.github.dingtalkroles.redis;

import io.github.dingtalkroles.dingtalk.AccessToken;
import io.github.dingtalkroles.dingtalk.AccessTokenCache;
import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.UnavailableException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link AccessTokenCache} in Redis, shared by every instance of an app: the token under
 * {@code <prefix>token:<app key>}, stored with its lifetime as the key's expiry, and a lock under
 * {@code <prefix>token-lock:<app key>} while one instance fetches the next token.
 *
 * <ul>
 *   <li><b>Once for the cluster:</b> in each instance one thread per app asks Redis (the others wait for it, as the
 *       in-process cache has them); if Redis has no token, the instance that takes the lock ({@code SET NX PX},
 *       for as long as its caller has left) fetches it and stores it, while the others poll every
 *       {@value #POLL_MILLIS} ms for the result, each within its own time left. A lock whose holder died expires
 *       and is taken by the next one.</li>
 *   <li><b>Compare-and-delete:</b> a refused token is deleted from Redis only if it is still the stored one (a Lua
 *       script: Redis has no such command), then forgotten in this instance.</li>
 *   <li><b>Local copy:</b> each instance keeps the token it read for the key's remaining expiry, so calls do not
 *       read Redis each time.</li>
 *   <li><b>Redis unavailable:</b> the instance fetches its own token (one per instance, as without Redis) and keeps
 *       it locally for at most a minute, so that it rejoins the cluster's token soon after Redis is back; a token
 *       already fetched when storing it fails is used, never fetched twice.</li>
 * </ul>
 * Thread-safe. Never logs a token.
 */
final class RedisAccessTokenCache implements AccessTokenCache {
    /** How often an instance waiting for another's fetch looks for the result. */
    static final long POLL_MILLIS = 20;
    /** The lock outlives its holder's fetch by this much at most. */
    private static final Duration LOCK_SLACK = Duration.ofSeconds(1);
    /** The longest a token fetched during an outage is kept, so that the instance rejoins the cluster's soon. */
    static final Duration OUTAGE_TOKEN_LIFETIME = Duration.ofMinutes(1);
    /** Deletes KEYS[1] only if it still holds ARGV[1]. */
    static final String COMPARE_AND_DELETE =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private static final Logger LOG = LoggerFactory.getLogger(RedisAccessTokenCache.class);

    private final RedisLink link;
    private final String tokenPrefix;
    private final String lockPrefix;
    private final AccessTokenCache local = AccessTokenCache.inProcess();

    RedisAccessTokenCache(RedisLink link, String keyPrefix) {
        this.link = link;
        this.tokenPrefix = keyPrefix + "token:";
        this.lockPrefix = keyPrefix + "token-lock:";
    }

    @Override
    public Optional<AccessToken> cached(String appKey) {
        Optional<AccessToken> here = local.cached(appKey);
        if (here.isPresent()) {
            return here;
        }
        return link.run(Duration.ofSeconds(1), "token", connection -> stored(connection.sync(), appKey))
                .map(Fetched::token);
    }

    @Override
    public AccessToken getOrFetch(String appKey, Duration timeLeft, Fetch fetch) {
        return local.getOrFetch(appKey, timeLeft, left -> shared(appKey, left, fetch));
    }

    @Override
    public void invalidate(String appKey, AccessToken rejected) {
        // Redis first: a thread of this instance that misses the local copy in between must not read the refused
        // token back from Redis
        link.run(Duration.ZERO, "token", connection -> connection.sync().eval(COMPARE_AND_DELETE,
                ScriptOutputType.INTEGER, new String[] {tokenPrefix + appKey}, bytes(rejected.reveal())));
        local.invalidate(appKey, rejected);
    }

    /** The cluster's token, fetched by this instance if it takes the lock; run by one thread of this instance. */
    private Fetched shared(String appKey, Duration timeLeft, Fetch fetch) {
        long deadline = System.nanoTime() + timeLeft.toNanos();
        String owner = UUID.randomUUID().toString();
        while (true) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                throw new UnavailableException("timed out waiting for another instance's access token request", true,
                        false, BackendDiagnostics.NONE, null);
            }
            StatefulRedisConnection<String, byte[]> connection = link.connection(left);
            if (connection == null) {
                return fetchAlone(fetch, deadline);
            }
            RedisCommands<String, byte[]> redis = connection.sync();
            boolean locked;
            long started = System.nanoTime();
            try {
                Fetched stored = stored(redis, appKey);
                if (stored != null) {
                    link.worked(started);
                    return stored;
                }
                locked = "OK".equals(redis.set(lockPrefix + appKey, bytes(owner),
                        SetArgs.Builder.nx().px(left.plus(LOCK_SLACK).toMillis())));
                link.worked(started);
            } catch (RuntimeException e) {
                link.failed(e);
                return fetchAlone(fetch, deadline);
            }
            if (locked) {
                return fetchAndStore(redis, appKey, owner, deadline, fetch);
            }
            sleep(Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 1));
        }
    }

    /** Redis is unavailable: this instance fetches a token for itself, kept for at most a minute. */
    private Fetched fetchAlone(Fetch fetch, long deadline) {
        link.fallback("token");
        Fetched fetched = fetch.fetch(remaining(deadline));
        return fetched.lifetime().compareTo(OUTAGE_TOKEN_LIFETIME) <= 0 ? fetched
                : new Fetched(fetched.token(), OUTAGE_TOKEN_LIFETIME);
    }

    /** Holding the lock: looks once more, else fetches, stores and releases the lock. */
    private Fetched fetchAndStore(RedisCommands<String, byte[]> redis, String appKey, String owner, long deadline,
            Fetch fetch) {
        String lockKey = lockPrefix + appKey;
        try {
            Fetched stored;
            try {
                stored = stored(redis, appKey); // stored by another holder just before this one took the lock
            } catch (RuntimeException e) {
                link.failed(e);
                stored = null;
            }
            if (stored != null) {
                return stored;
            }
            LOG.debug("this instance fetches the access token of app {} for the cluster", appKey);
            Fetched fetched = fetch.fetch(remaining(deadline));
            long started = System.nanoTime();
            try {
                redis.set(tokenPrefix + appKey, bytes(fetched.token().reveal()),
                        SetArgs.Builder.px(Math.max(1, fetched.lifetime().toMillis())));
                link.worked(started);
            } catch (RuntimeException e) {
                link.failed(e); // the token is good: used here, fetched again by the others
            }
            return fetched;
        } finally {
            try {
                redis.eval(COMPARE_AND_DELETE, ScriptOutputType.INTEGER, new String[] {lockKey}, bytes(owner));
            } catch (RuntimeException e) {
                link.failed(e); // the lock expires by itself
            }
        }
    }

    /** The stored token and its remaining expiry, or {@code null} if there is none (or an unusable one). */
    private Fetched stored(RedisCommands<String, byte[]> redis, String appKey) {
        String key = tokenPrefix + appKey;
        byte[] value = redis.get(key);
        if (value == null) {
            return null;
        }
        long millisLeft = redis.pttl(key);
        if (millisLeft <= 0) {
            return null; // expired just now, or stored without expiry by someone else: fetch anew
        }
        try {
            return new Fetched(AccessToken.of(new String(value, StandardCharsets.UTF_8)), Duration.ofMillis(millisLeft));
        } catch (IllegalArgumentException e) {
            return null; // not a token: the next fetch overwrites it
        }
    }

    private static Duration remaining(long deadline) {
        long left = deadline - System.nanoTime();
        return Duration.ofNanos(Math.max(left, TimeUnit.MILLISECONDS.toNanos(1)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while waiting for an access token", false, false,
                    BackendDiagnostics.NONE, null);
        }
    }

    @Override
    public String toString() {
        return "AccessTokenCache[" + link.shownUri() + "]";
    }
}
