package io.github.dingtalkroles.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dingtalkroles.dingtalk.CallPermits;
import io.github.dingtalkroles.testsupport.CapturedLogs;
import io.github.dingtalkroles.testsupport.RedisServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The cluster-wide rate limit against a real redis-server: instances (here: several coordinations in one JVM, each
 * with its own connection, as separate processes would have) share one bucket per app key and endpoint; without
 * Redis each takes its share locally, and sharing resumes when Redis is back.
 */
@Timeout(60)
class RedisCallPermitsTest {
    private static RedisServer redis;
    private final List<RedisCoordination> opened = new ArrayList<>();

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

    private RedisCoordination instance(RedisCoordination.Builder builder) {
        RedisCoordination coordination = builder.build();
        opened.add(coordination);
        return coordination;
    }

    /**
     * An instance that has reached Redis: it connects in the background, and until then a call with little time left
     * goes on alone at its local share, as after an outage. One permit for another endpoint, with time to wait for
     * the connection, and its bucket seen in Redis, make sure the test's own calls go to the shared bucket.
     */
    private CallPermits connected(RedisCoordination.Builder builder) throws InterruptedException {
        CallPermits permits = instance(builder).callPermits();
        assertThat(permits.acquire("warm-up-app", "connect", Duration.ofSeconds(10))).isTrue();
        assertThat(redis.command("EXISTS", "dingtalk-roles:rate:warm-up-app:connect")).as("the warm-up went to Redis")
                .isEqualTo(":1");
        return permits;
    }

    /**
     * One permit a second, so that nothing in the test can refill a bucket by being slow. The command timeout is
     * generous: these tests are about the shared bucket, and a command that a loaded machine slows past the default
     * 500 ms would take the fallback's local share instead (that path has tests of its own).
     */
    private RedisCoordination.Builder onePerSecond() {
        return RedisCoordination.builder(redis.uri()).callsPerSecond(1).burst(1).commandTimeout(Duration.ofSeconds(10));
    }

    @Test
    void instancesShareOneBucketPerAppAndEndpoint() throws Exception {
        CallPermits first = connected(onePerSecond());
        CallPermits second = connected(onePerSecond());

        assertThat(first.acquire("app-a", "list", Duration.ofSeconds(2))).isTrue();
        assertThat(second.acquire("app-a", "list", Duration.ZERO)).as("the other instance, same app and endpoint")
                .isFalse();
        assertThat(second.acquire("app-a", "getrolegroup", Duration.ZERO)).as("another endpoint").isTrue();
        assertThat(second.acquire("app-b", "list", Duration.ZERO)).as("another app").isTrue();
    }

    @Test
    void aPermitThatNeedsAWaitIsGrantedWithinTheTimeLeftAndNotBeyond() throws Exception {
        CallPermits first = connected(onePerSecond());
        CallPermits second = connected(onePerSecond());
        assertThat(first.acquire("app", "list", Duration.ofSeconds(2))).isTrue();

        assertThat(second.acquire("app", "list", Duration.ofMillis(10))).as("a second's wait does not fit").isFalse();
        assertThat(second.acquire("app", "list", Duration.ofSeconds(5))).as("it fits").isTrue();
    }

    @Test
    void bucketsLiveUnderTheDocumentedKeysAndExpireWhenIdle() throws Exception {
        CallPermits permits = instance(onePerSecond().keyPrefix("test-env:")).callPermits();

        permits.acquire("ding-app", "scope/update", Duration.ofSeconds(2));

        assertThat(redis.command("EXISTS", "test-env:rate:ding-app:scope/update")).isEqualTo(":1");
        assertThat(Long.parseLong(redis.command("PTTL", "test-env:rate:ding-app:scope/update").substring(1)))
                .as("an idle bucket expires").isPositive();
    }

    @Test
    void withoutRedisEachInstanceTakesItsShareOfTheRateAndSaysSoOnce() throws Exception {
        try (CapturedLogs.Watch warnings = CapturedLogs.watch(line -> line.startsWith("WARN")
                && line.contains("RedisCoordination"))) {
            redis.kill();
            CallPermits permits = instance(RedisCoordination.builder(redis.uri()).callsPerSecond(10).instances(10))
                    .callPermits();

            assertThat(permits.acquire("app", "list", Duration.ofSeconds(2))).isTrue();
            assertThat(permits.acquire("app", "list", Duration.ZERO)).as("1 call/s: 10 shared by 10 instances")
                    .isFalse();
            assertThat(permits.acquire("app", "list", Duration.ofSeconds(3))).isTrue();
            assertThat(warnings.lines()).hasSize(1);
            assertThat(warnings.lines().get(0)).contains("unavailable", "127.0.0.1:" + redis.port(),
                    "1 calls/s per endpoint");
        }
    }

    @Test
    void aRedisThatNeverAnswersCostsOnlyTheFirstCallItsWait() throws Exception {
        // the kernel accepts connections into the backlog; nothing ever answers Lettuce's handshake, as behind a
        // silent firewall, and the connect timeout (60 s) is longer than the test
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CallPermits permits = instance(RedisCoordination.builder("redis://127.0.0.1:" + silent.getLocalPort())
                    .connectTimeout(Duration.ofSeconds(60)).callsPerSecond(10).instances(10)).callPermits();

            assertThat(permits.acquire("app", "list", Duration.ofMillis(300)))
                    .as("waited its own 300 ms for a connection, then took its local share").isTrue();
            CompletableFuture<Boolean> next = CompletableFuture.supplyAsync(() -> {
                try {
                    return permits.acquire("app", "list", Duration.ofSeconds(60));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(next.get(20, TimeUnit.SECONDS))
                    .as("the next call, with 60 s left, does not wait for the connection attempt still going on")
                    .isTrue();
        }
    }

    @Test
    void aRedisKilledMidRunIsReplacedByTheLocalShareAndSharingResumesWhenItIsBack() throws Exception {
        try (CapturedLogs.Watch outage = CapturedLogs.watch(line -> line.contains("RedisCoordination"))) {
            RedisCoordination coordination = instance(onePerSecond().instances(1));
            CallPermits permits = coordination.callPermits();
            assertThat(permits.acquire("app", "list", Duration.ofSeconds(2))).isTrue();

            redis.kill();
            assertThat(permits.acquire("app", "add_role", Duration.ofSeconds(2))).as("from the local bucket").isTrue();
            assertThat(coordination.isUnavailable()).isTrue();

            redis.restart();
            awaitAvailable(coordination, permits);
            assertThat(redis.command("EXISTS", "dingtalk-roles:rate:app:getrole")).as("shared again").isEqualTo(":1");
            assertThat(outage.lines()).anySatisfy(line -> assertThat(line).startsWith("WARN").contains("unavailable"));
            assertThat(outage.lines()).anySatisfy(line -> assertThat(line).startsWith("INFO")
                    .contains("available again"));
        }
    }

    /** Takes permits of one endpoint until a call has found Redis back (its reconnection takes up to a second). */
    static void awaitAvailable(RedisCoordination coordination, CallPermits permits) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        do {
            permits.acquire("app", "getrole", Duration.ofSeconds(2));
            if (!coordination.isUnavailable()) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() - until < 0);
        throw new AssertionError("the coordination did not find Redis back within 30 s");
    }
}
