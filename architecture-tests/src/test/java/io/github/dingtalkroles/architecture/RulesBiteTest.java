package io.github.dingtalkroles.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Shows that each rule bites: it fails over fixture classes that break it (naming the offending
 * class), passes over fixtures that keep it, and fails over a package with no classes at all.
 */
class RulesBiteTest {
    private static final String FIXTURES = "io.github.dingtalkroles.archfixtures.";
    private static final String VIOLATIONS = FIXTURES + "violations";
    private static final String CLEAN = FIXTURES + "clean";
    /** A package that holds no class at all. */
    private static final String EMPTY = FIXTURES + "nothing.here";

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("domain depends on the JDK only", ArchitectureRules::domainDependsOnTheJdkOnly, "LeakyRole"),
                rule("ports depend on domain and JDK only", ArchitectureRules::portsDependOnTheDomainAndTheJdkOnly,
                        "LeakyGateway"),
                rule("sync depends on the ports only", ArchitectureRules::syncDependsOnThePortsOnly, "StoreSync"),
                rule("YAML only in the sync's file format", ArchitectureRules::yamlOnlyInTheSyncFileFormat, "StoreSync"),
                rule("adapters do not depend on each other", ArchitectureRules::adaptersDoNotDependOnEachOther,
                        "CrossStore"),
                rule("Guice only in the CLI", ArchitectureRules::guiceOnlyInTheCli, "GuicyClient"),
                rule("only the CLI prints", ArchitectureRules::onlyTheCliWritesToStandardStreams, "CrossStore"),
                rule("HTTP server only in the emulator",
                        root -> ArchitectureRules.technologyConfinedTo(root, "com.sun.net.httpserver..", "emulator"),
                        "CrossStore"));
    }

    private static Arguments rule(String name, Function<String, ArchRule> rule, String offender) {
        return Arguments.of(name, rule, offender);
    }

    private static JavaClasses fixtures(String root) {
        return new ClassFileImporter().importPackages(root);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void failsOverClassesThatBreakIt(String name, Function<String, ArchRule> rule, String offender) {
        assertThatThrownBy(() -> rule.apply(VIOLATIONS).check(fixtures(VIOLATIONS)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(offender);
    }

    @Test
    void theRedisOnDingTalkExceptionCoversNoOtherAdapterAndGoesOneWayOnly() {
        assertThatThrownBy(() -> ArchitectureRules.adaptersDoNotDependOnEachOther(VIOLATIONS).check(fixtures(VIOLATIONS)))
                .hasMessageContaining("LimitsOverMemory");

        String reversed = FIXTURES + "reversed";
        assertThatThrownBy(() -> ArchitectureRules.adaptersDoNotDependOnEachOther(reversed).check(fixtures(reversed)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ClientOverLimits");
    }

    @Test
    void theLocalFileOnInMemoryExceptionCoversNoOtherAdapterAndGoesOneWayOnly() {
        ArchRule rule = ArchitectureRules.adaptersDoNotDependOnEachOther(VIOLATIONS);
        assertThatThrownBy(() -> rule.check(fixtures(VIOLATIONS)))
                .hasMessageContaining("FileOverClient");

        String reversed = FIXTURES + "reversed";
        assertThatThrownBy(() -> ArchitectureRules.adaptersDoNotDependOnEachOther(reversed).check(fixtures(reversed)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("MemoryOverFile");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void passesOverClassesThatKeepIt(String name, Function<String, ArchRule> rule, String offender) {
        rule.apply(CLEAN).check(fixtures(CLEAN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void failsRatherThanPassWhenItMatchesNoClass(String name, Function<String, ArchRule> rule, String offender) {
        JavaClasses none = fixtures(EMPTY);
        assertThat(List.copyOf(none)).isEmpty();

        assertThatThrownBy(() -> rule.apply(EMPTY).check(none)).isInstanceOf(AssertionError.class);
    }
}
