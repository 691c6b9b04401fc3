package io.github.dingtalkroles.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.domain.Department;
import io.github.dingtalkroles.domain.Employee;
import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.UserId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RosterSnapshotTest {
    private static final DirectorySnapshot FRESH = InMemoryRoleDirectory.create().snapshot();
    private static final Department SALES = new Department(DeptId.of(7), "Sales");
    private static final Employee ANN = new Employee(UserId.of("ann"), "Ann", List.of(DeptId.of(7)));
    private static final RoleId OWNER = FRESH.groups().get(0).roles().get(0).id();

    private static DirectorySnapshot with(List<Department> departments, List<Employee> employees,
            List<DirectorySnapshot.Membership> memberships) {
        return new DirectorySnapshot(FRESH.groups(), FRESH.nextId(), departments, employees, memberships);
    }

    @Test
    void refusesAnEmployeeInAnUnknownDepartment() {
        assertThatThrownBy(() -> with(List.of(), List.of(ANN), List.of()))
                .hasMessage("snapshot: employee ann names department 7, which does not exist");
    }

    @Test
    void refusesRepeatedDepartmentsAndUsers() {
        assertThatThrownBy(() -> with(List.of(SALES, SALES), List.of(), List.of()))
                .hasMessage("snapshot: department id 7 appears twice");
        assertThatThrownBy(() -> with(List.of(SALES), List.of(ANN, ANN), List.of()))
                .hasMessage("snapshot: user id ann appears twice");
    }

    @Test
    void refusesMembershipsOfUnknownRolesUsersOrDepartmentsAndRepeats() {
        DirectorySnapshot.Membership owner = new DirectorySnapshot.Membership(OWNER, ANN.id(),
                ManagementScope.wholeOrganisation());
        assertThat(with(List.of(SALES), List.of(ANN), List.of(owner)).memberships()).containsExactly(owner);
        assertThatThrownBy(() -> with(List.of(SALES), List.of(ANN), List.of(owner, owner)))
                .hasMessage("snapshot: user ann holds role " + OWNER + " twice");
        assertThatThrownBy(() -> with(List.of(SALES), List.of(ANN), List.of(new DirectorySnapshot.Membership(
                RoleId.of(5), ANN.id(), ManagementScope.wholeOrganisation()))))
                .hasMessage("snapshot: a membership names role 5, which does not exist");
        assertThatThrownBy(() -> with(List.of(SALES), List.of(ANN), List.of(new DirectorySnapshot.Membership(
                OWNER, UserId.of("bob"), ManagementScope.wholeOrganisation()))))
                .hasMessage("snapshot: a membership names user bob, who is not an employee");
        assertThatThrownBy(() -> with(List.of(SALES), List.of(ANN), List.of(new DirectorySnapshot.Membership(
                OWNER, ANN.id(), ManagementScope.of(DeptId.of(9))))))
                .hasMessage("snapshot: the scope of user ann in role " + OWNER + " names department 9, which does not exist");
    }

    @Test
    void theTwoArgumentSnapshotHasAnEmptyRoster() {
        DirectorySnapshot groupsOnly = new DirectorySnapshot(FRESH.groups(), FRESH.nextId());

        assertThat(groupsOnly.departments()).isEmpty();
        assertThat(groupsOnly.employees()).isEmpty();
        assertThat(groupsOnly.memberships()).isEmpty();
        assertThat(groupsOnly).isEqualTo(FRESH);
    }
}
