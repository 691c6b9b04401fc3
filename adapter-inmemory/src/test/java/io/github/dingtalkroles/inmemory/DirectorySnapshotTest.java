package io.github.dingtalkroles.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectorySnapshotTest {

    private static InMemoryRoleDirectory populated() {
        InMemoryRoleDirectory directory = InMemoryRoleDirectory.create();
        RoleGroup hr = directory.addRoleGroup(RoleGroupName.of("HR"));
        directory.addRole(hr.id(), RoleName.of("Recruiter"));
        directory.addRoleGroup(RoleGroupName.of("IT"));
        return directory;
    }

    @Test
    void restoresExactlyTheStateItWasTakenFrom() {
        InMemoryRoleDirectory original = populated();

        InMemoryRoleDirectory copy = InMemoryRoleDirectory.restore(original.snapshot());

        assertThat(copy.snapshot()).isEqualTo(original.snapshot());
        assertThat(copy.allRoleGroups().toList()).isEqualTo(original.allRoleGroups().toList());
    }

    @Test
    void aRestoredDirectoryContinuesTheIdSequenceAndKeepsItsRules() {
        InMemoryRoleDirectory original = populated();
        InMemoryRoleDirectory copy = InMemoryRoleDirectory.restore(original.snapshot());
        RoleGroup hr = copy.findRoleGroup(original.snapshot().groups().get(1).id()).orElseThrow();

        Role next = copy.addRole(hr.id(), RoleName.of("Payroll"));

        assertThat(next.id().value()).isEqualTo(original.snapshot().nextId());
        assertThatThrownBy(() -> copy.addRole(hr.id(), RoleName.of("Recruiter")))
                .hasMessageContaining("unique");
    }

    @Test
    void isUnaffectedByLaterWrites() {
        InMemoryRoleDirectory directory = populated();
        DirectorySnapshot before = directory.snapshot();

        directory.addRoleGroup(RoleGroupName.of("Finance"));

        assertThat(before.groups()).hasSize(3);
    }

    @Test
    void refusesDuplicateGroupIds() {
        List<RoleGroup> groups = new ArrayList<>(populated().snapshot().groups());
        groups.add(RoleGroup.empty(groups.get(1).id(), RoleGroupName.of("Other")));

        assertThatThrownBy(() -> new DirectorySnapshot(groups, Long.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("appears twice");
    }

    @Test
    void refusesDuplicateGroupNames() {
        List<RoleGroup> groups = new ArrayList<>(populated().snapshot().groups());
        groups.add(RoleGroup.empty(RoleGroupId.of(Long.MAX_VALUE - 1), RoleGroupName.of("HR")));

        assertThatThrownBy(() -> new DirectorySnapshot(groups, Long.MAX_VALUE))
                .hasMessageContaining("\"HR\" appears twice");
    }

    @Test
    void refusesARoleIdUsedInTwoGroups() {
        DirectorySnapshot snapshot = populated().snapshot();
        List<RoleGroup> groups = new ArrayList<>(snapshot.groups());
        RoleGroup it = groups.get(2);
        RoleId taken = groups.get(1).roles().get(0).id();
        groups.set(2, it.withRole(new Role(taken, RoleName.of("Clash"), it.id())));

        assertThatThrownBy(() -> new DirectorySnapshot(groups, snapshot.nextId()))
                .hasMessage("snapshot: role id " + taken + " appears twice");
    }

    @Test
    void requiresExactlyOneDefaultGroup() {
        assertThatThrownBy(() -> new DirectorySnapshot(List.of(), 10))
                .hasMessageContaining("exactly one Default group (found 0)");
    }

    @Test
    void refusesANextIdThatWouldHandOutAnIdInUse() {
        DirectorySnapshot snapshot = populated().snapshot();

        assertThatThrownBy(() -> new DirectorySnapshot(snapshot.groups(), snapshot.nextId() - 1))
                .hasMessageContaining("must be greater than the largest id in use");
    }
}
