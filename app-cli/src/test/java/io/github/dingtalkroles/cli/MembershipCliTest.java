package io.github.dingtalkroles.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The role family's commands on the local store: the exact JSON, tables, exit codes and the roster. */
class MembershipCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    Path store;
    Cli cli;
    long hr;
    long recruiter;
    long payroll;

    @BeforeEach
    void seed() throws Exception {
        store = home.resolve("directory.json");
        cli = Cli.withStore(store);
        hr = ok(cli.json("add-group", "--name", "HR")).get("id").asLong();
        recruiter = ok(cli.json("add-role", "--group-id", "" + hr, "--name", "Recruiter")).get("id").asLong();
        payroll = ok(cli.json("add-role", "--group-id", "" + hr, "--name", "Payroll Admin")).get("id").asLong();
        ok(cli.json("add-department", "--dept-id", "12", "--name", "Sales"));
        ok(cli.json("add-department", "--dept-id", "13", "--name", "Legal"));
        ok(cli.json("add-employee", "--user-id", "ann", "--name", "Ann Lee", "--dept-id", "12"));
        ok(cli.json("add-employee", "--user-id", "bob", "--name", "Bob"));
        ok(cli.json("add-employee", "--user-id", "cy", "--name", "Cy"));
    }

    private static JsonNode ok(Cli.Result result) throws Exception {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).as(result.toString()).isEmpty();
        assertThat(result.out().strip()).as("one JSON document on one line").doesNotContain("\n");
        return JSON.readTree(result.out());
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static void assertFails(Cli.Result result, int exitCode, String message) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        assertThat(result.out()).as(result.toString()).isEmpty();
        assertThat(result.err()).as(result.toString()).startsWith("error: ").contains(message).hasLineCount(1)
                .doesNotContain("Exception");
    }

    private List<String> memberIds(long role) throws Exception {
        List<String> ids = new ArrayList<>();
        ok(cli.json("members", "--role-id", "" + role, "--all")).get("members").forEach(m -> ids.add(m.get("userId").asText()));
        return ids;
    }

    @Test
    void grantMembersSetScopeRevokeRoundTripWithTheExactJson() throws Exception {
        JsonNode granted = ok(cli.json("grant", "--role-id", recruiter + "," + payroll, "--user-id", "ann",
                "--user-id", "bob,ann"));
        JsonNode scoped = ok(cli.json("set-scope", "--role-id", "" + recruiter, "--user-id", "ann",
                "--dept-id", "13,12", "--dept-id", "13"));
        JsonNode members = ok(cli.json("members", "--role-id", "" + recruiter));
        JsonNode revoked = ok(cli.json("revoke", "--role-id", "" + recruiter, "--user-id", "ann"));

        assertThat(granted).as("repeated ids count once, in the order given")
                .isEqualTo(json("{\"roleIds\":[%d,%d],\"userIds\":[\"ann\",\"bob\"]}".formatted(recruiter, payroll)));
        assertThat(scoped).isEqualTo(json("{\"roleId\":%d,\"userId\":\"ann\",\"deptIds\":[13,12]}".formatted(recruiter)));
        assertThat(members).isEqualTo(json("""
                {"members":[{"userId":"ann","name":"Ann Lee","scopes":[{"deptId":13,"name":"Legal"},{"deptId":12,"name":"Sales"}]},
                            {"userId":"bob","name":"Bob","scopes":[]}],
                 "hasMore":false}
                """));
        assertThat(revoked).isEqualTo(json("{\"roleIds\":[%d],\"userIds\":[\"ann\"]}".formatted(recruiter)));
        assertThat(memberIds(recruiter)).containsExactly("bob");
        assertThat(memberIds(payroll)).containsExactly("ann", "bob");
    }

    @Test
    void setScopeWithoutDepartmentsIsTheWholeOrganisation() throws Exception {
        ok(cli.json("grant", "--role-id", "" + recruiter, "--user-id", "ann"));
        ok(cli.json("set-scope", "--role-id", "" + recruiter, "--user-id", "ann", "--dept-id", "12"));

        JsonNode whole = ok(cli.json("set-scope", "--role-id", "" + recruiter, "--user-id", "ann"));

        assertThat(whole).isEqualTo(json("{\"roleId\":%d,\"userId\":\"ann\",\"deptIds\":[]}".formatted(recruiter)));
        assertThat(ok(cli.json("members", "--role-id", "" + recruiter)).get("members").get(0).get("scopes")).isEmpty();
    }

    @Test
    void getRoleAndDeleteRolePrintTheirJson() throws Exception {
        assertThat(ok(cli.json("get-role", "--role-id", "" + recruiter))).isEqualTo(
                json("{\"id\":%d,\"name\":\"Recruiter\",\"groupId\":%d}".formatted(recruiter, hr)));
        assertThat(ok(cli.json("delete-role", "--role-id", "" + recruiter))).isEqualTo(
                json("{\"id\":%d,\"deleted\":true}".formatted(recruiter)));
        assertFails(cli.run("get-role", "--role-id", "" + recruiter), 3, "role " + recruiter + " does not exist");
    }

    @Test
    void theRosterCommandsPrintWhatTheyStored() throws Exception {
        assertThat(ok(cli.json("add-department", "--dept-id", "14", "--name", " Finance "))).isEqualTo(
                json("{\"deptId\":14,\"name\":\"Finance\"}"));
        assertThat(ok(cli.json("add-employee", "--user-id", "dee", "--name", "Dee", "--dept-id", "14,12"))).isEqualTo(
                json("{\"userId\":\"dee\",\"name\":\"Dee\",\"deptIds\":[14,12]}"));
        assertThat(ok(cli.json("add-employee", "--user-id", "eve", "--name", "Eve"))).isEqualTo(
                json("{\"userId\":\"eve\",\"name\":\"Eve\",\"deptIds\":[]}"));
        assertThat(store).content().contains("\"version\" : 2,").contains("\"Finance\"").contains("\"dee\"");
    }

    @Test
    void addingAnEmployeeAgainRenamesThemAndKeepsTheirRoles() throws Exception {
        ok(cli.json("grant", "--role-id", "" + recruiter, "--user-id", "ann"));

        ok(cli.json("add-employee", "--user-id", "ann", "--name", "Ann Smith", "--dept-id", "13"));

        assertThat(ok(cli.json("members", "--role-id", "" + recruiter)).get("members").get(0).get("name").asText())
                .isEqualTo("Ann Smith");
    }

    @Test
    void membersPagesWithDingTalkSemanticsAndAllWalksEveryMember() throws Exception {
        List<String> users = IntStream.rangeClosed(1, 130).mapToObj(i -> "u" + i).toList();
        for (String user : users) {
            ok(cli.json("add-employee", "--user-id", user, "--name", "User " + user));
        }
        ok(cli.json("grant", "--role-id", "" + recruiter, "--user-id", String.join(",", users)));

        JsonNode first = ok(cli.json("members", "--role-id", "" + recruiter));
        JsonNode last = ok(cli.json("members", "--role-id", "" + recruiter, "--offset", "120", "--size", "100"));
        JsonNode all = ok(cli.json("members", "--role-id", "" + recruiter, "--all"));

        assertThat(first.get("members")).as("the default page size is 20").hasSize(20);
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        assertThat(last.get("members")).hasSize(10);
        assertThat(last.get("hasMore").asBoolean()).isFalse();
        assertThat(all.get("hasMore").asBoolean()).isFalse();
        List<String> listed = new ArrayList<>();
        all.get("members").forEach(m -> listed.add(m.get("userId").asText()));
        assertThat(listed).as("every member once, in grant order, over two pages of 100").isEqualTo(users);
    }

    @Test
    void tablesShowMembersWithTheirScopesReadably() throws Exception {
        ok(cli.json("grant", "--role-id", "" + recruiter, "--user-id", "ann,bob,cy"));
        ok(cli.json("set-scope", "--role-id", "" + recruiter, "--user-id", "ann", "--dept-id", "12,13"));

        Cli.Result page = cli.run("members", "--role-id", "" + recruiter, "--size", "2");
        Cli.Result granted = cli.run("grant", "--role-id", "" + payroll, "--user-id", "ann,bob");

        assertThat(page.exitCode()).isZero();
        assertThat(page.out()).isEqualTo("""
                USER ID  NAME     SCOPE
                ann      Ann Lee  Sales (12), Legal (13)
                bob      Bob      (whole organisation)
                (more members follow: use --offset, or --all)
                """);
        assertThat(granted.out()).isEqualTo("""
                ROLE ID     USER ID
                %d  ann
                %d  bob
                """.formatted(payroll, payroll));
        assertThat(cli.run("set-scope", "--role-id", "" + recruiter, "--user-id", "bob").out())
                .contains("ROLE ID", "USER ID", "SCOPE").contains("bob      (whole organisation)");
        assertThat(cli.run("delete-role", "--role-id", "" + payroll).exitCode()).as("payroll has members").isEqualTo(4);
    }

    @Test
    void unknownRoleUserOrDepartmentExitsWithThreeNamingIt() {
        assertFails(cli.run("grant", "--role-id", "" + recruiter, "--user-id", "ann,nobody"), 3,
                "user nobody is not an employee");
        assertFails(cli.run("grant", "--role-id", "42", "--user-id", "ann"), 3, "role 42 does not exist");
        assertFails(cli.run("revoke", "--role-id", "42", "--user-id", "ann"), 3, "role 42 does not exist");
        assertFails(cli.run("members", "--role-id", "42"), 3, "role 42 does not exist");
        assertFails(cli.run("members", "--role-id", "42", "--all"), 3, "role 42 does not exist");
        assertFails(cli.run("get-role", "--role-id", "42"), 3, "role 42 does not exist");
        assertFails(cli.run("delete-role", "--role-id", "42"), 3, "role 42 does not exist");
        assertFails(cli.run("set-scope", "--role-id", "" + recruiter, "--user-id", "nobody"), 3, "user nobody");
        assertFails(cli.run("add-employee", "--user-id", "dee", "--name", "Dee", "--dept-id", "12,99"), 3,
                "department 99 does not exist");
        cli.run("grant", "--role-id", "" + recruiter, "--user-id", "ann");
        assertFails(cli.run("set-scope", "--role-id", "" + recruiter, "--user-id", "ann", "--dept-id", "99"), 3,
                "department 99 does not exist");
    }

    @Test
    void aFailedGrantSaysHowManyPairsWereAppliedAndExitsWithItsFailuresCode() throws Exception {
        Cli.Result unknownUser = cli.run("grant", "--role-id", recruiter + "," + payroll, "--user-id", "ann,nobody");
        Cli.Result builtIn = cli.json("revoke", "--role-id", recruiter + ",1507113580", "--user-id", "ann");

        assertFails(unknownUser, 3, "grant applied 0 of 4 (role, user) pairs, then failed: user nobody");
        assertThat(builtIn.exitCode()).isEqualTo(4);
        assertThat(json(builtIn.err())).isEqualTo(json("""
                {"error":{"exitCode":4,"message":"revoke applied 0 of 2 (role, user) pairs, then failed: role 1507113580 \
                belongs to the Default group and cannot be granted or revoked"}}
                """));
        assertThat(memberIds(recruiter)).as("the local store applies a grant entirely or not at all").isEmpty();
    }

    @Test
    void aGrantOnACorruptStoreExitsWithOneAndKeepsTheFile() throws Exception {
        Files.writeString(store, "{ torn");

        Cli.Result result = cli.run("grant", "--role-id", "" + recruiter, "--user-id", "ann");

        assertFails(result, 1, "grant applied 0 of 1 (role, user) pairs, then failed: the local store ");
        assertThat(result.err()).contains("not valid JSON").contains("left as it is");
        assertThat(Files.readString(store)).isEqualTo("{ torn");
    }

    @Test
    void aGrantWaitingTooLongForTheStoresLockSaysHowToWaitLonger() throws Exception {
        try (FileChannel channel = FileChannel.open(home.resolve("directory.json.lock"), StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            Cli.Result result = cli.env("ROLES_STORE_LOCK_SECONDS", "1")
                    .run("grant", "--role-id", "" + recruiter, "--user-id", "ann");

            assertFails(result, 1, "grant applied 0 of 1 (role, user) pairs, then failed: the local store ");
            assertThat(result.err()).contains("is locked").contains("(ROLES_STORE_LOCK_SECONDS sets how long to wait");
        }
    }

    @Test
    void conflictsExitWithFour() throws Exception {
        ok(cli.json("grant", "--role-id", "" + recruiter, "--user-id", "ann"));

        assertFails(cli.run("grant", "--role-id", "1507113580", "--user-id", "ann"), 4, "Default group");
        assertFails(cli.run("delete-role", "--role-id", "1507113580"), 4, "");
        assertFails(cli.run("delete-role", "--role-id", "" + recruiter), 4, "still has 1 member(s)");
        assertFails(cli.run("set-scope", "--role-id", "" + recruiter, "--user-id", "bob"), 4,
                "user bob does not hold role " + recruiter);
        assertThat(ok(cli.json("get-role", "--role-id", "" + recruiter)).get("name").asText()).isEqualTo("Recruiter");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "grant --role-id R --user-id 'a b'",
            "grant --role-id R --user-id ''",
            "grant --role-id R --user-id ann,,bob",
            "grant --role-id R --user-id ,",
            "revoke --role-id , --user-id ann",
            "grant --role-id R",
            "grant --user-id ann",
            "revoke --role-id R --user-id 'x\u0007'",
            "grant --role-id R,abc --user-id ann",
            "grant --role-id 0 --user-id ann",
            "set-scope --role-id R --user-id ann,bob",
            "set-scope --role-id R --user-id ann --dept-id 0",
            "set-scope --role-id R --user-id ann --dept-id FIFTY_ONE",
            "members --role-id R --size 0",
            "members --role-id R --size 101",
            "members --role-id R --offset -1",
            "members",
            "get-role --role-id -1",
            "delete-role",
            "add-department --dept-id 0 --name x",
            "add-department --dept-id 5 --name ' '",
            "add-employee --user-id 'a,b' --name x",
            "add-employee --user-id SIXTY_FIVE --name x",
            "add-employee --user-id ann --name x --dept-id -3"})
    void malformedIdsSizesAndScopesExitWithTwo(String commandLine) {
        String fiftyOne = IntStream.rangeClosed(1, 51).mapToObj(Integer::toString).collect(Collectors.joining(","));
        String line = commandLine.replace(" R", " " + recruiter).replace("FIFTY_ONE", fiftyOne)
                .replace("SIXTY_FIVE", "x".repeat(65));

        Cli.Result result = cli.run(Args.split(line));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("error: ").hasLineCount(1).doesNotContain("Exception");
    }

    @Test
    void moreThanFiftyDepartmentsAreRefusedNamingTheLimit() {
        String fiftyOne = IntStream.rangeClosed(1, 51).mapToObj(Integer::toString).collect(Collectors.joining(","));

        assertFails(cli.run("set-scope", "--role-id", "" + recruiter, "--user-id", "ann", "--dept-id", fiftyOne), 2,
                "at most 50 departments");
        assertFails(cli.run("members", "--role-id", "" + recruiter, "--size", "101"), 2,
                "member page size must be between 1 and 100");
    }

    @Test
    void theRosterCommandsRefuseTheDingTalkBackendWithExitTwo() throws Exception {
        byte[] before = Files.readAllBytes(store);
        Cli dingtalk = cli.env("ROLES_BACKEND", "dingtalk");

        Cli.Result department = dingtalk.run("add-department", "--dept-id", "14", "--name", "Finance");
        Cli.Result employee = dingtalk.json("add-employee", "--user-id", "dee", "--name", "Dee");

        assertFails(department, 2, "add-department works on the local store only: DingTalk manages employees and "
                + "departments in its contacts API");
        assertThat(employee.exitCode()).isEqualTo(2);
        assertThat(json(employee.err()).get("error").get("message").asText())
                .startsWith("add-employee works on the local store only");
        assertThat(Files.readAllBytes(store)).isEqualTo(before);
    }
}
