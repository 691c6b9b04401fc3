package io.github.dingtalkroles.guice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.github.dingtalkroles.dingtalk.AppSecret;
import io.github.dingtalkroles.dingtalk.DingTalkMetrics;
import io.github.dingtalkroles.dingtalk.DingTalkRoleDirectory;
import io.github.dingtalkroles.dingtalk.MicrometerDingTalkMetrics;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.emulator.DingTalkEmulator;
import io.github.dingtalkroles.emulator.EmulatorOperation;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleDirectory;
import io.github.dingtalkroles.redis.RedisCoordination;
import io.github.dingtalkroles.testsupport.RedisServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real injectors (two, as two instances of a platform) against the emulator and a real redis-server. */
class RedisCoordinationModuleTest {
    private static final String APP_KEY = "guice-cluster-app";
    private static final String APP_SECRET = "guice-cluster-secret";
    private static RedisServer redis;
    private DingTalkEmulator emulator;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void startEmulator() {
        redis.command("FLUSHALL");
        emulator = DingTalkEmulator.builder().directory(InMemoryRoleDirectory.create())
                .appCredentials(APP_KEY, APP_SECRET).start();
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    private Injector instance(AbstractModule... more) {
        java.util.List<com.google.inject.Module> modules = new java.util.ArrayList<>(java.util.List.of(
                new DingTalkRolesModule(DingTalkRoleDirectory.builder()
                        .baseUrl(emulator.baseUrl())
                        .appCredentials(APP_KEY, AppSecret.of(APP_SECRET))
                        .deadline(Duration.ofSeconds(10))),
                new RedisCoordinationModule(RedisCoordination.builder(redis.uri()).instances(2).keyPrefix("guice:"))));
        modules.addAll(java.util.List.of(more));
        return Guice.createInjector(modules);
    }

    @Test
    void twoInjectorsShareOneTokenAndOneRateLimitThroughRedis() {
        Injector first = instance();
        Injector second = instance();
        try {
            first.getInstance(RoleDirectory.class).addRoleGroup(RoleGroupName.of("HR"));
            assertThat(second.getInstance(RoleDirectory.class).listRoleGroups(PageRequest.first()).groups()).hasSize(2);

            assertThat(emulator.requestCount(EmulatorOperation.GETTOKEN)).isEqualTo(1);
            assertThat(redis.command("EXISTS", "guice:token:" + APP_KEY)).isEqualTo(":1");
            assertThat(redis.command("EXISTS", "guice:rate:" + APP_KEY + ":list")).isEqualTo(":1");
            assertThat(first.getInstance(RedisCoordination.class)).isSameAs(first.getInstance(RedisCoordination.class));
        } finally {
            first.getInstance(RedisCoordination.class).close();
            second.getInstance(RedisCoordination.class).close();
        }
    }

    @Test
    void aBoundMetricsCountsTheOutagesOfRedis() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Injector injector = instance(new AbstractModule() {
            @Override
            protected void configure() {
                bind(DingTalkMetrics.class).toInstance(MicrometerDingTalkMetrics.of(registry));
            }
        });
        RedisCoordination coordination = injector.getInstance(RedisCoordination.class);
        try {
            redis.kill();
            assertThat(injector.getInstance(RoleDirectory.class).listRoleGroups(PageRequest.first()).groups())
                    .as("no call fails because Redis is down").hasSize(1);
            assertThat(registry.get("dingtalk.roles.coordination.outages").counter().count()).isEqualTo(1);
        } finally {
            coordination.close();
            redis.restart();
        }
    }
}
