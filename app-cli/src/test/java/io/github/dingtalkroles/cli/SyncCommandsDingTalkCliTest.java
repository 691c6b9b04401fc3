package io.github.dingtalkroles.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.domain.Department;
import io.github.dingtalkroles.domain.Employee;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.emulator.DingTalkEmulator;
import io.github.dingtalkroles.emulator.EmulatorFault;
import io.github.dingtalkroles.emulator.EmulatorOperation;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code roles plan}, {@code apply} and {@code export} with {@code --backend dingtalk}, over real HTTP to
 * the DingTalk emulator, with members and management scopes.
 */
class SyncCommandsDingTalkCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sync-app";
    private static final String SECRET = "sync-secret-9c1e4b";
    private static final String ROLES = """
            groups:
              - name: HR
                roles:
                  - name: Recruiter
                    members: [user100, user101]
                  - name: Payroll Admin
                    members:
                      - user: user200
                        scope: [12, 34]
            """;

    @TempDir
    Path dir;
    private InMemoryRoleDirectory org;
    private DingTalkEmulator emulator;
    private Cli cli;

    @BeforeEach
    void startEmulator() {
        InMemoryRoleDirectory.Builder roster = InMemoryRoleDirectory.builder()
                .department(new Department(DeptId.of(12), "Sales"))
                .department(new Department(DeptId.of(34), "Support"));
        for (String user : List.of("user100", "user101", "user102", "user200")) {
            roster.employee(new Employee(UserId.of(user), "Name " + user, List.of(DeptId.of(12))));
        }
        org = roster.build();
        emulator = DingTalkEmulator.builder().directory(org).appCredentials(KEY, SECRET).start();
        cli = Cli.withDingTalk(emulator.baseUrl(), KEY, SECRET);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    private Path write(String name, String yaml) throws Exception {
        return Files.writeString(dir.resolve(name), yaml, StandardCharsets.UTF_8);
    }

    private static String ok(Cli.Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).as(result.toString()).isEmpty();
        assertThat(result.out() + result.err()).doesNotContain(SECRET);
        return result.out();
    }

    @Test
    void appliesGroupsRolesMembersAndScopesThenPlansNothing() throws Exception {
        Path file = write("roles.yaml", ROLES);

        String plan = ok(cli.run("plan", "--file", file.toString()));
        JsonNode applied = JSON.readTree(ok(cli.json("apply", "--file", file.toString())));

        assertThat(plan).isEqualTo("""
                + create group  HR
                + add role      HR / Recruiter
                + add role      HR / Payroll Admin
                + grant         HR / Recruiter: user100
                + grant         HR / Recruiter: user101
                + grant         HR / Payroll Admin: user200
                ~ set scope     HR / Payroll Admin: user200 manages departments 12, 34 (was the whole organisation)
                Plan: 7 changes (1 group to create, 2 roles to add, 3 grants, 1 scope to set).
                """);
        JsonNode changes = applied.get("changes");
        assertThat(changes).hasSize(7);
        long hr = changes.get(0).get("groupId").asLong();
        long recruiter = changes.get(1).get("roleId").asLong();
        assertThat(changes.get(0)).isEqualTo(JSON.readTree("""
                {"action": "create-group", "group": "HR", "groupId": %d}""".formatted(hr)));
        assertThat(changes.get(3)).isEqualTo(JSON.readTree("""
                {"action": "grant", "group": "HR", "role": "Recruiter", "roleId": %d, "userId": "user100"}"""
                .formatted(recruiter)));
        assertThat(changes.get(6).get("deptIds")).isEqualTo(JSON.readTree("[12, 34]"));
        assertThat(applied.get("summary").get("total").asInt()).isEqualTo(7);
        assertThat(org.allMembers(RoleId.of(recruiter)).map(m -> m.userId().value())).containsExactly("user100", "user101");

        assertThat(cli.run("plan", "--file", file.toString(), "--prune", "--detailed-exitcode").exitCode()).isZero();
    }

    @Test
    void exportWithMembersThenPlanShowsNoChanges() throws Exception {
        ok(cli.run("apply", "--file", write("roles.yaml", ROLES).toString()));

        String exported = ok(cli.run("export", "--members"));
        Path a = write("a.yaml", exported);

        assertThat(exported).contains("""
                      - name: Payroll Admin
                        id: 1507113602
                        members:
                          - user: user200
                            scope:
                              - 12
                              - 34
                """);
        assertThat(ok(cli.run("plan", "--file", a.toString(), "--prune"))).startsWith("No changes");
    }

    @Test
    void pruneRevokesWhatTheFileLeavesOutAndSaysSo() throws Exception {
        ok(cli.run("apply", "--file", write("roles.yaml", ROLES).toString()));
        Path fewer = write("fewer.yaml", ROLES.replace("[user100, user101]", "[user100]"));

        String withoutPrune = ok(cli.run("plan", "--file", fewer.toString()));
        String withPrune = ok(cli.run("apply", "--file", fewer.toString(), "--prune"));

        assertThat(withoutPrune).startsWith("No changes");
        assertThat(withPrune).isEqualTo("""
                - revoke        HR / Recruiter: user101
                Applied 1 change (1 revoke).
                """);
    }

    @Test
    void aFailurePartWaySaysHowFarItGotAndExitsWithTheFailuresCode() throws Exception {
        Path file = write("roles.yaml", """
                groups:
                  - name: HR
                    roles:
                      - name: Recruiter
                        members: [nobody]
                      - name: Payroll Admin
                """);

        Cli.Result failed = cli.run("apply", "--file", file.toString());

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(3);
        assertThat(failed.out()).isEqualTo("""
                + create group  HR
                + add role      HR / Recruiter
                + add role      HR / Payroll Admin
                Applied 3 changes (1 group created, 2 roles added).
                """);
        assertThat(failed.err()).startsWith("error: applied 3 of 4 changes, then failed: ").contains("nobody")
                .endsWith(" (plan again and apply to finish)\n").hasLineCount(1);
        assertThat(failed.out() + failed.err()).doesNotContain(SECRET);
        Cli.Result asJson = cli.json("apply", "--file", file.toString());
        JsonNode error = JSON.readTree(asJson.err()).get("error");
        assertThat(asJson.exitCode()).isEqualTo(3);
        assertThat(error.get("message").asText()).startsWith("applied 0 of 1 changes, then failed: ");
        assertThat(error.get("errcode").isNumber()).as(asJson.err()).isTrue();

        Path fixed = write("fixed.yaml", ROLES);
        ok(cli.run("apply", "--file", fixed.toString()));
        assertThat(ok(cli.run("plan", "--file", fixed.toString()))).startsWith("No changes");
    }

    @Test
    void aFailedReadMakesNoPlanAndChangesNothing() throws Exception {
        org.addRole(org.addRoleGroup(RoleGroupName.of("HR")).id(), RoleName.of("Recruiter"));
        emulator.faults().next(EmulatorOperation.LIST_ROLES, EmulatorFault.HTTP_500, 10);

        Cli.Result failed = cli.run("apply", "--file", write("roles.yaml", ROLES).toString(), "--prune");

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(6);
        assertThat(failed.out()).isEmpty();
        assertThat(emulator.requestCount(EmulatorOperation.ADD_ROLE)).isZero();
        assertThat(emulator.requestCount(EmulatorOperation.GRANT_ROLES)).isZero();
    }
}
