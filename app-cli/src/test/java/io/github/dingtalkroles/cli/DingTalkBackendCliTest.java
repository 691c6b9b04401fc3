package io.github.dingtalkroles.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dingtalkroles.domain.Department;
import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.domain.Employee;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.emulator.DingTalkEmulator;
import io.github.dingtalkroles.emulator.EmulatorFault;
import io.github.dingtalkroles.emulator.EmulatorOperation;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every subcommand with {@code --backend dingtalk}, against the DingTalk emulator. */
class DingTalkBackendCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "cli-app";
    private static final String SECRET = "cli-secret-5f2c9a";
    private static final String FIXED_TOKEN = "fixed-token-7d41e0";

    private DingTalkEmulator emulator;
    private InMemoryRoleDirectory organisation;
    private Cli cli;

    @BeforeEach
    void startEmulator() {
        // DingTalk's contacts: one department, ann, bob and 25 more employees
        InMemoryRoleDirectory.Builder roster = InMemoryRoleDirectory.builder()
                .department(new Department(DeptId.of(12), "Sales"))
                .employee(new Employee(UserId.of("ann"), "Ann Lee", List.of(DeptId.of(12))))
                .employee(new Employee(UserId.of("bob"), "Bob", List.of()));
        IntStream.rangeClosed(1, 25).forEach(i -> roster.employee(new Employee(UserId.of("u" + i), "U" + i, List.of())));
        organisation = roster.build();
        emulator = DingTalkEmulator.builder()
                .directory(organisation)
                .appCredentials(KEY, SECRET)
                .accessToken(FIXED_TOKEN)
                .start();
        cli = Cli.withDingTalk(emulator.baseUrl(), KEY, SECRET);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    private static JsonNode ok(Cli.Result result) throws Exception {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).as(result.toString()).isEmpty();
        return JSON.readTree(result.out());
    }

    private static void assertNoSecret(Cli.Result result) {
        assertThat(result.out() + result.err()).doesNotContain(SECRET, FIXED_TOKEN);
    }

    @Test
    void everySubcommandWorksAgainstDingTalk() throws Exception {
        JsonNode group = ok(cli.json("add-group", "--name", "HR"));
        long groupId = group.get("id").asLong();
        JsonNode role = ok(cli.json("add-role", "--group-id", "" + groupId, "--name", "Recruiter"));
        JsonNode renamed = ok(cli.json("update-role", "--role-id", role.get("id").asText(), "--name", "Talent"));
        JsonNode fetched = ok(cli.json("get-group", "--group-id", "" + groupId));
        JsonNode page = ok(cli.json("list", "--offset", "1", "--size", "1"));
        JsonNode all = ok(cli.json("list", "--all"));

        assertThat(group).isEqualTo(JSON.readTree("""
                {"id": %d, "name": "HR", "roles": []}
                """.formatted(groupId)));
        assertThat(role.get("groupId").asLong()).isEqualTo(groupId);
        assertThat(renamed.get("name").asText()).isEqualTo("Talent");
        assertThat(fetched.get("roles").get(0).get("name").asText()).isEqualTo("Talent");
        assertThat(page.get("groups").get(0).get("name").asText()).isEqualTo("HR");
        assertThat(page.get("hasMore").asBoolean()).isFalse();
        assertThat(all.get("groups")).hasSize(2);
        assertThat(emulator.requestCount(EmulatorOperation.GETTOKEN)).isEqualTo(6); // one per run: each run is a process
    }

    @Test
    void theRoleFamilyWorksAgainstDingTalkWithTheSameJson() throws Exception {
        long groupId = ok(cli.json("add-group", "--name", "HR")).get("id").asLong();
        long role = ok(cli.json("add-role", "--group-id", "" + groupId, "--name", "Recruiter")).get("id").asLong();

        JsonNode fetched = ok(cli.json("get-role", "--role-id", "" + role));
        JsonNode granted = ok(cli.json("grant", "--role-id", "" + role, "--user-id", "ann,bob", "--user-id", "ann"));
        JsonNode scoped = ok(cli.json("set-scope", "--role-id", "" + role, "--user-id", "ann", "--dept-id", "12"));
        JsonNode page = ok(cli.json("members", "--role-id", "" + role, "--size", "1"));
        JsonNode all = ok(cli.json("members", "--role-id", "" + role, "--all"));
        JsonNode revoked = ok(cli.json("revoke", "--role-id", "" + role, "--user-id", "ann,bob"));
        JsonNode deleted = ok(cli.json("delete-role", "--role-id", "" + role));

        assertThat(fetched).isEqualTo(JSON.readTree("{\"id\":%d,\"name\":\"Recruiter\",\"groupId\":%d}".formatted(role, groupId)));
        assertThat(granted).isEqualTo(JSON.readTree("{\"roleIds\":[%d],\"userIds\":[\"ann\",\"bob\"]}".formatted(role)));
        assertThat(scoped).isEqualTo(JSON.readTree("{\"roleId\":%d,\"userId\":\"ann\",\"deptIds\":[12]}".formatted(role)));
        assertThat(page).isEqualTo(JSON.readTree("""
                {"members":[{"userId":"ann","name":"Ann Lee","scopes":[{"deptId":12,"name":"Sales"}]}],"hasMore":true}
                """));
        assertThat(all).isEqualTo(JSON.readTree("""
                {"members":[{"userId":"ann","name":"Ann Lee","scopes":[{"deptId":12,"name":"Sales"}]},
                            {"userId":"bob","name":"Bob","scopes":[]}],"hasMore":false}
                """));
        assertThat(revoked).isEqualTo(JSON.readTree("{\"roleIds\":[%d],\"userIds\":[\"ann\",\"bob\"]}".formatted(role)));
        assertThat(deleted).isEqualTo(JSON.readTree("{\"id\":%d,\"deleted\":true}".formatted(role)));
        assertThat(organisation.findRole(RoleId.of(role))).as("deleted on the DingTalk side").isEmpty();
        assertThat(emulator.requestCount(EmulatorOperation.GRANT_ROLES)).isEqualTo(1);
        assertThat(emulator.requestCount(EmulatorOperation.UPDATE_SCOPE)).isEqualTo(1);
    }

    @Test
    void theRoleFamilysFailuresExitWithTheSameCodesAndNameDingTalksErrcode() throws Exception {
        long groupId = ok(cli.json("add-group", "--name", "HR")).get("id").asLong();
        long role = ok(cli.json("add-role", "--group-id", "" + groupId, "--name", "Recruiter")).get("id").asLong();
        ok(cli.json("grant", "--role-id", "" + role, "--user-id", "ann"));

        Cli.Result unknownUser = cli.run("grant", "--role-id", "" + role, "--user-id", "nobody");
        Cli.Result unknownRole = cli.run("members", "--role-id", "42");
        Cli.Result missingRole = cli.run("get-role", "--role-id", "42");
        Cli.Result unknownDept = cli.run("set-scope", "--role-id", "" + role, "--user-id", "ann", "--dept-id", "99");
        Cli.Result builtIn = cli.run("grant", "--role-id", "1507113580", "--user-id", "ann");
        Cli.Result withMembers = cli.run("delete-role", "--role-id", "" + role);
        Cli.Result notMember = cli.run("set-scope", "--role-id", "" + role, "--user-id", "bob");

        assertThat(unknownUser.exitCode()).as(unknownUser.toString()).isEqualTo(3);
        assertThat(unknownUser.err()).startsWith("error: grant applied 0 of 1 (role, user) pairs, then failed: ")
                .contains("errcode 33012").contains("nobody").hasLineCount(1);
        assertThat(unknownRole.exitCode()).isEqualTo(3);
        assertThat(missingRole.exitCode()).isEqualTo(3);
        assertThat(missingRole.err()).contains("42");
        assertThat(unknownDept.exitCode()).isEqualTo(3);
        assertThat(unknownDept.err()).contains("errcode 60003");
        assertThat(builtIn.exitCode()).isEqualTo(4);
        assertThat(withMembers.exitCode()).isEqualTo(4);
        assertThat(notMember.exitCode()).isEqualTo(4);
        JsonNode error = JSON.readTree(cli.json("grant", "--role-id", "" + role, "--user-id", "nobody").err()).get("error");
        assertThat(error.get("exitCode").asInt()).isEqualTo(3);
        assertThat(error.get("errcode").asLong()).as("the part-way failure's errcode").isEqualTo(33012);
        assertThat(error.get("requestId").asText()).isNotBlank();
        assertThat(error.get("message").asText()).startsWith("grant applied 0 of 1 (role, user) pairs, then failed: ");
    }

    @Test
    void aGrantThatFailsPartWaySaysHowManyPairsWereAppliedAndExitsWithTheFailuresCode() throws Exception {
        long groupId = ok(cli.json("add-group", "--name", "HR")).get("id").asLong();
        long role = ok(cli.json("add-role", "--group-id", "" + groupId, "--name", "Recruiter")).get("id").asLong();
        // two calls of at most 20 users, sent together: u1..u20, then u21..u24 and an unknown user
        String users = IntStream.rangeClosed(1, 24).mapToObj(i -> "u" + i).collect(Collectors.joining(",")) + ",nobody";

        Cli.Result result = cli.run("grant", "--role-id", "" + role, "--user-id", users);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("error: grant applied 20 of 25 (role, user) pairs, then failed: ")
                .contains("errcode 33012").hasLineCount(1);
        assertThat(organisation.allMembers(RoleId.of(role)).map(m -> m.userId().value()))
                .as("the 20 pairs said to be applied are held").hasSize(20).allMatch(id -> id.startsWith("u"));
        emulator.faults().next(EmulatorOperation.GRANT_ROLES, EmulatorFault.QUOTA_EXHAUSTED, 1);
        Cli.Result quota = cli.run("grant", "--role-id", "" + role, "--user-id", "u25");
        assertThat(quota.exitCode()).as("a grant refused for the quota exits as throttled").isEqualTo(6);
        assertThat(quota.err()).startsWith("error: grant applied 0 of 1 (role, user) pairs").contains("errcode 90020");
    }

    @Test
    void theRosterCommandsAreRefusedWithoutCallingDingTalk() {
        Cli.Result department = cli.run("add-department", "--dept-id", "14", "--name", "Finance");
        Cli.Result employee = cli.run("add-employee", "--user-id", "dee", "--name", "Dee");

        for (Cli.Result result : List.of(department, employee)) {
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.err()).contains("works on the local store only: DingTalk manages employees and "
                    + "departments in its contacts API").hasLineCount(1);
        }
        for (EmulatorOperation endpoint : EmulatorOperation.values()) {
            assertThat(emulator.requestCount(endpoint)).as(endpoint + " requests").isZero();
        }
    }

    @Test
    void aFixedAccessTokenWorksWithoutAppCredentials() throws Exception {
        Cli tokenOnly = new Cli().env("DINGTALK_ACCESS_TOKEN", FIXED_TOKEN);

        Cli.Result result = tokenOnly.json("--backend", "dingtalk", "--base-url", emulator.baseUrl(), "list");

        assertThat(ok(result).get("groups").get(0).get("name").asText()).isEqualTo("Default");
        assertThat(emulator.requestCount(EmulatorOperation.GETTOKEN)).isZero();
    }

    @Test
    void notFoundExitsWithThreeAndNamesTheErrcodeAndRequestId() {
        Cli.Result missingRole = cli.run("update-role", "--role-id", "42", "--name", "x");
        Cli.Result missingGroup = cli.run("get-group", "--group-id", "42");

        assertThat(missingRole.exitCode()).isEqualTo(3);
        assertThat(missingRole.err()).startsWith("error: ").contains("errcode 33011").contains("request_id ")
                .hasLineCount(1);
        assertThat(missingGroup.exitCode()).isEqualTo(3);
    }

    @Test
    void withJsonOutputAnErrorIsOneJsonObjectWithTheErrcodeAndRequestId() throws Exception {
        Cli.Result missingRole = cli.json("update-role", "--role-id", "42", "--name", "x");

        assertThat(missingRole.exitCode()).isEqualTo(3);
        assertThat(missingRole.out()).isEmpty();
        assertThat(missingRole.err()).hasLineCount(1);
        JsonNode error = JSON.readTree(missingRole.err()).get("error");
        assertThat(error.get("exitCode").asInt()).isEqualTo(3);
        assertThat(error.get("errcode").isNumber()).isTrue();
        assertThat(error.get("errcode").asLong()).isEqualTo(33011);
        assertThat(error.get("requestId").asText()).isNotBlank();
        assertThat(error.get("message").asText()).contains("errcode 33011");
    }

    @Test
    void conflictsExitWithFour() throws Exception {
        long groupId = ok(cli.json("add-group", "--name", "HR")).get("id").asLong();
        cli.run("add-role", "--group-id", "" + groupId, "--name", "Recruiter");

        Cli.Result duplicate = cli.run("add-role", "--group-id", "" + groupId, "--name", "Recruiter");
        Cli.Result builtIn = cli.run("update-role", "--role-id", "1507113580", "--name", "Boss");

        assertThat(duplicate.exitCode()).isEqualTo(4);
        assertThat(duplicate.err()).contains("errcode 34021");
        assertThat(builtIn.exitCode()).isEqualTo(4);
    }

    @Test
    void badOrMissingCredentialsExitWithFiveAndNeverShowTheSecret() {
        Cli.Result wrongSecret = cli.env("DINGTALK_APP_SECRET", "wrong-" + SECRET).run("--verbose", "list");
        Cli.Result wrongToken = new Cli().run("--backend", "dingtalk", "--base-url", emulator.baseUrl(),
                "--access-token", FIXED_TOKEN + "x", "list");
        Cli.Result none = new Cli().run("--backend", "dingtalk", "--base-url", emulator.baseUrl(), "list");
        Cli.Result keyOnly = new Cli().env("DINGTALK_APP_KEY", KEY)
                .run("--backend", "dingtalk", "--base-url", emulator.baseUrl(), "list");

        assertThat(wrongSecret.exitCode()).isEqualTo(5);
        assertThat(wrongSecret.err()).contains("errcode 40096");
        assertThat(wrongToken.exitCode()).isEqualTo(5);
        assertThat(wrongToken.err()).doesNotContain(FIXED_TOKEN);
        assertThat(none.exitCode()).isEqualTo(5);
        assertThat(none.err()).isEqualTo("error: the dingtalk backend needs credentials: --access-token"
                + " (DINGTALK_ACCESS_TOKEN), or --app-key and --app-secret (DINGTALK_APP_KEY, DINGTALK_APP_SECRET)\n");
        assertThat(keyOnly.exitCode()).isEqualTo(5);
        assertNoSecret(wrongSecret);
        assertNoSecret(wrongToken);
    }

    @Test
    void throttlingOrUnavailabilityAfterRetriesExitWithSix() {
        emulator.faults().next(EmulatorOperation.LIST_ROLES, EmulatorFault.QUOTA_EXHAUSTED, 1);
        Cli.Result quota = cli.run("list");
        emulator.faults().next(EmulatorOperation.GET_ROLE_GROUP, EmulatorFault.BUSY, 10);
        Cli.Result busy = cli.run("get-group", "--group-id", "1507113577");

        assertThat(quota.exitCode()).isEqualTo(6);
        assertThat(quota.err()).contains("errcode 90020");
        assertThat(busy.exitCode()).isEqualTo(6);
        assertThat(busy.err()).contains("errcode -1").hasLineCount(1);
        assertThat(emulator.requestCount(EmulatorOperation.GET_ROLE_GROUP)).isEqualTo(4);
    }

    @Test
    void retriesTransientFailuresAndSucceeds() throws Exception {
        emulator.faults().next(EmulatorOperation.ADD_ROLE_GROUP, EmulatorFault.COMMIT_THEN_BUSY, 1);

        JsonNode group = ok(cli.json("add-group", "--name", "HR"));

        assertThat(group.get("name").asText()).isEqualTo("HR");
        JsonNode all = ok(cli.json("list", "--all"));
        assertThat(all.get("groups").findValuesAsText("name")).containsOnlyOnce("HR");
    }

    @Test
    void anUnreachableServerExitsWithSix() {
        String url = emulator.baseUrl();
        emulator.close();

        Cli.Result result = cli.env("DINGTALK_BASE_URL", url).run("list");

        assertThat(result.exitCode()).isEqualTo(6);
        assertThat(result.err()).startsWith("error: ").hasLineCount(1);
    }

    @Test
    void aMalformedBaseUrlIsBadUsage() {
        Cli.Result result = cli.env("DINGTALK_BASE_URL", "not a url").run("list");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    }

    @Test
    void serveRefusesTheDingTalkBackend() {
        Cli.Result result = cli.run("serve");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("serve runs in front of the local store");
    }
}
