package io.github.dingtalkroles.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line's usage help, word for word, against files under {@code src/test/resources/usage}:
 * the picocli model is built in code ({@link Specs}), so nothing else would notice an option, label,
 * default or description that drifts. The user's home directory is written as {@code ~}. After a
 * deliberate change, rewrite the files with {@code -Droles.writeUsage=true} and review their diff.
 */
class UsageGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/usage");

    @ParameterizedTest
    @ValueSource(strings = {"", "add-group", "add-role", "update-role", "list", "get-group", "serve",
            "generate-completion"})
    void usageHelpIsUnchanged(String command) throws IOException {
        Cli.Result result = command.isEmpty() ? new Cli().run("--help") : new Cli().run(command, "--help");
        String usage = result.out().replace(System.getProperty("user.home"), "~");
        Path golden = GOLDEN.resolve((command.isEmpty() ? "roles" : "roles-" + command) + ".txt");
        if (Boolean.getBoolean("roles.writeUsage")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, usage, StandardCharsets.UTF_8);
        }

        assertThat(result.exitCode()).isZero();
        assertThat(usage).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
