package io.github.dingtalkroles.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code roles serve} as a process: its first line, clients through it, and a clean stop on SIGTERM. */
class ServeProcessTest {
    @TempDir
    Path dir;

    private Process serve(Path store, String... extra) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RolesCli.class.getName(),
                "serve", "--port", "0", "--store", store.toString()));
        command.addAll(List.of(extra));
        return new ProcessBuilder(command)
                .redirectOutput(dir.resolve("serve.out").toFile())
                .redirectError(dir.resolve("serve.err").toFile())
                .start();
    }

    /** The server's stdout lines, once it has printed at least {@code count}. */
    private List<String> lines(Process server, int count) throws Exception {
        for (int i = 0; i < 600; i++) {
            List<String> lines = Files.readAllLines(dir.resolve("serve.out"), StandardCharsets.UTF_8);
            if (lines.size() >= count) {
                return lines;
            }
            assertThat(server.isAlive()).as("serve exited: " + Files.readString(dir.resolve("serve.err"))).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("serve printed fewer than " + count + " lines in a minute");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void servesTheLocalStoreToDingTalkClientsAndStopsCleanlyOnSigterm() throws Exception {
        Path store = dir.resolve("directory.json");
        Process server = serve(store);
        try {
            List<String> lines = lines(server, 3);
            String first = lines.get(0);
            String keyLine = lines.get(1);
            String secretLine = lines.get(2);

            assertThat(first).matches("listening on http://127\\.0\\.0\\.1:\\d+");
            String url = first.substring("listening on ".length());
            String key = keyLine.replaceFirst("^app key: +", "");
            String secret = secretLine.replaceFirst("^app secret: +", "");
            Cli client = new Cli().env("DINGTALK_APP_KEY", key).env("DINGTALK_APP_SECRET", secret);

            Cli.Result added = client.json("--backend", "dingtalk", "--base-url", url, "add-group", "--name", "HR");
            assertThat(added.exitCode()).as(added.toString()).isZero();
            Cli.Result wrong = new Cli().env("DINGTALK_APP_KEY", key).env("DINGTALK_APP_SECRET", "nope")
                    .run("--backend", "dingtalk", "--base-url", url, "list");
            assertThat(wrong.exitCode()).isEqualTo(5);

            server.destroy(); // SIGTERM
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(server.exitValue()).isEqualTo(143);
        } finally {
            server.destroyForcibly();
        }

        Cli.Result local = Cli.withStore(store).json("list");
        assertThat(local.out()).contains("\"name\":\"HR\"");
        assertThat(Files.readString(dir.resolve("serve.err"))).doesNotContain("Exception");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void servesGrantsMembersAndRevokesOverTheLocalStoreWithTheLatencyAsked() throws Exception {
        Path store = dir.resolve("directory.json");
        Cli local = Cli.withStore(store);
        long hr = id(local.json("add-group", "--name", "HR"));
        long role = id(local.json("add-role", "--group-id", "" + hr, "--name", "Recruiter"));
        assertThat(local.json("add-department", "--dept-id", "12", "--name", "Sales").exitCode()).isZero();
        assertThat(local.json("add-employee", "--user-id", "ann", "--name", "Ann", "--dept-id", "12").exitCode()).isZero();
        Process server = serve(store, "--access-token", "serve-token-44", "--latency", "200ms");
        try {
            List<String> lines = lines(server, 2);
            assertThat(lines.get(1)).isEqualTo("latency:    200 ms before every answer");
            Cli client = new Cli().env("DINGTALK_ACCESS_TOKEN", "serve-token-44").env("ROLES_BACKEND", "dingtalk")
                    .env("DINGTALK_BASE_URL", lines.get(0).substring("listening on ".length()));

            Cli.Result granted = client.json("grant", "--role-id", "" + role, "--user-id", "ann");
            // the roster is the store's: an employee added while serving can be granted roles at once
            assertThat(local.json("add-employee", "--user-id", "bob", "--name", "Bob").exitCode()).isZero();
            Cli.Result grantedBob = client.json("grant", "--role-id", "" + role, "--user-id", "bob");
            Cli.Result scoped = client.json("set-scope", "--role-id", "" + role, "--user-id", "ann", "--dept-id", "12");
            Cli.Result members = client.json("members", "--role-id", "" + role, "--all");
            Cli.Result revoked = client.json("revoke", "--role-id", "" + role, "--user-id", "ann,bob");

            for (Cli.Result result : List.of(granted, grantedBob, scoped, members, revoked)) {
                assertThat(result.exitCode()).as(result.toString()).isZero();
            }
            assertThat(members.out()).isEqualTo("{\"members\":[{\"userId\":\"ann\",\"name\":\"Ann\",\"scopes\":"
                    + "[{\"deptId\":12,\"name\":\"Sales\"}]},{\"userId\":\"bob\",\"name\":\"Bob\",\"scopes\":[]}],"
                    + "\"hasMore\":false}\n");
            assertThat(local.json("members", "--role-id", "" + role).out()).as("the revoke reached the store")
                    .isEqualTo("{\"members\":[],\"hasMore\":false}\n");
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void refusesALatencyItCannotRead() {
        for (String latency : List.of("5x", "-200ms", "200", "1.5s", "2h", "99999999ms")) {
            Cli.Result result = new Cli().run("serve", "--latency", latency);

            assertThat(result.exitCode()).as(latency + ": " + result).isEqualTo(2);
            assertThat(result.err()).startsWith("error: Invalid value for option '--latency': expected a latency "
                    + "such as 200ms or 2s").hasLineCount(1);
        }
    }

    private static long id(Cli.Result result) throws Exception {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.out()).get("id").asLong();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void acceptsAFixedTokenAndPrintsNoGeneratedCredentials() throws Exception {
        Process server = serve(dir.resolve("directory.json"), "--access-token", "serve-token-31");
        try {
            String url = lines(server, 1).get(0).substring("listening on ".length());

            Cli.Result listed = new Cli().env("DINGTALK_ACCESS_TOKEN", "serve-token-31")
                    .json("--backend", "dingtalk", "--base-url", url, "list");

            assertThat(listed.exitCode()).as(listed.toString()).isZero();
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readAllLines(dir.resolve("serve.out"))).hasSize(1);
        } finally {
            server.destroyForcibly();
        }
    }
}
