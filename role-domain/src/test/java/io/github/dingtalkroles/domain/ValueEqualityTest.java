package io.github.dingtalkroles.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ids and names compare by value, only with their own kind. */
class ValueEqualityTest {

    @Test
    void idsAreEqualByValueAndOnlyToTheirOwnKind() {
        assertThat(RoleId.of(42)).isEqualTo(RoleId.of(42)).hasSameHashCodeAs(RoleId.of(42))
                .isNotEqualTo(RoleId.of(43)).isNotEqualTo(RoleGroupId.of(42)).isNotEqualTo(42L).isNotEqualTo(null);
        assertThat(RoleGroupId.of(7)).isEqualTo(RoleGroupId.of(7)).hasSameHashCodeAs(RoleGroupId.of(7))
                .isNotEqualTo(RoleGroupId.of(8)).isNotEqualTo(RoleId.of(7));
    }

    @Test
    void namesAreEqualByTrimmedTextCaseSensitivelyAndOnlyToTheirOwnKind() {
        assertThat(RoleName.of(" Recruiter ")).isEqualTo(RoleName.of("Recruiter"))
                .hasSameHashCodeAs(RoleName.of("Recruiter"))
                .isNotEqualTo(RoleName.of("recruiter")).isNotEqualTo(RoleGroupName.of("Recruiter"))
                .isNotEqualTo("Recruiter");
        assertThat(RoleGroupName.of("HR")).isEqualTo(RoleGroupName.of("HR ")).isNotEqualTo(RoleGroupName.of("Hr"));
        assertThat(Set.of(RoleGroupName.of("A"), RoleGroupName.of("B"))).contains(RoleGroupName.of(" A"));
    }
}
