package io.github.dingtalkroles.boot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dingtalkroles.dingtalk.DingTalkRoleDirectory;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.emulator.DingTalkEmulator;
import io.github.dingtalkroles.emulator.EmulatorOperation;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.port.RoleDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A real Boot application, configured by properties only, talking to DingTalk's emulator over HTTP. */
@SpringBootTest
class RolesApplicationTest {
    private static final InMemoryRoleDirectory ORGANISATION = InMemoryRoleDirectory.create();
    private static final DingTalkEmulator EMULATOR = DingTalkEmulator.builder().directory(ORGANISATION)
            .appCredentials("boot-app", "boot-secret-c41d").start();

    @DynamicPropertySource
    static void dingTalk(DynamicPropertyRegistry properties) {
        properties.add("dingtalk.roles.base-url", EMULATOR::baseUrl);
        properties.add("dingtalk.roles.app-key", () -> "boot-app");
        properties.add("dingtalk.roles.app-secret", () -> "boot-secret-c41d");
    }

    @AfterAll
    static void stopEmulator() {
        EMULATOR.close();
    }

    @Autowired
    Onboarding onboarding;

    @Autowired
    RoleDirectory directory;

    @Autowired
    @Qualifier("dingTalkRolesHealthIndicator")
    HealthIndicator health;

    @Test
    void thePlatformsServiceWritesToDingTalk() {
        Role recruiter = onboarding.openDepartment("Talent", "Recruiter");

        assertThat(directory).isInstanceOf(DingTalkRoleDirectory.class);
        assertThat(ORGANISATION.findRoleGroup(recruiter.groupId())).hasValueSatisfying(group ->
                assertThat(group.roles()).extracting(role -> role.name().value()).containsExactly("Recruiter"));
        assertThat(onboarding.groupNames()).contains("Default", "Talent");
        assertThat(EMULATOR.requestCount(EmulatorOperation.ADD_ROLE)).isEqualTo(1);
    }

    @Test
    void reportsHealthFromTheTokenItCanObtain() {
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(EMULATOR.requestCount(EmulatorOperation.GETTOKEN)).isEqualTo(1);
    }
}
