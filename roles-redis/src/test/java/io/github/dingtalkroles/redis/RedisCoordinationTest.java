package io.github.dingtalkroles.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dingtalkroles.dingtalk.AppSecret;
import io.github.dingtalkroles.dingtalk.DingTalkMetrics;
import io.github.dingtalkroles.dingtalk.DingTalkRoleDirectory;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.emulator.DingTalkEmulator;
import io.github.dingtalkroles.emulator.EmulatorOperation;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.testsupport.CapturedLogs;
import io.github.dingtalkroles.testsupport.RedisServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Plain Java wiring through the directory's builder, against the emulator and a real redis-server that requires a
 * password: the password never shows, and two directories (two instances) share one token and one limit.
 */
@Timeout(60)
class RedisCoordinationTest {
    private static final String PASSWORD = "r3dis-Pa55word-Xq7";
    private static final String APP_KEY = "ding-cluster-app";
    private static final String APP_SECRET = "cluster-5ecret-Hv2";
    private static RedisServer redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start(PASSWORD);
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Test
    void twoDirectoriesOfOneAppShareOneTokenThroughRedis() {
        try (DingTalkEmulator emulator = DingTalkEmulator.builder().directory(InMemoryRoleDirectory.create())
                .appCredentials(APP_KEY, APP_SECRET).start();
             RedisCoordination first = RedisCoordination.builder(redis.uri()).keyPrefix("e2e:").build();
             RedisCoordination second = RedisCoordination.builder(redis.uri()).keyPrefix("e2e:").build();
             DingTalkRoleDirectory one = directory(emulator, first);
             DingTalkRoleDirectory other = directory(emulator, second)) {

            one.addRoleGroup(RoleGroupName.of("HR"));
            assertThat(other.listRoleGroups(PageRequest.first()).groups()).hasSize(2);

            assertThat(emulator.requestCount(EmulatorOperation.GETTOKEN)).isEqualTo(1);
            assertThat(redis.command("EXISTS", "e2e:rate:" + APP_KEY + ":list")).isEqualTo(":1");
            assertThat(first.isUnavailable()).isFalse();
        }
    }

    private static DingTalkRoleDirectory directory(DingTalkEmulator emulator, RedisCoordination redis) {
        return DingTalkRoleDirectory.builder()
                .baseUrl(emulator.baseUrl())
                .appCredentials(APP_KEY, AppSecret.of(APP_SECRET))
                .callPermits(redis.callPermits())
                .tokenCache(redis.tokenCache())
                .deadline(Duration.ofSeconds(10))
                .build();
    }

    @Test
    void theRedisPasswordNeverShowsInToStringOrLogs() throws Exception {
        List<String> outages = new CopyOnWriteArrayList<>();
        DingTalkMetrics metrics = new DingTalkMetrics() {
            @Override
            public void coordinationOutage() {
                outages.add("outage");
            }
        };
        String wrongPassword = "redis://:wr0ng-Pa55word-Zt9@127.0.0.1:" + redis.port();
        try (CapturedLogs.Watch all = CapturedLogs.watchAll();
             RedisCoordination right = RedisCoordination.builder(redis.uri()).build();
             RedisCoordination wrong = RedisCoordination.builder(wrongPassword).metrics(metrics).build()) {

            assertThat(right.callPermits().acquire("app", "list", Duration.ofSeconds(2))).isTrue();
            assertThat(wrong.callPermits().acquire("app", "list", Duration.ofSeconds(2)))
                    .as("a refused password is an outage, not a failed call").isTrue();

            assertThat(List.of(right.toString(), right.callPermits().toString(), right.tokenCache().toString(),
                    wrong.toString())).allSatisfy(text -> assertThat(text)
                    .doesNotContain(PASSWORD, "wr0ng-Pa55word-Zt9").contains("****@127.0.0.1:" + redis.port()));
            assertThat(outages).hasSize(1);
            assertThat(all.lines()).anySatisfy(line -> assertThat(line).startsWith("WARN")
                    .contains("redis://****@127.0.0.1:" + redis.port()));
            assertThat(all.lines()).noneSatisfy(line -> assertThat(line).containsAnyOf(PASSWORD, "wr0ng-Pa55word-Zt9"));
        }
    }

    @Test
    void urisAreShownWithoutTheirPasswordWhateverTheirForm() {
        assertThat(RedisUris.redacted("redis://:secret@host:6379/2")).isEqualTo("redis://****@host:6379/2");
        assertThat(RedisUris.redacted("rediss://user:secret@host")).isEqualTo("rediss://user:****@host");
        assertThat(RedisUris.redacted("redis://secret@host")).isEqualTo("redis://****@host");
        assertThat(RedisUris.redacted("redis://host:6379?password=secret&timeout=5s"))
                .isEqualTo("redis://host:6379?password=****&timeout=5s");
        assertThat(RedisUris.redacted("redis://host:6379")).isEqualTo("redis://host:6379");
        assertThat(RedisUris.password("rediss://user:secret@host")).isEqualTo("secret");
    }

    @Test
    void badSettingsAreRefusedWithoutQuotingThePassword() {
        assertThatThrownBy(() -> RedisCoordination.builder("http://:secret-value@host"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a Redis URI")
                .hasMessageNotContaining("secret-value");
        assertThatThrownBy(() -> RedisCoordination.builder(" ")).isInstanceOf(IllegalArgumentException.class);
        RedisCoordination.Builder builder = RedisCoordination.builder(redis.uri());
        assertThatThrownBy(() -> builder.callsPerSecond(0)).hasMessageContaining("callsPerSecond");
        assertThatThrownBy(() -> builder.burst(0)).hasMessageContaining("burst");
        assertThatThrownBy(() -> builder.instances(0)).hasMessageContaining("instances");
        assertThatThrownBy(() -> builder.keyPrefix("a b")).hasMessageContaining("keyPrefix");
        assertThatThrownBy(() -> builder.commandTimeout(Duration.ZERO)).hasMessageContaining("commandTimeout");
    }
}
