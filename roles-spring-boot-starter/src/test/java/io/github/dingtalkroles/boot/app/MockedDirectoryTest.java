package io.github.dingtalkroles.boot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;

import io.github.dingtalkroles.dingtalk.DingTalkRoleDirectory;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.port.RoleDirectory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * What a platform's own test does: replace the directory with a Mockito mock. The starter backs off:
 * no DingTalk directory is built, and no credentials are needed (none are set here).
 */
@SpringBootTest
class MockedDirectoryTest {

    @MockitoBean
    RoleDirectory directory;

    @Autowired
    Onboarding onboarding;

    @Autowired
    ApplicationContext context;

    @Test
    void thePlatformsServiceTalksToTheMock() {
        RoleGroupId groupId = RoleGroupId.of(7);
        given(directory.addRoleGroup(any())).willReturn(new RoleGroup(groupId, RoleGroupName.of("Talent"), List.of()));
        given(directory.addRole(eq(groupId), any()))
                .willReturn(new Role(RoleId.of(8), RoleName.of("Recruiter"), groupId));

        Role role = onboarding.openDepartment("Talent", "Recruiter");

        assertThat(role.id()).isEqualTo(RoleId.of(8));
        verify(directory).addRoleGroup(RoleGroupName.of("Talent"));
        assertThat(context.getBean(RoleDirectory.class)).isSameAs(directory);
        assertThat(context.getBeansOfType(DingTalkRoleDirectory.class)).isEmpty();
    }
}
