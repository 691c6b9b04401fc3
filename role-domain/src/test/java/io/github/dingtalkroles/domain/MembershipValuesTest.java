package io.github.dingtalkroles.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MembershipValuesTest {

    @Test
    void trimsUserIdsAndKeepsThemCaseSensitive() {
        assertThat(UserId.of("  manager4220 ").value()).isEqualTo("manager4220");
        assertThat(UserId.of("Ab")).isNotEqualTo(UserId.of("ab"));
        assertThat(UserId.of("x".repeat(64)).value()).hasSize(64);
        assertThat(UserId.of("用户\uD83D\uDE00").toString()).isEqualTo("用户\uD83D\uDE00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void rejectsBlankUserIds(String raw) {
        assertThatThrownBy(() -> UserId.of(raw))
                .isInstanceOfSatisfying(InvariantViolation.class,
                        e -> assertThat(e.invariant()).isEqualTo(Invariant.USER_ID_NOT_BLANK))
                .hasMessageStartingWith("user id: user ids must not be blank");
    }

    @Test
    void rejectsAMissingUserId() {
        assertThatThrownBy(() -> UserId.of(null)).isInstanceOfSatisfying(InvariantViolation.class,
                e -> assertThat(e.invariant()).isEqualTo(Invariant.USER_ID_NOT_BLANK));
    }

    @Test
    void rejectsUserIdsLongerThan64Characters() {
        assertThatThrownBy(() -> UserId.of("x".repeat(65)))
                .isInstanceOfSatisfying(InvariantViolation.class,
                        e -> assertThat(e.invariant()).isEqualTo(Invariant.USER_ID_LENGTH))
                .hasMessageContaining("at most 64 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a,b", "a b", "a\u00a0b", "a\u3000b", "a\nb", "a\u0000b", "a\u0085b", "a\uD800b"})
    void rejectsCommasWhitespaceControlsAndBrokenText(String raw) {
        assertThatThrownBy(() -> UserId.of(raw))
                .isInstanceOfSatisfying(InvariantViolation.class,
                        e -> assertThat(e.invariant()).isEqualTo(Invariant.USER_ID_CHARACTERS))
                .hasMessageStartingWith("user id: user ids must not contain whitespace, control characters or commas");
    }

    @Test
    void rejectsNonPositiveDepartmentIds() {
        assertThatThrownBy(() -> DeptId.of(0))
                .isInstanceOfSatisfying(InvariantViolation.class,
                        e -> assertThat(e.invariant()).isEqualTo(Invariant.ID_POSITIVE))
                .hasMessage("department id: ids must be positive (got 0)");
    }

    @Test
    void aScopeHoldsAtMost50DistinctDepartmentsAndEmptyIsTheWholeOrganisation() {
        List<DeptId> fifty = LongStream.rangeClosed(1, 50).mapToObj(DeptId::of).toList();
        assertThat(new ManagementScope(fifty).departments()).hasSize(50);
        List<DeptId> fiftyOne = LongStream.rangeClosed(1, 51).mapToObj(DeptId::of).toList();
        assertThatThrownBy(() -> new ManagementScope(fiftyOne))
                .isInstanceOfSatisfying(InvariantViolation.class,
                        e -> assertThat(e.invariant()).isEqualTo(Invariant.SCOPE_SIZE))
                .hasMessageContaining("at most 50 departments (got 51)");
        assertThat(ManagementScope.of(DeptId.of(3), DeptId.of(1), DeptId.of(3)).departments())
                .containsExactly(DeptId.of(3), DeptId.of(1));
        assertThat(ManagementScope.of().isWholeOrganisation()).isTrue();
        assertThat(ManagementScope.of(DeptId.of(1)).isWholeOrganisation()).isFalse();
    }

    @Test
    void aMemberNamesTheDepartmentsOfItsScope() {
        RoleMember member = new RoleMember(UserId.of("u1"), " Ann ",
                List.of(new Department(DeptId.of(2), "Sales"), new Department(DeptId.of(5), "Legal")));
        assertThat(member.name()).isEqualTo("Ann");
        assertThat(member.managementScope()).isEqualTo(ManagementScope.of(DeptId.of(2), DeptId.of(5)));
        assertThatThrownBy(() -> new RoleMember(UserId.of("u1"), "Ann",
                List.of(new Department(DeptId.of(2), "Sales"), new Department(DeptId.of(2), "Sales"))))
                .hasMessageContaining("department appears twice");
    }

    @Test
    void employeeAndDepartmentNamesFollowTheNameRules() {
        assertThatThrownBy(() -> new Department(DeptId.of(1), " "))
                .isInstanceOfSatisfying(InvariantViolation.class,
                        e -> assertThat(e.invariant()).isEqualTo(Invariant.NAME_NOT_BLANK));
        assertThatThrownBy(() -> new Employee(UserId.of("u"), "a\nb", List.of()))
                .isInstanceOfSatisfying(InvariantViolation.class,
                        e -> assertThat(e.invariant()).isEqualTo(Invariant.NAME_NO_CONTROL_CHARACTERS));
        assertThat(new Employee(UserId.of("u"), "Bo", List.of(DeptId.of(1), DeptId.of(1))).departments())
                .containsExactly(DeptId.of(1));
    }

    @Test
    void theDefaultGroupsRolesCannotBeRemovedAndOthersCan() {
        RoleGroupId defaultId = RoleGroupId.of(1);
        RoleGroup defaults = new RoleGroup(defaultId, RoleGroupName.DEFAULT,
                List.of(new Role(RoleId.of(2), RoleName.of("Owner"), defaultId)));
        assertThatThrownBy(() -> defaults.withoutRole(RoleId.of(2)))
                .isInstanceOfSatisfying(InvariantViolation.class,
                        e -> assertThat(e.invariant()).isEqualTo(Invariant.DEFAULT_GROUP_IMMUTABLE));
        RoleGroupId salesId = RoleGroupId.of(3);
        RoleGroup sales = new RoleGroup(salesId, RoleGroupName.of("Sales"),
                List.of(new Role(RoleId.of(4), RoleName.of("A"), salesId), new Role(RoleId.of(5), RoleName.of("B"), salesId)));
        assertThat(sales.withoutRole(RoleId.of(4)).roles()).extracting(Role::id).containsExactly(RoleId.of(5));
        assertThatThrownBy(() -> sales.withoutRole(RoleId.of(9)))
                .isInstanceOfSatisfying(InvariantViolation.class,
                        e -> assertThat(e.invariant()).isEqualTo(Invariant.ROLE_IN_GROUP));
    }

    @Test
    void everyPairOfRolesAndUsersComesOnceInTheOrderGiven() {
        RoleId a = RoleId.of(1);
        RoleId b = RoleId.of(2);
        UserId ann = UserId.of("ann");
        UserId bob = UserId.of("bob");

        assertThat(RoleAssignment.every(List.of(b, a, b), List.of(ann, bob, ann))).containsExactly(
                new RoleAssignment(b, ann), new RoleAssignment(b, bob),
                new RoleAssignment(a, ann), new RoleAssignment(a, bob));
        assertThat(RoleAssignment.every(List.of(a), List.of())).isEmpty();
        assertThatThrownBy(() -> RoleAssignment.every(List.of(a), List.of(ann)).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
