package io.github.dingtalkroles.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameRulesTest {

    @Test
    void trimsSurroundingWhitespace() {
        assertThat(RoleName.of("  Payroll Admin \t").value()).isEqualTo("Payroll Admin");
        assertThat(RoleGroupName.of("\u3000HR ").value()).isEqualTo("HR");
    }

    @Test
    void namesWithTheSameTrimmedTextAreEqual() {
        assertThat(RoleName.of(" Ops")).isEqualTo(RoleName.of("Ops "));
        assertThat(RoleName.of("Ops")).isNotEqualTo(RoleName.of("ops"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t \n", "\u3000"})
    void rejectsBlankNames(String blank) {
        assertThatThrownBy(() -> RoleName.of(blank))
                .isInstanceOfSatisfying(InvariantViolation.class,
                        e -> assertThat(e.invariant()).isEqualTo(Invariant.NAME_NOT_BLANK))
                .hasMessageStartingWith("role name: names must not be blank");
    }

    @Test
    void rejectsMissingName() {
        assertThatThrownBy(() -> RoleGroupName.of(null))
                .isInstanceOfSatisfying(InvariantViolation.class,
                        e -> assertThat(e.invariant()).isEqualTo(Invariant.NAME_PRESENT))
                .hasMessageContaining("role group name");
    }

    @Test
    void acceptsNamesUpToTheLimitCountedInCodePoints() {
        String emoji = "\uD83D\uDE00";
        assertThat(RoleName.of(emoji.repeat(64)).value()).hasSize(128);
        assertThat(RoleName.of("x".repeat(64)).value()).hasSize(64);
    }

    @Test
    void rejectsNamesOverTheLimitAndSaysHowLongTheyWere() {
        String tooLong = "x".repeat(65);
        assertThatThrownBy(() -> RoleName.of(tooLong))
                .isInstanceOfSatisfying(InvariantViolation.class,
                        e -> assertThat(e.invariant()).isEqualTo(Invariant.NAME_LENGTH))
                .hasMessageContaining("at most 64 characters");
    }

    @Test
    void cutsHugeOffendingValuesShortInTheMessage() {
        String huge = "y".repeat(100_000);
        assertThatThrownBy(() -> RoleName.of(huge))
                .hasMessageContaining("(100000 chars)")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a\u0000b", "tab\tinside", "del\u007f", "c1\u0085x"})
    void rejectsControlCharactersAndEscapesThemInTheMessage(String name) {
        assertThatThrownBy(() -> RoleName.of(name))
                .isInstanceOfSatisfying(InvariantViolation.class,
                        e -> assertThat(e.invariant()).isEqualTo(Invariant.NAME_NO_CONTROL_CHARACTERS))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("\\p{Cc}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lone\uD83Dhigh", "lone\uDE00low", "end\uD83D"})
    void rejectsUnpairedSurrogates(String name) {
        assertThatThrownBy(() -> RoleName.of(name))
                .isInstanceOfSatisfying(InvariantViolation.class,
                        e -> assertThat(e.invariant()).isEqualTo(Invariant.NAME_WELL_FORMED));
    }

    @Test
    void acceptsChineseAndNonBmpNames() {
        assertThat(RoleName.of("财务 \uD83D\uDCBC").value()).isEqualTo("财务 \uD83D\uDCBC");
    }

    @Test
    void recognisesTheDefaultGroupInBothSpellings() {
        assertThat(RoleGroupName.of("Default").isDefault()).isTrue();
        assertThat(RoleGroupName.of(" 默认 ").isDefault()).isTrue();
        assertThat(RoleGroupName.of("default").isDefault()).isFalse();
        assertThat(RoleGroupName.of("HR").isDefault()).isFalse();
    }
}
