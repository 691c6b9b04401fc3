package io.github.dingtalkroles.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dingtalkroles.emulator.DingTalkEmulator;
import io.github.dingtalkroles.emulator.EmulatorOperation;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile arguments, beyond {@link LocalBackendCliTest#badUsageExitsWithTwoAndOneLine}: ids that are not
 * numbers, negative, zero or past {@code long}; page sizes and offsets past {@code int}; blank, oversized,
 * control-character, lone-surrogate and over-long non-BMP names; user ids that are blank, hold whitespace,
 * commas or control characters, or are too long; scopes of 51 departments. Each is refused with exit code 2 and
 * one line on stderr, with no stack trace, no raw control character (nothing that could drive a
 * terminal) and no secret, on both backends; the DingTalk backend refuses them before calling DingTalk.
 */
class HostileArgumentsCliTest {
    private static final String SECRET = "cli-hostile-5ecret-8b1f";
    private static final String FIXED_TOKEN = "cli-hostile-t0ken-c72a";
    private static final String MEGABYTE_NAME = "x".repeat(1 << 20);
    /** 65 code points outside the Basic Multilingual Plane: 130 chars, one code point over the limit. */
    private static final String LONG_NON_BMP_NAME = "\uD83D\uDE00".repeat(65);

    @TempDir
    Path home;
    private DingTalkEmulator emulator;

    @BeforeEach
    void startEmulator() {
        emulator = DingTalkEmulator.builder()
                .directory(InMemoryRoleDirectory.create())
                .appCredentials("cli-app", SECRET)
                .accessToken(FIXED_TOKEN)
                .start();
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    static Stream<List<String>> hostileArguments() {
        List<List<String>> all = new ArrayList<>();
        for (String id : List.of("abc", "-1", "0", "-9223372036854775808", "9223372036854775808",
                "99999999999999999999999999", "1e3", "0x10", "", " ", "1 2", "\uD83D\uDE00")) {
            all.add(List.of("add-role", "--group-id", id, "--name", "ok"));
            all.add(List.of("update-role", "--role-id", id, "--name", "ok"));
            all.add(List.of("get-group", "--group-id", id));
            all.add(List.of("get-role", "--role-id", id));
            all.add(List.of("delete-role", "--role-id", id));
            all.add(List.of("members", "--role-id", id));
            all.add(List.of("grant", "--role-id", id, "--user-id", "ann"));
            all.add(List.of("revoke", "--role-id", id + ",1507113600", "--user-id", "ann"));
            all.add(List.of("set-scope", "--role-id", id, "--user-id", "ann"));
            all.add(List.of("set-scope", "--role-id", "1507113600", "--user-id", "ann", "--dept-id", id));
            all.add(List.of("add-department", "--dept-id", id, "--name", "ok"));
            all.add(List.of("add-employee", "--user-id", "ann", "--name", "ok", "--dept-id", id));
        }
        for (String number : List.of("2147483648", "-2147483649", "99999999999999999999", "-1", "abc", "")) {
            all.add(List.of("list", "--size", number));
            all.add(List.of("list", "--offset", number));
            all.add(List.of("members", "--role-id", "1507113600", "--size", number));
            all.add(List.of("members", "--role-id", "1507113600", "--offset", number));
        }
        for (String user : List.of("", " ", ",", "a b", "a\u0000b", "a\u001b[31mred", "line\nbreak", "tab\tx",
                "nbsp\u00a0x", "x".repeat(65), MEGABYTE_NAME, "bad\uD800", "\uDC00bad")) {
            all.add(List.of("grant", "--role-id", "1507113600", "--user-id", user));
            all.add(List.of("revoke", "--role-id", "1507113600", "--user-id", user + ",ann"));
            all.add(List.of("set-scope", "--role-id", "1507113600", "--user-id", user));
            all.add(List.of("add-employee", "--user-id", user, "--name", "ok"));
        }
        all.add(List.of("members", "--role-id", "1507113600", "--size", "101"));
        all.add(List.of("set-scope", "--role-id", "1507113600", "--user-id", "ann", "--dept-id",
                String.join(",", java.util.stream.IntStream.rangeClosed(1, 51).mapToObj(Integer::toString).toList())));
        for (String name : List.of("", "   ", "\t\n", "a\u0000b", "a\u001b[31mred", "line\nbreak", "bell\u0007",
                "del\u007f", "c1\u0085", "x".repeat(65), MEGABYTE_NAME, LONG_NON_BMP_NAME, "bad\uD800", "\uDC00bad",
                "\uDE00\uD83D")) {
            all.add(List.of("add-group", "--name", name));
            all.add(List.of("add-role", "--group-id", "1507113600", "--name", name));
            all.add(List.of("update-role", "--role-id", "1507113600", "--name", name));
            all.add(List.of("add-department", "--dept-id", "12", "--name", name));
            all.add(List.of("add-employee", "--user-id", "ann", "--name", name));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "[{index}] local {0}")
    @MethodSource("hostileArguments")
    void theLocalBackendRefusesHostileArgumentsWithExitTwoAndOneLine(List<String> args) {
        Cli.Result result = Cli.withStore(home.resolve("directory.json")).run(args.toArray(String[]::new));

        assertRefusedAsUsage(result);
    }

    @ParameterizedTest(name = "[{index}] dingtalk {0}")
    @MethodSource("hostileArguments")
    void theDingTalkBackendRefusesHostileArgumentsBeforeCallingDingTalk(List<String> args) {
        Cli cli = Cli.withDingTalk(emulator.baseUrl(), "cli-app", SECRET);

        Cli.Result result = cli.run(args.toArray(String[]::new));

        assertRefusedAsUsage(result);
        for (EmulatorOperation endpoint : EmulatorOperation.values()) {
            assertThat(emulator.requestCount(endpoint)).as(endpoint + " requests").isZero();
        }
    }

    private static void assertRefusedAsUsage(Cli.Result result) {
        String shown = abbreviated(result);
        assertThat(result.exitCode()).as(shown).isEqualTo(2);
        assertThat(result.out()).as(shown).isEmpty();
        assertThat(result.err()).as(shown).startsWith("error: ").endsWith("\n").hasLineCount(1)
                .doesNotContain("Exception", "\tat ", SECRET, FIXED_TOKEN);
        assertThat(result.err().length()).as("a refusal quotes at most a bounded part of the input").isLessThan(1000);
        assertThat(result.err().chars().limit(result.err().length() - 1L))
                .as("raw control characters in " + shown).noneMatch(c -> Character.isISOControl(c));
        assertThat(result.err().codePoints())
                .as("lone surrogates in " + shown).noneMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
    }

    private static String abbreviated(Cli.Result result) {
        String text = result.toString();
        return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
    }
}
