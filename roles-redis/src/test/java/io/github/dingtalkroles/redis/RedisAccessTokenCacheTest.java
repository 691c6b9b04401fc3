package io.github.dingtalkroles.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dingtalkroles.dingtalk.AccessToken;
import io.github.dingtalkroles.dingtalk.AccessTokenCache;
import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.NotAuthorizedException;
import io.github.dingtalkroles.port.UnavailableException;
import io.github.dingtalkroles.testsupport.CapturedLogs;
import io.github.dingtalkroles.testsupport.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The cluster-wide token cache against a real redis-server: one fetch per token lifetime for every instance (here:
 * several coordinations in one JVM, each with its own connection), the token stored with its expiry,
 * compare-and-delete on refusal, deadlines, and local fetches while Redis is down.
 */
@Timeout(60)
class RedisAccessTokenCacheTest {
    private static final String APP = "ding-app";
    private static RedisServer redis;
    private final List<RedisCoordination> opened = new ArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void emptyRedis() {
        if (!redis.isRunning()) {
            redis.restart();
        }
        redis.command("FLUSHALL");
    }

    @AfterEach
    void closeCoordinations() {
        opened.forEach(RedisCoordination::close);
    }

    private AccessTokenCache instance() {
        RedisCoordination coordination = RedisCoordination.builder(redis.uri()).build();
        opened.add(coordination);
        return coordination.tokenCache();
    }

    /** A fetch that counts itself and gives {@code value}, valid for {@code lifetime}, after {@code delay}. */
    private AccessTokenCache.Fetch fetching(String value, Duration lifetime, Duration delay) {
        return timeLeft -> {
            fetches.incrementAndGet();
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new AccessTokenCache.Fetched(AccessToken.of(value), lifetime);
        };
    }

    @Test
    void oneInstanceFetchesAndTheOthersUseItsToken() {
        AccessTokenCache first = instance();
        AccessTokenCache second = instance();

        AccessToken fetched = first.getOrFetch(APP, Duration.ofSeconds(5), fetching("T-1", Duration.ofHours(1),
                Duration.ZERO));
        AccessToken shared = second.getOrFetch(APP, Duration.ofSeconds(5), fetching("T-2", Duration.ofHours(1),
                Duration.ZERO));

        assertThat(shared).isEqualTo(fetched).isEqualTo(AccessToken.of("T-1"));
        assertThat(second.cached(APP)).contains(fetched);
        assertThat(fetches).hasValue(1);
    }

    @Test
    void fourInstancesOfEightThreadsCauseOneFetch() throws Exception {
        List<AccessTokenCache> instances = List.of(instance(), instance(), instance(), instance());
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<AccessToken>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                AccessTokenCache cache = instances.get(i % 4);
                calls.add(pool.submit(() -> {
                    start.await();
                    return cache.getOrFetch(APP, Duration.ofSeconds(10),
                            fetching("T-ONE", Duration.ofHours(1), Duration.ofMillis(200)));
                }));
            }
            start.countDown();
            for (Future<AccessToken> call : calls) {
                assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo(AccessToken.of("T-ONE"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(fetches).hasValue(1);
    }

    @Test
    void theTokenIsStoredUnderTheDocumentedKeyWithItsLifetimeAsExpiry() {
        instance().getOrFetch(APP, Duration.ofSeconds(5), fetching("T-STORED", Duration.ofMinutes(10),
                Duration.ZERO));

        assertThat(redis.command("GET", "dingtalk-roles:token:" + APP)).isEqualTo("T-STORED");
        long ttl = Long.parseLong(redis.command("PTTL", "dingtalk-roles:token:" + APP).substring(1));
        assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10).toMillis());
        assertThat(redis.command("EXISTS", "dingtalk-roles:token-lock:" + APP)).as("the lock is released")
                .isEqualTo(":0");
    }

    @Test
    void anExpiredTokenIsFetchedAgainOnceForAll() throws Exception {
        AccessTokenCache first = instance();
        AccessTokenCache second = instance();
        first.getOrFetch(APP, Duration.ofSeconds(5), fetching("T-SHORT", Duration.ofMillis(300), Duration.ZERO));
        while (first.cached(APP).isPresent() || second.cached(APP).isPresent()) {
            Thread.sleep(50);
        }

        AccessToken renewed = second.getOrFetch(APP, Duration.ofSeconds(5), fetching("T-NEXT", Duration.ofHours(1),
                Duration.ZERO));

        assertThat(renewed).isEqualTo(AccessToken.of("T-NEXT"));
        assertThat(first.getOrFetch(APP, Duration.ofSeconds(5), fetching("T-OTHER", Duration.ofHours(1),
                Duration.ZERO))).isEqualTo(renewed);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aRefusedTokenIsDeletedOnlyIfItIsStillTheStoredOne() {
        AccessTokenCache first = instance();
        AccessTokenCache second = instance();
        AccessToken current = first.getOrFetch(APP, Duration.ofSeconds(5), fetching("T-CURRENT", Duration.ofHours(1),
                Duration.ZERO));

        second.invalidate(APP, AccessToken.of("T-OLDER"));
        assertThat(redis.command("GET", "dingtalk-roles:token:" + APP)).isEqualTo("T-CURRENT");

        second.invalidate(APP, current);
        assertThat(redis.command("EXISTS", "dingtalk-roles:token:" + APP)).isEqualTo(":0");
        assertThat(first.getOrFetch(APP, Duration.ofSeconds(5), fetching("T-FRESH", Duration.ofHours(1),
                Duration.ZERO))).as("the instance that did not see the refusal reads the fresh one")
                .isEqualTo(current);
    }

    @Test
    void aWaiterGivesUpAtItsDeadlineWhileAnotherInstanceHoldsTheLock() {
        redis.command("SET", "dingtalk-roles:token-lock:" + APP, "another-instance", "PX", "20000");

        assertThatThrownBy(() -> instance().getOrFetch(APP, Duration.ofMillis(300), fetching("T", Duration.ofHours(1),
                Duration.ZERO)))
                .isInstanceOfSatisfying(UnavailableException.class, e -> assertThat(e.isRetryable()).isTrue())
                .hasMessageContaining("another instance");
        assertThat(fetches).hasValue(0);
    }

    @Test
    void aRefusedFetchReachesTheCallerAsItIsAndReleasesTheLock() {
        NotAuthorizedException refused = new NotAuthorizedException("DingTalk refused the app's credentials",
                BackendDiagnostics.NONE);

        assertThatThrownBy(() -> instance().getOrFetch(APP, Duration.ofSeconds(5), timeLeft -> {
            throw refused;
        })).isSameAs(refused);
        assertThat(redis.command("EXISTS", "dingtalk-roles:token-lock:" + APP)).isEqualTo(":0");
    }

    @Test
    void withoutRedisEachInstanceFetchesItsOwnTokenAndNoCallFails() {
        try (CapturedLogs.Watch warnings = CapturedLogs.watch(line -> line.startsWith("WARN"))) {
            redis.kill();
            AccessTokenCache first = instance();
            AccessTokenCache second = instance();

            assertThat(first.getOrFetch(APP, Duration.ofSeconds(5), fetching("T-A", Duration.ofHours(1),
                    Duration.ZERO))).isEqualTo(AccessToken.of("T-A"));
            assertThat(first.getOrFetch(APP, Duration.ofSeconds(5), fetching("T-X", Duration.ofHours(1),
                    Duration.ZERO))).as("kept locally").isEqualTo(AccessToken.of("T-A"));
            assertThat(second.getOrFetch(APP, Duration.ofSeconds(5), fetching("T-B", Duration.ofHours(1),
                    Duration.ZERO))).isEqualTo(AccessToken.of("T-B"));
            first.invalidate(APP, AccessToken.of("T-A"));

            assertThat(fetches).hasValue(2);
            assertThat(warnings.lines()).hasSize(2).allSatisfy(line -> assertThat(line).contains("unavailable")
                    .doesNotContain("T-A", "T-B"));
        }
    }

    @Test
    void afterAnOutageTheInstancesShareTokensAgain() throws Exception {
        RedisCoordination coordination = RedisCoordination.builder(redis.uri()).build();
        opened.add(coordination);
        AccessTokenCache cache = coordination.tokenCache();
        redis.kill();
        cache.getOrFetch(APP, Duration.ofSeconds(5), fetching("T-LOCAL", Duration.ofMillis(100), Duration.ZERO));
        assertThat(coordination.isUnavailable()).isTrue();

        redis.restart();
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (coordination.isUnavailable() && System.nanoTime() - until < 0) {
            Thread.sleep(150); // past the local token's lifetime: the next call looks for Redis again
            cache.getOrFetch(APP, Duration.ofSeconds(5), fetching("T-LOCAL", Duration.ofMillis(100), Duration.ZERO));
        }
        assertThat(coordination.isUnavailable()).as("Redis found back").isFalse();
        Thread.sleep(150);
        AccessToken shared = cache.getOrFetch(APP, Duration.ofSeconds(5), fetching("T-SHARED", Duration.ofHours(1),
                Duration.ZERO));
        int fetchesSoFar = fetches.get();

        assertThat(redis.command("GET", "dingtalk-roles:token:" + APP)).isEqualTo(shared.reveal());
        assertThat(instance().getOrFetch(APP, Duration.ofSeconds(5), fetching("T-NEW", Duration.ofHours(1),
                Duration.ZERO))).isEqualTo(shared);
        assertThat(fetches).hasValue(fetchesSoFar);
    }
}
