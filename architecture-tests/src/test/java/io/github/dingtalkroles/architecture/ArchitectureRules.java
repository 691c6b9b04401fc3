package io.github.dingtalkroles.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.List;

/**
 * The house rules of DESIGN.md as ArchUnit rules, each over a root package so that the same rule can
 * be run over the real code ({@code io.github.dingtalkroles}) and over fixtures that break it. Every
 * rule refuses to pass when it matches no class.
 *
 * <p>Packages under the root: {@code domain}, {@code port}, {@code testkit}, the adapters
 * {@code inmemory}, {@code localfile}, {@code dingtalk} (Feign), {@code redis} (the DingTalk adapter's cluster-wide
 * rate limit and token cache on Redis) and {@code emulator}, roles as code {@code sync}, the wiring for
 * platforms {@code guice} and {@code boot} (Spring Boot), and {@code cli}.
 */
final class ArchitectureRules {
    /** The adapters' packages, relative to the root. */
    static final List<String> ADAPTERS = List.of("inmemory", "localfile", "dingtalk", "redis", "emulator");

    private ArchitectureRules() {
    }

    static ArchRule domainDependsOnTheJdkOnly(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".domain..", "java..")
                .allowEmptyShould(false)
                .as("the domain depends on the JDK only");
    }

    static ArchRule portsDependOnTheDomainAndTheJdkOnly(String root) {
        return classes().that().resideInAPackage(root + ".port..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(root + ".port..", root + ".domain..", "java..")
                .allowEmptyShould(false)
                .as("the ports depend on the domain and the JDK only");
    }

    /**
     * Adapters do not depend on each other, with two named exceptions: the local file store
     * ({@code localfile}) keeps its state in the in-memory backend ({@code inmemory}), whose rules it
     * reuses; and {@code redis} implements the DingTalk adapter's ({@code dingtalk}) rate-limit and token-cache
     * seams. Each exception goes one way only, and to no other adapter.
     */
    static ArchRule adaptersDoNotDependOnEachOther(String root) {
        return SlicesRuleDefinition.slices().assignedFrom(adapterSlices(root))
                .should().notDependOnEachOther()
                .ignoreDependency(resideInAPackage(root + ".localfile.."), resideInAPackage(root + ".inmemory.."))
                .ignoreDependency(resideInAPackage(root + ".redis.."), resideInAPackage(root + ".dingtalk.."))
                .allowEmptyShould(false)
                .as("adapters do not depend on each other (but localfile builds on inmemory, redis on dingtalk)");
    }

    /**
     * Roles as code ({@code sync}) works on every backend because it sees the ports only: the domain, the
     * ports, the JDK, and Jackson's YAML stack for its file format.
     */
    static ArchRule syncDependsOnThePortsOnly(String root) {
        return classes().that().resideInAPackage(root + ".sync..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(root + ".sync..", root + ".port..", root + ".domain..", "java..",
                        "com.fasterxml.jackson..", "org.yaml.snakeyaml..")
                .allowEmptyShould(false)
                .as("the sync depends on the ports, the domain, the JDK and (for YAML) Jackson only");
    }

    /** Within the sync, the file format is one package: plans, applies and the model are plain Java. */
    static ArchRule yamlOnlyInTheSyncFileFormat(String root) {
        return noClasses().that().resideInAPackage(root + ".sync..").and().resideOutsideOfPackage(root + ".sync.yaml..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..", "org.yaml.snakeyaml..")
                .allowEmptyShould(false)
                .as("Jackson and SnakeYAML appear in the sync's yaml package only");
    }

    static ArchRule guiceOnlyInTheCli(String root) {
        return noClasses().that().resideOutsideOfPackages(root + ".cli..", root + ".guice..")
                .should().dependOnClassesThat().resideInAPackage("com.google.inject..")
                .allowEmptyShould(false)
                .as("Guice appears nowhere outside app-cli and roles-guice");
    }

    static ArchRule onlyTheCliWritesToStandardStreams(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".cli..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .allowEmptyShould(false)
                .as("nothing outside app-cli writes to stdout or stderr");
    }

    /** Classes of {@code technologyPackage} (e.g. {@code "feign.."}) are used only under {@code root.module}. */
    static ArchRule technologyConfinedTo(String root, String technologyPackage, String module) {
        return noClasses().that().resideOutsideOfPackage(root + "." + module + "..")
                .should().dependOnClassesThat().resideInAPackage(technologyPackage)
                .allowEmptyShould(false)
                .as(technologyPackage + " is used only in " + module);
    }

    private static SliceAssignment adapterSlices(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                for (String adapter : ADAPTERS) {
                    String pkg = root + "." + adapter;
                    if (javaClass.getPackageName().equals(pkg) || javaClass.getPackageName().startsWith(pkg + ".")) {
                        return SliceIdentifier.of(adapter);
                    }
                }
                return SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "adapters " + ADAPTERS + " under " + root;
            }
        };
    }
}
