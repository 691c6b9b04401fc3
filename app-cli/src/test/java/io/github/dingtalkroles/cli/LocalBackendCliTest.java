package io.github.dingtalkroles.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalBackendCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    Path store;
    Cli cli;

    @BeforeEach
    void freshStore() {
        store = home.resolve("directory.json");
        cli = Cli.withStore(store);
    }

    private static JsonNode json(Cli.Result result) throws Exception {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).as(result.toString()).isEmpty();
        assertThat(result.out().strip()).doesNotContain("\n");
        return JSON.readTree(result.out());
    }

    private static java.util.List<String> groupNames(JsonNode list) {
        java.util.List<String> names = new java.util.ArrayList<>();
        list.get("groups").forEach(g -> names.add(g.get("name").asText()));
        return names;
    }

    /** Help text with its line breaks and indents taken out: a long path may be wrapped anywhere. */
    private static String unwrapped(String help) {
        return help.replaceAll("\\s+", "");
    }

    private long addGroup(String name) throws Exception {
        return json(cli.json("add-group", "--name", name)).get("id").asLong();
    }

    @Test
    void listWorksStraightAwayOnAFreshMachineAndCreatesNothing() throws Exception {
        Path userHome = home.resolve("h");
        Cli fresh = new Cli().env("HOME", userHome.toString());

        JsonNode list = json(fresh.json("list"));

        assertThat(list.get("hasMore").asBoolean()).isFalse();
        assertThat(list.get("groups")).hasSize(1);
        JsonNode defaultGroup = list.get("groups").get(0);
        assertThat(defaultGroup.get("name").asText()).isEqualTo("Default");
        assertThat(defaultGroup.get("roles").findValuesAsText("name"))
                .containsExactly("Owner", "Supervisor", "Super Admin", "Sub Admin");
        assertThat(userHome).as("a read-only command creates neither the store nor its directory").doesNotExist();
    }

    @Test
    void theDefaultStoreFollowsHomeAndTheFirstWriteCreatesItsDirectory() throws Exception {
        Path userHome = Files.createDirectories(home.resolve("h"));
        Cli fresh = new Cli().env("HOME", userHome.toString());

        json(fresh.json("add-group", "--name", "HR"));

        assertThat(userHome.resolve(".dingtalk-roles/directory.json")).content().contains("\"HR\"");
        assertThat(unwrapped(fresh.run("--help").out())).contains(userHome + "/.dingtalk-roles/directory.json");
    }

    @Test
    void helpShowsTheStoreThatIsReallyUsed() {
        assertThat(unwrapped(cli.run("--help").out())).contains(store.toString());
    }

    @Test
    void aStoreInAMissingDirectoryIsAnErrorNamingTheDirectoryAndNothingIsCreated() {
        Path missing = home.resolve("no-such-dir");
        Cli mistyped = new Cli().env("HOME", home.toString());

        for (Cli.Result result : List.of(
                mistyped.run("--store", missing.resolve("x.json").toString(), "list"),
                mistyped.run("--store", missing.resolve("x.json").toString(), "add-group", "--name", "HR"),
                Cli.withStore(missing.resolve("x.json")).run("get-group", "--group-id", "1507113577"))) {
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.err()).as(result.toString()).startsWith("error: ")
                    .contains(missing + " does not exist").hasLineCount(1);
        }
        assertThat(missing).doesNotExist();
    }

    @Test
    void aCorruptStoreExitsWithOneAndIsKept() throws Exception {
        Files.writeString(store, "{ torn");

        Cli.Result result = cli.run("add-group", "--name", "HR");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: the local store ").contains("not valid JSON").hasLineCount(1);
        assertThat(Files.readString(store)).isEqualTo("{ torn");
    }

    @Test
    void addGroupPrintsTheNewGroup() throws Exception {
        JsonNode group = json(cli.json("add-group", "--name", " HR "));

        assertThat(group.fieldNames()).toIterable().containsExactly("id", "name", "roles");
        assertThat(group.get("name").asText()).isEqualTo("HR");
        assertThat(group.get("roles")).isEmpty();
        assertThat(group.get("id").asLong()).isPositive();
    }

    @Test
    void addRolePrintsTheRoleWithItsGroup() throws Exception {
        long hr = addGroup("HR");

        JsonNode role = json(cli.json("add-role", "--group-id", Long.toString(hr), "--name", "Recruiter"));

        assertThat(role.fieldNames()).toIterable().containsExactly("id", "name", "groupId");
        assertThat(role.get("name").asText()).isEqualTo("Recruiter");
        assertThat(role.get("groupId").asLong()).isEqualTo(hr);
    }

    @Test
    void updateRoleRenamesAndPrintsTheRole() throws Exception {
        long hr = addGroup("HR");
        long role = json(cli.json("add-role", "--group-id", "" + hr, "--name", "Recruiter")).get("id").asLong();

        JsonNode renamed = json(cli.json("update-role", "--role-id", "" + role, "--name", "Talent"));

        assertThat(renamed).isEqualTo(JSON.readTree("""
                {"id": %d, "name": "Talent"}
                """.formatted(role)));
        JsonNode group = json(cli.json("get-group", "--group-id", "" + hr));
        assertThat(group).isEqualTo(JSON.readTree("""
                {"id": %d, "name": "HR", "roles": [{"id": %d, "name": "Talent"}]}
                """.formatted(hr, role)));
    }

    @Test
    void listPagesWithDingTalkSemantics() throws Exception {
        for (int i = 0; i < 4; i++) {
            addGroup("G" + i);
        }

        JsonNode first = json(cli.json("list", "--offset", "0", "--size", "2"));
        JsonNode last = json(cli.json("list", "--offset", "4", "--size", "2"));

        assertThat(groupNames(first)).containsExactly("Default", "G0");
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        assertThat(groupNames(last)).containsExactly("G3");
        assertThat(last.get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void listAllWalksEveryGroupAndSaysNoMore() throws Exception {
        for (int i = 0; i < 25; i++) {
            addGroup("G" + i);
        }

        JsonNode all = json(cli.json("list", "--all"));

        assertThat(all.get("groups")).hasSize(26);
        assertThat(all.get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void globalOptionsWorkAfterTheSubcommandToo() throws Exception {
        Path other = home.resolve("other.json");

        Cli.Result result = new Cli().run("add-group", "--name", "HR", "--store", other.toString(), "--output", "json");

        assertThat(json(result).get("name").asText()).isEqualTo("HR");
        assertThat(Files.readString(other)).contains("\"HR\"");
    }

    @Test
    void outputFormatComesFromTheEnvironment() throws Exception {
        Cli.Result result = cli.env("ROLES_OUTPUT", "json").run("get-group", "--group-id", "1507113577");

        assertThat(json(result).get("name").asText()).isEqualTo("Default");
    }

    @Test
    void tablesAlignColumnsForPeople() {
        cli.run("add-group", "--name", "人力资源");

        Cli.Result result = cli.run("list");

        assertThat(result.exitCode()).isZero();
        String[] lines = result.out().split("\n");
        assertThat(lines[0]).startsWith("GROUP ID    GROUP     ROLE ID     ROLE");
        assertThat(lines[1]).isEqualTo("1507113577  Default   1507113580  Owner");
        assertThat(lines[5]).startsWith("1507113600  人力资源  -           -");
    }

    @Test
    void unknownGroupExitsWithThree() {
        Cli.Result result = cli.run("get-group", "--group-id", "42");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("error: role group 42 does not exist\n");
    }

    @Test
    void unknownRoleExitsWithThree() {
        assertThat(cli.run("update-role", "--role-id", "42", "--name", "x").exitCode()).isEqualTo(3);
        assertThat(cli.run("add-role", "--group-id", "42", "--name", "x").exitCode()).isEqualTo(3);
    }

    @Test
    void conflictsExitWithFour() throws Exception {
        long hr = addGroup("HR");
        cli.run("add-role", "--group-id", "" + hr, "--name", "Recruiter");

        Cli.Result duplicate = cli.run("add-role", "--group-id", "" + hr, "--name", "Recruiter");
        Cli.Result duplicateGroup = cli.run("add-group", "--name", "HR");
        Cli.Result intoDefault = cli.run("add-role", "--group-id", "1507113577", "--name", "Auditor");
        Cli.Result renameBuiltIn = cli.run("update-role", "--role-id", "1507113580", "--name", "Boss");
        Cli.Result secondDefault = cli.run("add-group", "--name", "Default");

        assertThat(duplicate.exitCode()).isEqualTo(4);
        assertThat(duplicate.err()).startsWith("error: ").contains("Recruiter").endsWith("\n").hasLineCount(1);
        assertThat(duplicateGroup.exitCode()).isEqualTo(4);
        assertThat(intoDefault.exitCode()).isEqualTo(4);
        assertThat(intoDefault.err()).contains("Default");
        assertThat(renameBuiltIn.exitCode()).isEqualTo(4);
        assertThat(secondDefault.exitCode()).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "add-group --name ''",
            "add-group",
            "add-role --group-id abc --name x",
            "add-role --group-id -5 --name x",
            "add-role --group-id 0 --name x",
            "update-role --role-id 1 --name",
            "list --size 0",
            "list --size 201",
            "list --offset -1",
            "list --size 99999999999",
            "get-group --group-id 1.5",
            "frobnicate",
            "list --colour red",
            "--backend nowhere list",
            "--output yaml list"})
    void badUsageExitsWithTwoAndOneLine(String commandLine) {
        Cli.Result result = cli.run(Args.split(commandLine));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("error: ").hasLineCount(1).doesNotContain("Exception", "\tat ");
    }

    @Test
    void withJsonOutputErrorsAreOneJsonObjectOnStderrWithTheSameExitCodes() throws Exception {
        Cli.Result notFound = cli.json("get-group", "--group-id", "42");
        Cli.Result badUsage = cli.json("list", "--size", "0");
        Cli.Result unknownOption = cli.json("list", "--colour", "red");
        Cli.Result fromTheEnvironment = cli.env("ROLES_OUTPUT", "json").run("frobnicate");

        assertThat(notFound.exitCode()).isEqualTo(3);
        assertThat(notFound.out()).isEmpty();
        assertThat(JSON.readTree(notFound.err())).isEqualTo(JSON.readTree("""
                {"error": {"exitCode": 3, "message": "role group 42 does not exist"}}
                """));
        assertThat(badUsage.exitCode()).isEqualTo(2);
        assertThat(JSON.readTree(badUsage.err()).get("error").get("exitCode").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(badUsage.err()).get("error").get("message").asText()).startsWith("page size");
        for (Cli.Result usage : List.of(unknownOption, fromTheEnvironment)) {
            assertThat(usage.exitCode()).as(usage.toString()).isEqualTo(2);
            assertThat(usage.err()).hasLineCount(1);
            assertThat(JSON.readTree(usage.err()).get("error").fieldNames()).toIterable()
                    .containsExactly("exitCode", "message");
        }
    }

    @Test
    void servingOnAPortInUseSaysSoAndExitsWithTwo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli.Result result = cli.run("serve", "--port", Integer.toString(taken.getLocalPort()));

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.err()).startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .contains("the port is in use").doesNotContain("Exception").hasLineCount(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "--app-secrt=S3CRET-VALUE-1234 list",
            "--app-secrt S3CRET-VALUE-1234 list",
            "list --app-secrt=S3CRET-VALUE-1234",
            "list --appsecret S3CRET-VALUE-1234",
            "--backend S3CRET-VALUE-1234 list",
            "--output=S3CRET-VALUE-1234 list",
            "add-role --group-id S3CRET-VALUE-1234 --name x",
            "list --size S3CRET-VALUE-1234",
            "S3CRET-VALUE-1234"})
    void usageErrorsNeverEchoAValue(String commandLine) {
        Cli.Result text = cli.run(Args.split(commandLine));
        Cli.Result json = cli.env("ROLES_OUTPUT", "json").run(Args.split(commandLine));

        for (Cli.Result result : List.of(text, json)) {
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.err()).as(result.toString()).doesNotContain("S3CRET").hasLineCount(1);
        }
        if (commandLine.contains("--app-secrt=")) {
            assertThat(text.err()).contains("'--app-secrt=...'");
        }
    }

    @Test
    void aStoreOverTheSizeLimitIsRefusedWithTheLimitAndHowToRaiseIt() throws Exception {
        try (RandomAccessFile sparse = new RandomAccessFile(store.toFile(), "rw")) {
            sparse.setLength(2L << 20);
        }

        Cli.Result result = cli.env("ROLES_STORE_MAX_MIB", "1").run("list");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("over the limit of 1048576 bytes").contains("ROLES_STORE_MAX_MIB")
                .hasLineCount(1);
        assertThat(cli.env("ROLES_STORE_MAX_MIB", "many").run("list").exitCode()).isEqualTo(2);
    }

    @Test
    void aWriteWaitsForTheStoresLockOnlySoLongAndSaysWhichFileIsLocked() throws Exception {
        cli.run("add-group", "--name", "HR");
        Path lockFile = home.resolve("directory.json.lock");

        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            Cli.Result write = cli.env("ROLES_STORE_LOCK_SECONDS", "1").run("add-group", "--name", "Payroll");
            Cli.Result read = cli.run("list");

            assertThat(write.exitCode()).as(write.toString()).isEqualTo(1);
            assertThat(write.err()).contains(lockFile.toString()).contains("ROLES_STORE_LOCK_SECONDS").hasLineCount(1);
            assertThat(read.exitCode()).as("a read takes no lock").isZero();
        }
    }

    @Test
    void badNamesAreRefusedWithTheRuleNamed() {
        Cli.Result blank = cli.run("add-group", "--name", "   ");
        Cli.Result control = cli.run("add-group", "--name", "a\u0007b");
        Cli.Result tooLong = cli.run("add-group", "--name", "x".repeat(65));
        Cli.Result loneSurrogate = cli.run("add-group", "--name", "bad\uD800");

        assertThat(blank.err()).isEqualTo("error: role group name: names must not be blank (got \"   \")\n");
        assertThat(control.err()).contains("control characters").contains("\\u0007").hasLineCount(1);
        assertThat(tooLong.err()).contains("at most 64 characters");
        assertThat(loneSurrogate.err()).contains("well-formed");
        assertThat(new int[] {blank.exitCode(), control.exitCode(), tooLong.exitCode(), loneSurrogate.exitCode()})
                .containsOnly(2);
        assertThat(cli.json("list").out()).doesNotContain("a\u0007b");
    }

    @Test
    void nonBmpNamesRoundTrip() throws Exception {
        long g = addGroup("Emoji \uD83D\uDE00");

        assertThat(json(cli.json("get-group", "--group-id", "" + g)).get("name").asText()).isEqualTo("Emoji \uD83D\uDE00");
    }

    @Test
    void booleanOptionsTakeAnAttachedValueAsBefore() {
        assertThat(cli.run("list", "--all=true").exitCode()).isZero();
        assertThat(cli.run("list", "--all=false").exitCode()).isZero();
        assertThat(cli.run("--verbose=false", "list").exitCode()).isZero();
        Cli.Result wrong = cli.run("list", "--all=maybe");
        assertThat(wrong.exitCode()).isEqualTo(2);
    }

    @Test
    void helpAndVersionWork() {
        Cli.Result help = cli.run("--help");
        Cli.Result subHelp = cli.run("add-role", "--help");
        Cli.Result version = cli.run("--version");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("add-group", "add-role", "update-role", "get-role", "delete-role", "list",
                "get-group", "members", "grant", "revoke", "set-scope", "add-department", "add-employee", "serve",
                "generate-completion", "--backend", "ROLES_BACKEND", "Exit codes");
        assertThat(subHelp.out()).contains("--group-id", "--name", "see 'roles --help'")
                .as("the global options are listed once, in roles --help").doesNotContain("--app-secret=");
        assertThat(version.out()).startsWith("roles ");
    }

    @Test
    void generatesAShellCompletionScript() {
        Cli.Result result = cli.run("generate-completion");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("complete -F").contains("add-role");
    }
}
