package io.github.dingtalkroles.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as users run it: {@code java -jar app-cli/target/roles.jar ...}. */
class PackagedJarIT {
    private static final Path JAR = Path.of(System.getProperty("roles.jar", "target/roles.jar"));

    @TempDir
    Path home;

    private record Run(int exitCode, String out, String err) {
    }

    private Run roles(String... args) throws Exception {
        return java(List.of(), args);
    }

    private Run java(List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(home.resolve("out.txt").toFile())
                .redirectError(home.resolve("err.txt").toFile());
        builder.environment().put("ROLES_STORE", home.resolve("directory.json").toString());
        builder.environment().remove("ROLES_BACKEND");
        builder.environment().remove("ROLES_OUTPUT");
        Process process = builder.start();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(),
                Files.readString(home.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(home.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void runsAsAJarWithTheEmbeddedLocalDefault() throws Exception {
        Run added = roles("--output", "json", "add-group", "--name", "HR");
        Run listed = roles("list", "--output", "json");

        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).startsWith("{\"id\":").contains("\"name\":\"HR\",\"roles\":[]}");
        assertThat(listed.out()).contains("\"name\":\"Default\"").contains("\"name\":\"HR\"")
                .endsWith("\"hasMore\":false}\n");
        assertThat(listed.err()).isEmpty();
    }

    @Test
    void showsProgressOfListAllOnlyWhenStderrIsATerminal() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(roles("add-group", "--name", "G" + i).exitCode()).isZero();
        }
        Run piped = roles("list", "--all", "--output", "json");
        String onTerminal = onTerminal("list --all --output json");

        assertThat(piped.err()).isEmpty();
        assertThat(onTerminal).contains("fetched 1 page, 4 role groups").contains("\"hasMore\":false}");
    }

    @Test
    void showsProgressOfMembersAllOnlyWhenStderrIsATerminal() throws Exception {
        assertThat(roles("add-group", "--name", "HR").exitCode()).isZero();
        assertThat(roles("add-role", "--group-id", "1507113600", "--name", "Recruiter").exitCode()).isZero();
        for (String user : List.of("ann", "bob", "cy")) {
            assertThat(roles("add-employee", "--user-id", user, "--name", user).exitCode()).isZero();
        }
        assertThat(roles("grant", "--role-id", "1507113601", "--user-id", "ann,bob,cy").exitCode()).isZero();

        Run piped = roles("members", "--role-id", "1507113601", "--all", "--output", "json");
        String onTerminal = onTerminal("members --role-id 1507113601 --all --output json");

        assertThat(piped.err()).isEmpty();
        assertThat(piped.out()).contains("\"userId\":\"cy\"").endsWith("\"hasMore\":false}\n");
        assertThat(onTerminal).contains("fetched 1 page, 3 members").contains("\"hasMore\":false}");
    }

    /** What {@code roles ARGS} shows when run on a pseudo-terminal by script(1), as a person at a shell would. */
    private String onTerminal(String args) throws Exception {
        String command = Path.of(System.getProperty("java.home"), "bin", "java") + " -jar " + JAR + " " + args;
        ProcessBuilder builder = new ProcessBuilder("script", "-q", "-e", "-c", command, "/dev/null")
                .redirectOutput(home.resolve("tty.txt").toFile())
                .redirectErrorStream(true);
        builder.environment().put("ROLES_STORE", home.resolve("directory.json").toString());
        Process process = builder.start();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return Files.readString(home.resolve("tty.txt"), StandardCharsets.UTF_8);
    }

    @Test
    void reportsItsVersionAndExitCodes() throws Exception {
        Run version = roles("--version");
        Run missing = roles("get-group", "--group-id", "42");
        Run bad = roles("list", "--size", "0");

        assertThat(version.out()).startsWith("roles 0.");
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err()).isEqualTo("error: role group 42 does not exist\n");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("error: page size must be between 1 and 200");
    }
}
