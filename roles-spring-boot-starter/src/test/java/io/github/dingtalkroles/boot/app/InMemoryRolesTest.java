package io.github.dingtalkroles.boot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dingtalkroles.boot.InMemoryRolesSeed;
import io.github.dingtalkroles.boot.test.AutoConfigureInMemoryRoles;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.port.RoleDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A platform's test with the in-memory backend, seeded from code. The application's properties ask for
 * DingTalk (the default) and give no credentials: without the annotation it would not start.
 */
@SpringBootTest(properties = "dingtalk.roles.backend=dingtalk")
@AutoConfigureInMemoryRoles
class InMemoryRolesTest {

    @TestConfiguration
    static class Roles {
        @Bean
        InMemoryRolesSeed departments() {
            return directory -> directory.addRoleGroup(RoleGroupName.of("Payroll"));
        }
    }

    @Autowired
    Onboarding onboarding;

    @Autowired
    RoleDirectory directory;

    @Autowired
    InMemoryRoleDirectory inMemory;

    @Test
    void thePlatformsServiceSeesTheSeededDirectory() {
        onboarding.openDepartment("Talent", "Recruiter");

        assertThat(directory).isSameAs(inMemory);
        assertThat(onboarding.groupNames()).containsExactly("Default", "Payroll", "Talent");
    }
}
