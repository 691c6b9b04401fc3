package io.github.dingtalkroles.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The house rules, run over the project's shipped classes. */
class ArchitectureTest {
    static final String ROOT = "io.github.dingtalkroles";

    private static JavaClasses project;

    @BeforeAll
    static void importProject() {
        project = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void importsEveryModuleItGuards() {
        assertThat(project.stream().map(c -> c.getPackageName().substring(ROOT.length() + 1).split("\\.")[0]))
                .contains("domain", "port", "testkit", "inmemory", "localfile", "dingtalk", "redis", "emulator", "sync", "guice",
                        "boot", "cli")
                .doesNotContain("archfixtures", "architecture");
    }

    @Test
    void theDomainDependsOnTheJdkOnly() {
        ArchitectureRules.domainDependsOnTheJdkOnly(ROOT).check(project);
    }

    @Test
    void thePortsDependOnTheDomainAndTheJdkOnly() {
        ArchitectureRules.portsDependOnTheDomainAndTheJdkOnly(ROOT).check(project);
    }

    @Test
    void theSyncDependsOnThePortsOnlyAndKeepsYamlInItsFileFormat() {
        ArchitectureRules.syncDependsOnThePortsOnly(ROOT).check(project);
        ArchitectureRules.yamlOnlyInTheSyncFileFormat(ROOT).check(project);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        ArchitectureRules.adaptersDoNotDependOnEachOther(ROOT).check(project);
    }

    @Test
    void guiceAppearsNowhereOutsideTheCli() {
        ArchitectureRules.guiceOnlyInTheCli(ROOT).check(project);
    }

    @Test
    void nothingOutsideTheCliWritesToStandardStreams() {
        ArchitectureRules.onlyTheCliWritesToStandardStreams(ROOT).check(project);
    }

    @Test
    void eachTechnologyStaysInItsModule() {
        ArchitectureRules.technologyConfinedTo(ROOT, "feign..", "dingtalk").check(project);
        ArchitectureRules.technologyConfinedTo(ROOT, "dev.failsafe..", "dingtalk").check(project);
        ArchitectureRules.technologyConfinedTo(ROOT, "com.sun.net.httpserver..", "emulator").check(project);
        ArchitectureRules.technologyConfinedTo(ROOT, "picocli..", "cli").check(project);
        ArchitectureRules.technologyConfinedTo(ROOT, "org.springframework..", "boot").check(project);
        ArchitectureRules.technologyConfinedTo(ROOT, "org.apache.hc..", "dingtalk").check(project);
        ArchitectureRules.technologyConfinedTo(ROOT, "io.lettuce..", "redis").check(project);
        ArchitectureRules.technologyConfinedTo(ROOT, "io.github.bucket4j..", "redis").check(project);
    }
}
