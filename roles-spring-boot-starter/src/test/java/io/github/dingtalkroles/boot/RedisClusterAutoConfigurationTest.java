package io.github.dingtalkroles.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dingtalkroles.dingtalk.AccessTokenCache;
import io.github.dingtalkroles.dingtalk.CallPermits;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.emulator.DingTalkEmulator;
import io.github.dingtalkroles.emulator.EmulatorOperation;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleDirectory;
import io.github.dingtalkroles.redis.RedisCoordination;
import io.github.dingtalkroles.testsupport.RedisServer;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code dingtalk.roles.cluster.*}: real Spring contexts (two, as two instances of an application) against the
 * emulator and a real redis-server that requires a password.
 */
class RedisClusterAutoConfigurationTest {
    private static final String REDIS_PASSWORD = "b00t-Redis-Pa55-Lw3";
    private static RedisServer redis;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DingTalkRolesAutoConfiguration.class));
    private DingTalkEmulator emulator;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start(REDIS_PASSWORD);
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void startEmulator() {
        redis.command("FLUSHALL");
        emulator = DingTalkEmulator.builder().directory(InMemoryRoleDirectory.create())
                .appCredentials(DingTalkRolesAutoConfigurationTest.APP_KEY, DingTalkRolesAutoConfigurationTest.APP_SECRET)
                .start();
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    private ApplicationContextRunner instance(String... more) {
        return runner.withPropertyValues("dingtalk.roles.base-url=" + emulator.baseUrl(),
                "dingtalk.roles.app-key=" + DingTalkRolesAutoConfigurationTest.APP_KEY,
                "dingtalk.roles.app-secret=" + DingTalkRolesAutoConfigurationTest.APP_SECRET,
                "dingtalk.roles.cluster.redis-uri=" + redis.uri(),
                "dingtalk.roles.cluster.instances=2",
                "dingtalk.roles.cluster.key-prefix=boot-test:").withPropertyValues(more);
    }

    @Test
    void twoInstancesOfTheApplicationShareOneTokenAndOneRateLimitThroughRedis() {
        instance("dingtalk.roles.cluster.rate=19").run(first -> instance().run(second -> {
            assertThat(first).hasSingleBean(RedisCoordination.class).hasSingleBean(CallPermits.class)
                    .hasSingleBean(AccessTokenCache.class);

            first.getBean(RoleDirectory.class).addRoleGroup(RoleGroupName.of("HR"));
            assertThat(second.getBean(RoleDirectory.class).listRoleGroups(PageRequest.first()).groups()).hasSize(2);

            assertThat(emulator.requestCount(EmulatorOperation.GETTOKEN)).isEqualTo(1);
            assertThat(redis.command("EXISTS", "boot-test:token:" + DingTalkRolesAutoConfigurationTest.APP_KEY))
                    .isEqualTo(":1");
            assertThat(redis.command("EXISTS", "boot-test:rate:" + DingTalkRolesAutoConfigurationTest.APP_KEY
                    + ":list")).isEqualTo(":1");
            assertThat(first.getBean(RedisCoordination.class).toString()).contains("19 calls/s")
                    .doesNotContain(REDIS_PASSWORD);
        }));
    }

    @Test
    void theCoordinationIsClosedWithTheContext() throws Exception {
        AtomicReference<RedisCoordination> coordination = new AtomicReference<>();
        instance().run(context -> {
            coordination.set(context.getBean(RedisCoordination.class));
            assertThat(coordination.get().callPermits().acquire("app", "before-close", java.time.Duration.ofSeconds(2)))
                    .isTrue();
        });

        assertThat(coordination.get().callPermits().acquire("app", "after-close", java.time.Duration.ofSeconds(2)))
                .as("a closed coordination still grants, from its local bucket").isTrue();
        assertThat(redis.command("EXISTS", "boot-test:rate:app:before-close")).isEqualTo(":1");
        assertThat(redis.command("EXISTS", "boot-test:rate:app:after-close")).isEqualTo(":0");
    }

    @Test
    void withoutTheRedisUriEachInstanceLimitsItself() {
        runner.withPropertyValues("dingtalk.roles.base-url=" + emulator.baseUrl(),
                "dingtalk.roles.app-key=" + DingTalkRolesAutoConfigurationTest.APP_KEY,
                "dingtalk.roles.app-secret=" + DingTalkRolesAutoConfigurationTest.APP_SECRET)
                .run(context -> assertThat(context).doesNotHaveBean(RedisCoordination.class)
                        .doesNotHaveBean(CallPermits.class).doesNotHaveBean(AccessTokenCache.class));
    }

    @Test
    void badClusterSettingsStopTheStartNamingThePropertyNeverThePassword() {
        instance("dingtalk.roles.cluster.instances=0").run(context -> DingTalkRolesAutoConfigurationTest
                .assertFailsNaming(context, "dingtalk.roles.cluster.instances", REDIS_PASSWORD));
        instance("dingtalk.roles.cluster.redis-uri=http://:" + REDIS_PASSWORD + "@127.0.0.1").run(context ->
                DingTalkRolesAutoConfigurationTest.assertFailsNaming(context, "dingtalk.roles.cluster.redis-uri",
                        REDIS_PASSWORD));
    }

    @Test
    void aRedisUriWithoutTheRedisModuleStopsTheStartSayingWhatToAdd() {
        instance().withClassLoader(new FilteredClassLoader(RedisCoordination.class)).run(context -> {
            DingTalkRolesAutoConfigurationTest.assertFailsNaming(context, "dingtalk.roles.cluster.redis-uri",
                    REDIS_PASSWORD);
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("io.github.dingtalkroles:roles-redis");
        });
    }

    @Test
    void thePropertiesShowTheRedisUriWithoutItsPassword() {
        instance().run(context -> assertThat(context.getBean(DingTalkRolesProperties.class).toString())
                .contains("redis://****@127.0.0.1:" + redis.port()).doesNotContain(REDIS_PASSWORD));
    }
}
