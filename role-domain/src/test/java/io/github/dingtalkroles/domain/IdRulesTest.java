package io.github.dingtalkroles.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdRulesTest {

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void rejectsNonPositiveRoleIds(long value) {
        assertThatThrownBy(() -> RoleId.of(value))
                .isInstanceOfSatisfying(InvariantViolation.class,
                        e -> assertThat(e.invariant()).isEqualTo(Invariant.ID_POSITIVE))
                .hasMessage("role id: ids must be positive (got " + value + ")");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -7})
    void rejectsNonPositiveGroupIds(long value) {
        assertThatThrownBy(() -> RoleGroupId.of(value))
                .isInstanceOf(InvariantViolation.class)
                .hasMessageStartingWith("role group id: ids must be positive");
    }

    @Test
    void acceptsPositiveIdsAndPrintsThemPlainly() {
        assertThat(RoleId.of(1507113580L).toString()).isEqualTo("1507113580");
        assertThat(RoleGroupId.of(Long.MAX_VALUE).value()).isEqualTo(Long.MAX_VALUE);
    }
}
