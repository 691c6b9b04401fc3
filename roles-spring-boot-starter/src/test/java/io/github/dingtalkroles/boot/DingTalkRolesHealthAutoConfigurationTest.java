package io.github.dingtalkroles.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dingtalkroles.emulator.DingTalkEmulator;
import io.github.dingtalkroles.emulator.EmulatorOperation;
import io.github.dingtalkroles.emulator.EmulatorFault;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.port.RoleDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class DingTalkRolesHealthAutoConfigurationTest {
    private static final String APP_KEY = "health-app";
    private static final String APP_SECRET = "health-secret-3b9e";
    private static final String INDICATOR = "dingTalkRolesHealthIndicator";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DingTalkRolesAutoConfiguration.class,
                    DingTalkRolesHealthAutoConfiguration.class));

    private DingTalkEmulator emulator;

    @BeforeEach
    void startEmulator() {
        emulator = DingTalkEmulator.builder().directory(InMemoryRoleDirectory.create())
                .appCredentials(APP_KEY, APP_SECRET).start();
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    private ApplicationContextRunner dingTalk(String secret) {
        return runner.withPropertyValues("dingtalk.roles.base-url=" + emulator.baseUrl(),
                "dingtalk.roles.app-key=" + APP_KEY, "dingtalk.roles.app-secret=" + secret);
    }

    private static Health health(org.springframework.context.ApplicationContext context) {
        return context.getBean(INDICATOR, HealthIndicator.class).health();
    }

    @Test
    void upWhenATokenCanBeObtained() {
        dingTalk(APP_SECRET).run(context -> {
            assertThat(health(context).getStatus()).isEqualTo(Status.UP);
            assertThat(health(context).getDetails()).isEmpty();
        });
    }

    @Test
    void downWithDingTalksErrcodeWhenTheCredentialsAreRefusedButNeverTheSecret() {
        dingTalk("wrong-secret-8d1f").run(context -> {
            Health health = health(context);

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("error", "NotAuthorizedException").containsKey("errcode");
            assertThat(health.toString()).doesNotContain("wrong-secret-8d1f");
        });
    }

    @Test
    void asksDingTalkAtMostOncePerInterval() {
        emulator.faults().next(EmulatorOperation.GETTOKEN, EmulatorFault.SYSTEM_ERROR, 100);

        dingTalk(APP_SECRET).withPropertyValues("dingtalk.roles.health.interval=1h").run(context -> {
            long before = emulator.requestCount(EmulatorOperation.GETTOKEN);
            for (int i = 0; i < 5; i++) {
                assertThat(health(context).getStatus()).isEqualTo(Status.DOWN);
            }
            // one check, with the directory's own retries of /gettoken if it makes any
            long afterFirst = emulator.requestCount(EmulatorOperation.GETTOKEN);
            assertThat(afterFirst).isGreaterThan(before);
            assertThat(health(context).getStatus()).isEqualTo(Status.DOWN);
            assertThat(emulator.requestCount(EmulatorOperation.GETTOKEN)).isEqualTo(afterFirst);
        });
    }

    @Test
    void noIndicatorWhenTheApplicationBringsItsOwnDirectory() {
        runner.withBean(RoleDirectory.class, InMemoryRoleDirectory::create)
                .run(context -> assertThat(context).doesNotHaveBean(INDICATOR));
    }

    @Test
    void noIndicatorForTheInMemoryBackend() {
        runner.withPropertyValues("dingtalk.roles.backend=in-memory")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(INDICATOR));
    }

    @Test
    void noIndicatorWithoutActuator() {
        dingTalk(APP_SECRET).withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(INDICATOR));
    }

    @Test
    void noIndicatorWhenSwitchedOff() {
        dingTalk(APP_SECRET).withPropertyValues("management.health.dingtalk-roles.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(INDICATOR));
    }

    @Test
    void backsOffForTheApplicationsOwnIndicator() {
        HealthIndicator own = () -> Health.unknown().build();
        dingTalk(APP_SECRET).withBean(INDICATOR, HealthIndicator.class, () -> own)
                .run(context -> assertThat(context.getBean(INDICATOR)).isSameAs(own));
    }
}
