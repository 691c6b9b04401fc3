package io.github.dingtalkroles.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line's usage help, word for word, against files under {@code src/test/resources/usage},
 * so that an option, label, default or description that drifts is noticed. Run with {@code HOME} set to
 * {@value #HOME}. After a deliberate change, rewrite the files with {@code -Droles.writeUsage=true} and
 * review their diff.
 */
class UsageGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/usage");
    private static final String HOME = "/home/alice";

    @ParameterizedTest
    @ValueSource(strings = {"", "add-group", "add-role", "update-role", "get-role", "delete-role", "list",
            "get-group", "members", "grant", "revoke", "set-scope", "add-department", "add-employee", "serve",
            "plan", "apply", "export",
            "generate-completion"})
    void usageHelpIsUnchanged(String command) throws IOException {
        Cli cli = new Cli().env("HOME", HOME);
        Cli.Result result = command.isEmpty() ? cli.run("--help") : cli.run(command, "--help");
        String usage = result.out();
        Path golden = GOLDEN.resolve((command.isEmpty() ? "roles" : "roles-" + command) + ".txt");
        if (Boolean.getBoolean("roles.writeUsage")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, usage, StandardCharsets.UTF_8);
        }

        assertThat(result.exitCode()).isZero();
        assertThat(usage).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        assertThat(usage.lines()).as("every line fits 80 columns").allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(80));
    }
}
