package io.github.dingtalkroles.sync;

import static io.github.dingtalkroles.sync.Organisation.group;
import static io.github.dingtalkroles.sync.Organisation.member;
import static io.github.dingtalkroles.sync.Organisation.role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesiredStateTest {
    @Test
    void rejectsARoleNamedTwiceInOneGroupNamingWhere() {
        assertThatThrownBy(() -> group("HR", role("Recruiter"), role("Payroll"), role("Recruiter")))
                .isInstanceOfSatisfying(DesiredStateException.class, e -> {
                    assertThat(e.path()).isEqualTo("roles[2].name");
                    assertThat(e.problem()).isEqualTo("role \"Recruiter\" is listed twice in group \"HR\"");
                });
    }

    @Test
    void rejectsARoleIdPinnedTwiceInOneGroup() {
        DesiredRole a = DesiredRole.named(RoleName.of("A")).withId(RoleId.of(7));
        DesiredRole b = DesiredRole.named(RoleName.of("B")).withId(RoleId.of(7));

        assertThatThrownBy(() -> DesiredGroup.of(RoleGroupName.of("HR"), a, b))
                .isInstanceOfSatisfying(DesiredStateException.class, e -> assertThat(e.path()).isEqualTo("roles[1].id"));
    }

    @Test
    void rejectsARoleIdPinnedInTwoGroups() {
        DesiredGroup hr = DesiredGroup.of(RoleGroupName.of("HR"), DesiredRole.named(RoleName.of("A")).withId(RoleId.of(7)));
        DesiredGroup it = DesiredGroup.of(RoleGroupName.of("IT"), DesiredRole.named(RoleName.of("B")),
                DesiredRole.named(RoleName.of("C")).withId(RoleId.of(7)));

        assertThatThrownBy(() -> DesiredState.of(hr, it))
                .isInstanceOfSatisfying(DesiredStateException.class, e -> {
                    assertThat(e.path()).isEqualTo("groups[1].roles[1].id");
                    assertThat(e.getMessage()).contains("role id 7 is also listed in group \"HR\"");
                });
    }

    @Test
    void rejectsAGroupListedTwiceCountingBothSpellingsOfTheDefaultGroup() {
        assertThatThrownBy(() -> DesiredState.of(group("HR"), group("HR")))
                .isInstanceOfSatisfying(DesiredStateException.class, e -> assertThat(e.path()).isEqualTo("groups[1].name"));
        assertThatThrownBy(() -> DesiredState.of(group("Default"), group("默认")))
                .isInstanceOf(DesiredStateException.class);
    }

    @Test
    void rejectsAUserListedTwiceForOneRole() {
        assertThatThrownBy(() -> role("Recruiter", member(1), member(2), member(1, 3)))
                .isInstanceOfSatisfying(DesiredStateException.class, e -> {
                    assertThat(e.path()).isEqualTo("members[2]");
                    assertThat(e.problem()).isEqualTo("user user1 is listed twice for role \"Recruiter\"");
                });
    }

    @Test
    void tellsUnmanagedMembershipFromNoMembers() {
        DesiredRole unmanaged = DesiredRole.named(RoleName.of("A"));
        DesiredRole none = unmanaged.withMembers(List.of());

        assertThat(unmanaged.members()).isEmpty();
        assertThat(none.members()).contains(List.of());
        assertThat(unmanaged).isNotEqualTo(none);
        assertThat(DesiredState.of(group("HR", none)).managesMembers()).isTrue();
        assertThat(DesiredState.of(DesiredGroup.of(RoleGroupName.of("HR"), unmanaged)).managesMembers()).isFalse();
    }

    @Test
    void valuesAreEqualByContent() {
        assertThat(DesiredState.of(group("HR", role("A", member(1, 2)))))
                .isEqualTo(DesiredState.of(group("HR", role("A", member(1, 2)))))
                .hasSameHashCodeAs(DesiredState.of(group("HR", role("A", member(1, 2)))));
        assertThat(DesiredRole.named(RoleName.of("A")).withId(RoleId.of(3)))
                .isNotEqualTo(DesiredRole.named(RoleName.of("A")));
    }
}
