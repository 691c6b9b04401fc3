package io.github.dingtalkroles.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Shows that the build-level rules bite: a copy of role-domain's or role-ports' pom given one compile
 * dependency more, or of adapter-localfile's or role-sync's given a DI container, fails the enforcer's
 * {@code bannedDependencies} rule. (The real poms passing it is
 * the rest of this build.) Runs the project's Maven Wrapper offline, against the local repository this
 * build has already filled.
 */
class BannedDependenciesTest {
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final String SMUGGLED = """
            <dependency>
              <groupId>%s</groupId>
              <artifactId>%s</artifactId>
              <version>%s</version>
              <scope>compile</scope>
            </dependency>
            """;

    @ParameterizedTest
    @CsvSource({
            "role-domain,       org.junit.platform, junit-platform-commons, 1.14.4",
            "role-ports,        org.junit.platform, junit-platform-commons, 1.14.4",
            "adapter-localfile, com.google.inject,  guice,                  7.0.0",
            "role-sync,         com.google.inject,  guice,                  7.0.0"})
    void enforcerRefusesADependencyTheModuleMustNotHave(String module, String groupId, String artifactId,
            String version, @TempDir Path copy) throws Exception {
        Files.copy(REPO.resolve("pom.xml"), copy.resolve("pom.xml"));
        Path moduleDir = Files.createDirectories(copy.resolve(module));
        String pom = Files.readString(REPO.resolve(module).resolve("pom.xml"), StandardCharsets.UTF_8)
                // role-domain is not installed in a fresh build; the rule under test does not need it
                .replaceAll("(?s)<dependency>\\s*<groupId>io.github.dingtalkroles</groupId>.*?</dependency>", "")
                .replaceFirst("<dependencies>", "<dependencies>\n" + SMUGGLED.formatted(groupId, artifactId, version));
        Files.writeString(moduleDir.resolve("pom.xml"), pom, StandardCharsets.UTF_8);

        Result result = maven(moduleDir.resolve("pom.xml"));

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output())
                .contains("BannedDependencies")
                .contains(groupId + ":" + artifactId)
                .contains("banned via the exclude/include list");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result maven(Path pom) throws IOException, InterruptedException {
        Path log = Files.createTempFile("enforcer", ".log");
        try {
            Process process = new ProcessBuilder(List.of(REPO.resolve("mvnw").toString(),
                    "-B", "-o", "-f", pom.toString(), "validate"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("Maven did not finish within 3 minutes");
            }
            return new Result(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
