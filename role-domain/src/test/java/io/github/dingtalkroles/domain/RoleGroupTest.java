package io.github.dingtalkroles.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoleGroupTest {
    private static final RoleGroupId HR = RoleGroupId.of(10);
    private static final RoleGroupId DEFAULT_ID = RoleGroupId.of(1);

    private static Role role(long id, String name, RoleGroupId group) {
        return new Role(RoleId.of(id), RoleName.of(name), group);
    }

    private static RoleGroup defaultGroup() {
        return new RoleGroup(DEFAULT_ID, RoleGroupName.DEFAULT, List.of(role(2, "Owner", DEFAULT_ID)));
    }

    @Test
    void addsRolesInOrderWithoutChangingTheOriginal() {
        RoleGroup empty = RoleGroup.empty(HR, RoleGroupName.of("HR"));
        RoleGroup one = empty.withRole(role(11, "Recruiter", HR));
        RoleGroup two = one.withRole(role(12, "Payroll", HR));

        assertThat(empty.roles()).isEmpty();
        assertThat(two.roles()).extracting(r -> r.name().value()).containsExactly("Recruiter", "Payroll");
    }

    @Test
    void rejectsADuplicateRoleName() {
        RoleGroup group = RoleGroup.empty(HR, RoleGroupName.of("HR")).withRole(role(11, "Recruiter", HR));

        assertThatThrownBy(() -> group.withRole(role(12, " Recruiter ", HR)))
                .isInstanceOfSatisfying(InvariantViolation.class,
                        e -> assertThat(e.invariant()).isEqualTo(Invariant.ROLE_NAME_UNIQUE_IN_GROUP))
                .hasMessageContaining("\"Recruiter\"");
    }

    @Test
    void reportsTheFirstRepeatedIdOrName() {
        int size = 5;
        List<Role> roles = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            roles.add(role(100 + i, "Role " + i, HR));
        }
        List<Role> sameId = new ArrayList<>(roles);
        sameId.add(role(100 + size / 2, "Another", HR));
        sameId.add(role(100, "Role 0", HR));
        List<Role> sameName = new ArrayList<>(roles);
        sameName.add(role(999, "Role " + (size - 1), HR));
        sameName.add(role(100, "Role 0", HR));

        assertThatThrownBy(() -> new RoleGroup(HR, RoleGroupName.of("HR"), sameId))
                .isInstanceOfSatisfying(InvariantViolation.class,
                        e -> assertThat(e.invariant()).isEqualTo(Invariant.ROLE_ID_UNIQUE_IN_GROUP))
                .hasMessageContaining(String.valueOf(100 + size / 2));
        assertThatThrownBy(() -> new RoleGroup(HR, RoleGroupName.of("HR"), sameName))
                .isInstanceOfSatisfying(InvariantViolation.class,
                        e -> assertThat(e.invariant()).isEqualTo(Invariant.ROLE_NAME_UNIQUE_IN_GROUP))
                .hasMessageContaining("Role " + (size - 1));
        List<Role> both = new ArrayList<>(roles);
        both.add(role(100, "Role 0", HR));
        assertThatThrownBy(() -> new RoleGroup(HR, RoleGroupName.of("HR"), both))
                .as("a role repeating an earlier id and name is reported for its id")
                .isInstanceOfSatisfying(InvariantViolation.class,
                        e -> assertThat(e.invariant()).isEqualTo(Invariant.ROLE_ID_UNIQUE_IN_GROUP));
        assertThat(new RoleGroup(HR, RoleGroupName.of("HR"), roles).roles()).hasSize(size);
    }

    @Test
    void rejectsADuplicateRoleId() {
        assertThatThrownBy(() -> new RoleGroup(HR, RoleGroupName.of("HR"),
                List.of(role(11, "A", HR), role(11, "B", HR))))
                .isInstanceOfSatisfying(InvariantViolation.class,
                        e -> assertThat(e.invariant()).isEqualTo(Invariant.ROLE_ID_UNIQUE_IN_GROUP));
    }

    @Test
    void rejectsARoleOfAnotherGroup() {
        assertThatThrownBy(() -> RoleGroup.empty(HR, RoleGroupName.of("HR"))
                .withRole(role(11, "Recruiter", RoleGroupId.of(99))))
                .isInstanceOfSatisfying(InvariantViolation.class,
                        e -> assertThat(e.invariant()).isEqualTo(Invariant.ROLE_BELONGS_TO_GROUP));
    }

    @Test
    void copiesTheRoleListSoCallersCannotChangeIt() {
        List<Role> roles = new ArrayList<>(List.of(role(11, "A", HR)));
        RoleGroup group = new RoleGroup(HR, RoleGroupName.of("HR"), roles);
        roles.add(role(12, "B", HR));

        assertThat(group.roles()).hasSize(1);
        assertThatThrownBy(() -> group.roles().add(role(13, "C", HR)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesToAddARoleToTheDefaultGroup() {
        assertThatThrownBy(() -> defaultGroup().withRole(role(3, "Auditor", DEFAULT_ID)))
                .isInstanceOfSatisfying(InvariantViolation.class,
                        e -> assertThat(e.invariant()).isEqualTo(Invariant.DEFAULT_GROUP_IMMUTABLE));
    }

    @Test
    void refusesToRenameABuiltInRole() {
        assertThatThrownBy(() -> defaultGroup().withRoleRenamed(RoleId.of(2), RoleName.of("Boss")))
                .isInstanceOfSatisfying(InvariantViolation.class,
                        e -> assertThat(e.invariant()).isEqualTo(Invariant.DEFAULT_GROUP_IMMUTABLE));
    }

    @Test
    void treatsTheChineseDefaultGroupAsImmutableToo() {
        RoleGroup chinese = RoleGroup.empty(DEFAULT_ID, RoleGroupName.of("默认"));
        assertThat(chinese.isDefault()).isTrue();
        assertThatThrownBy(() -> chinese.withRole(role(3, "Auditor", DEFAULT_ID)))
                .isInstanceOf(InvariantViolation.class);
    }

    @Test
    void renamesARoleInPlace() {
        RoleGroup group = RoleGroup.empty(HR, RoleGroupName.of("HR"))
                .withRole(role(11, "Recruiter", HR)).withRole(role(12, "Payroll", HR));

        RoleGroup renamed = group.withRoleRenamed(RoleId.of(11), RoleName.of("Talent"));

        assertThat(renamed.roles()).extracting(r -> r.name().value()).containsExactly("Talent", "Payroll");
        assertThat(renamed.role(RoleName.of("Talent"))).map(Role::id).contains(RoleId.of(11));
        assertThat(group.role(RoleId.of(11))).map(Role::name).contains(RoleName.of("Recruiter"));
    }

    @Test
    void renamingToTheCurrentNameChangesNothing() {
        RoleGroup group = RoleGroup.empty(HR, RoleGroupName.of("HR")).withRole(role(11, "Recruiter", HR));
        assertThat(group.withRoleRenamed(RoleId.of(11), RoleName.of("Recruiter"))).isSameAs(group);
    }

    @Test
    void refusesARenameOntoAnotherRolesName() {
        RoleGroup group = RoleGroup.empty(HR, RoleGroupName.of("HR"))
                .withRole(role(11, "Recruiter", HR)).withRole(role(12, "Payroll", HR));

        assertThatThrownBy(() -> group.withRoleRenamed(RoleId.of(12), RoleName.of("Recruiter")))
                .isInstanceOfSatisfying(InvariantViolation.class,
                        e -> assertThat(e.invariant()).isEqualTo(Invariant.ROLE_NAME_UNIQUE_IN_GROUP));
    }

    @Test
    void refusesToRenameARoleItDoesNotHold() {
        RoleGroup group = RoleGroup.empty(HR, RoleGroupName.of("HR"));
        assertThatThrownBy(() -> group.withRoleRenamed(RoleId.of(99), RoleName.of("X")))
                .isInstanceOfSatisfying(InvariantViolation.class,
                        e -> assertThat(e.invariant()).isEqualTo(Invariant.ROLE_IN_GROUP));
    }
}
