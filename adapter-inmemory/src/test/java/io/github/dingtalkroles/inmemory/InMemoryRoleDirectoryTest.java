package io.github.dingtalkroles.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.port.PageRequest;
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
        directory.addRole(hr.id(), RoleName.of("A"));
        try {
            directory.addRole(hr.id(), RoleName.of("A"));
        } catch (RuntimeException expected) {
            // conflict
        }
        long b = directory.addRole(hr.id(), RoleName.of("B")).id().value();

        assertThat(b).isEqualTo(directory.snapshot().nextId() - 1);
        assertThat(directory.snapshot().groups().get(1).roles()).extracting(r -> r.id().value())
                .doesNotHaveDuplicates().doesNotContain(hr.id().value());
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
    void describesItselfBySizeOnly() {
        InMemoryRoleDirectory directory = InMemoryRoleDirectory.create();
        assertThat(directory).hasToString("InMemoryRoleDirectory[1 role groups, 4 roles]");
    }
}
