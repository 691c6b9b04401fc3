package com.example.hr;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.emulator.DingTalkEmulator;
import io.github.dingtalkroles.emulator.EmulatorOperation;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the platform with its main configuration against DingTalk's emulator on a free loopback port. */
class HrApplicationTest {

    @Test
    void startsAndReadsItsRolesFromTheEmulator() {
        InMemoryRoleDirectory organisation = InMemoryRoleDirectory.create();
        organisation.addRoleGroup(RoleGroupName.of("Payroll"));
        try (DingTalkEmulator emulator = DingTalkEmulator.builder().directory(organisation)
                .appCredentials("hr-app", "hr-secret").start();
             ConfigurableApplicationContext context = SpringApplication.run(HrApplication.class,
                     "--dingtalk.roles.base-url=" + emulator.baseUrl(),
                     "--dingtalk.roles.app-key=hr-app", "--dingtalk.roles.app-secret=hr-secret",
                     "--management.endpoints.jmx.exposure.include=health", "--spring.jmx.enabled=true",
                     "--management.endpoint.health.show-components=always")) {

            assertThat(context.getBean(HrApplication.RoleReport.class).groupNames()).containsExactly("Default", "Payroll");
            assertThat(emulator.requestCount(EmulatorOperation.LIST_ROLES)).isPositive();
            assertThat(context.getBean(HealthEndpoint.class).healthForPath("dingTalkRoles").getStatus())
                    .isEqualTo(Status.UP);
        }
    }
}
