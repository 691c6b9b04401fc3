package io.github.dingtalkroles.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.port.ConflictException;
import io.github.dingtalkroles.port.PageRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryRoleDirectoryTest {

    @Test
    void seedsTheDefaultGroupAsDingTalkShowsIt() {
        RoleGroup defaultGroup = InMemoryRoleDirectory.create()
                .findRoleGroup(RoleGroupId.of(InMemoryRoleDirectory.DEFAULT_GROUP_ID)).orElseThrow();

        assertThat(defaultGroup.name()).isEqualTo(RoleGroupName.DEFAULT);
        assertThat(defaultGroup.roles()).extracting(r -> r.name().value() + "=" + r.id())
                .containsExactly("Owner=1507113580", "Supervisor=1507113581",
                        "Super Admin=1507113578", "Sub Admin=1507113579");
    }

    @Test
    void neverHandsOutAnIdTwiceEvenAfterFailedWrites() {
        InMemoryRoleDirectory directory = InMemoryRoleDirectory.create();
        RoleGroup hr = directory.addRoleGroup(RoleGroupName.of("HR"));
        Role a = directory.addRole(hr.id(), RoleName.of("A"));
        assertThatThrownBy(() -> directory.addRole(hr.id(), RoleName.of("A")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> directory.addRole(RoleGroupId.of(InMemoryRoleDirectory.DEFAULT_GROUP_ID),
                RoleName.of("B"))).isInstanceOf(ConflictException.class);

        Role b = directory.addRole(hr.id(), RoleName.of("B"));
        RoleGroup it = directory.addRoleGroup(RoleGroupName.of("IT"));

        List<Long> ids = new ArrayList<>();
        directory.allRoleGroups().forEach(g -> {
            ids.add(g.id().value());
            g.roles().forEach(r -> ids.add(r.id().value()));
        });
        assertThat(ids).as("every group and role id in the directory").doesNotHaveDuplicates()
                .contains(a.id().value(), b.id().value(), it.id().value());
    }

    @Test
    void listsWithDingTalksPagingOverLargeDirectories() {
        InMemoryRoleDirectory directory = InMemoryRoleDirectory.create();
        for (int i = 0; i < 1000; i++) {
            directory.addRoleGroup(RoleGroupName.of("G" + i));
        }

        var page = directory.listRoleGroups(new PageRequest(990, 200));

        assertThat(page.groups()).hasSize(11);
        assertThat(page.groups().get(0).name().value()).isEqualTo("G989");
        assertThat(page.hasMore()).isFalse();
        assertThat(directory.listRoleGroups(new PageRequest(800, 200)).hasMore()).isTrue();
        assertThat(directory.listRoleGroups(new PageRequest(801, 200)).hasMore()).isFalse();
    }

    @Test
    void describesItselfWithoutListingItsContents() {
        InMemoryRoleDirectory directory = InMemoryRoleDirectory.create();
        directory.addRoleGroup(RoleGroupName.of("Payroll Secrets"));

        assertThat(directory.toString()).contains("2 role groups", "4 roles")
                .doesNotContain("Payroll Secrets", "Owner");
    }
}
