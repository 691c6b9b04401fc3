package io.github.dingtalkroles.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code roles plan}, {@code apply} and {@code export} on the local store. */
class SyncCommandsLocalCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLES = """
            groups:
              - name: HR
                roles:
                  - name: Recruiter
                  - name: Payroll Admin
              - name: Sales
                roles:
                  - name: Rep
            """;

    @TempDir
    Path dir;
    Path store;
    Path file;
    Cli cli;

    @BeforeEach
    void freshStore() throws Exception {
        store = dir.resolve("directory.json");
        file = write("roles.yaml", ROLES);
        cli = Cli.withStore(store);
    }

    private Path write(String name, String yaml) throws Exception {
        return Files.writeString(dir.resolve(name), yaml, StandardCharsets.UTF_8);
    }

    private static String ok(Cli.Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).as(result.toString()).isEmpty();
        return result.out();
    }

    @Test
    void planShowsEachChangeWithItsMarkAndASummaryAndChangesNothing() {
        String plan = ok(cli.run("plan", "--file", file.toString()));

        assertThat(plan).isEqualTo("""
                + create group  HR
                + create group  Sales
                + add role      HR / Recruiter
                + add role      HR / Payroll Admin
                + add role      Sales / Rep
                Plan: 5 changes (2 groups to create, 3 roles to add).
                """);
        assertThat(store).as("plan creates nothing").doesNotExist();
    }

    @Test
    void detailedExitCodeSaysWhetherThereAreChanges() {
        assertThat(cli.run("plan", "--file", file.toString(), "--detailed-exitcode").exitCode()).isEqualTo(10);
        assertThat(cli.run("plan", "--file", file.toString()).exitCode()).isZero();

        ok(cli.run("apply", "--file", file.toString()));

        assertThat(cli.run("plan", "--file", file.toString(), "--detailed-exitcode").exitCode()).isZero();
    }

    @Test
    void applyPrintsWhatItDidWithTheNewIdsAndASecondPlanIsEmpty() {
        String applied = ok(cli.run("apply", "--file", file.toString()));

        assertThat(applied).isEqualTo("""
                + create group  HR (id 1507113600)
                + create group  Sales (id 1507113601)
                + add role      HR / Recruiter (id 1507113602)
                + add role      HR / Payroll Admin (id 1507113603)
                + add role      Sales / Rep (id 1507113604)
                Applied 5 changes (2 groups created, 3 roles added).
                """);
        assertThat(ok(cli.run("plan", "--file", file.toString())))
                .isEqualTo("No changes: the roles are as " + file + " describes.\n");
        assertThat(ok(cli.run("apply", "--file", file.toString()))).isEqualTo("No changes applied.\n");
    }

    @Test
    void planAsJsonListsTheChangesAndASummary() throws Exception {
        ok(cli.run("apply", "--file", file.toString()));
        Path renamed = write("renamed.yaml", """
                groups:
                  - name: HR
                    roles:
                      - name: Talent Partner
                        id: 1507113602
                """);

        JsonNode plan = JSON.readTree(ok(cli.json("plan", "--file", renamed.toString(), "--prune")));

        assertThat(plan).isEqualTo(JSON.readTree("""
                {"changes": [
                   {"action": "rename-role", "group": "HR", "role": "Talent Partner", "roleId": 1507113602,
                    "from": "Recruiter"},
                   {"action": "delete-role", "group": "HR", "role": "Payroll Admin", "roleId": 1507113603}],
                 "summary": {"createGroup": 0, "renameRole": 1, "addRole": 0, "grant": 0, "setScope": 0,
                             "revoke": 0, "deleteRole": 1, "total": 2, "applyNeedsForce": false}}
                """));
    }

    @Test
    void exportThenPlanShowsNoChanges() throws Exception {
        ok(cli.run("apply", "--file", file.toString()));
        ok(cli.run("add-role", "--group-id", "1507113601", "--name", "Lead"));

        String exported = ok(cli.run("export"));
        Path a = write("a.yaml", exported);

        assertThat(exported).startsWith("groups:\n  - name: Default\n").contains("""
                  - name: Sales
                    roles:
                      - name: Rep
                        id: 1507113604
                      - name: Lead
                        id: 1507113605
                """);
        assertThat(ok(cli.run("plan", "--file", a.toString(), "--prune", "--detailed-exitcode")))
                .startsWith("No changes");
    }

    @Test
    void exportWithMembersThenPlanShowsNoChangesOnAStoreWithGroupsRolesMembersAndScopes() throws Exception {
        ok(cli.run("add-department", "--dept-id", "12", "--name", "Sales"));
        ok(cli.run("add-department", "--dept-id", "34", "--name", "Support"));
        ok(cli.run("add-employee", "--user-id", "ann", "--name", "Ann Lee", "--dept-id", "12"));
        ok(cli.run("add-employee", "--user-id", "bob", "--name", "Bob Ma"));
        ok(cli.run("apply", "--file", file.toString()));
        ok(cli.run("grant", "--role-id", "1507113602,1507113603", "--user-id", "ann,bob"));
        ok(cli.run("set-scope", "--role-id", "1507113603", "--user-id", "ann", "--dept-id", "34,12"));

        String exported = ok(cli.run("export", "--members"));
        Path a = write("a.yaml", exported);
        Cli.Result plan = cli.run("plan", "--file", a.toString(), "--prune", "--detailed-exitcode");

        assertThat(exported).contains("""
                  - name: HR
                    roles:
                      - name: Recruiter
                        id: 1507113602
                        members:
                          - ann
                          - bob
                      - name: Payroll Admin
                        id: 1507113603
                        members:
                          - user: ann
                            scope:
                              - 34
                              - 12
                          - bob
                """);
        assertThat(ok(plan)).isEqualTo("No changes: the roles are as " + a + " describes.\n");
    }

    @Test
    void plansAndAppliesMembersAndScopesOnTheLocalStore() throws Exception {
        ok(cli.run("add-department", "--dept-id", "12", "--name", "Sales"));
        ok(cli.run("add-employee", "--user-id", "ann", "--name", "Ann Lee", "--dept-id", "12"));
        ok(cli.run("add-employee", "--user-id", "bob", "--name", "Bob Ma"));
        Path staffed = write("staffed.yaml", """
                groups:
                  - name: HR
                    roles:
                      - name: Recruiter
                        members:
                          - user: ann
                            scope: [12]
                          - bob
                """);
        Path onlyAnn = write("ann.yaml", """
                groups:
                  - name: HR
                    roles:
                      - name: Recruiter
                        members:
                          - user: ann
                            scope: [12]
                """);

        String applied = ok(cli.run("apply", "--file", staffed.toString()));
        String pruned = ok(cli.run("apply", "--file", onlyAnn.toString(), "--prune"));

        assertThat(applied).contains("+ grant         HR / Recruiter: ann\n", "+ grant         HR / Recruiter: bob\n",
                "~ set scope     HR / Recruiter: ann manages department 12 (was the whole organisation)\n");
        assertThat(pruned).isEqualTo("""
                - revoke        HR / Recruiter: bob
                Applied 1 change (1 revoke).
                """);
        assertThat(JSON.readTree(ok(cli.json("members", "--role-id", "1507113601"))).get("members"))
                .hasSize(1);
    }

    @Test
    void aMalformedFileExitsWithTwoNamingFileLineAndColumn() throws Exception {
        Path bad = write("bad.yaml", "groups:\n  - name: HR\n    roles:\n      - name: [Recruiter\n");
        Path unknownKey = write("key.yaml", "groups:\n  - name: HR\n    colour: red\n");

        Cli.Result malformed = cli.run("plan", "--file", bad.toString());
        Cli.Result key = cli.run("apply", "--file", unknownKey.toString());
        Cli.Result json = cli.json("plan", "--file", unknownKey.toString());

        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).startsWith("error: " + bad + ":5:1: malformed YAML: ").hasLineCount(1);
        assertThat(key.exitCode()).isEqualTo(2);
        assertThat(key.err()).isEqualTo("error: " + unknownKey + ":3:5: unknown key \"colour\" in a group"
                + " (expected name, roles)\n");
        assertThat(JSON.readTree(json.err()).get("error").get("message").asText())
                .isEqualTo(unknownKey + ":3:5: unknown key \"colour\" in a group (expected name, roles)");
        assertThat(store).doesNotExist();
    }

    @Test
    void aMissingFileIsAUsageError() {
        Cli.Result result = cli.run("plan", "--file", dir.resolve("nope.yaml").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no such readable file").hasLineCount(1);
    }

    @Test
    void aPruneOverTheLimitIsRefusedUnlessForced() throws Exception {
        StringBuilder many = new StringBuilder("groups:\n  - name: Big\n    roles:\n");
        for (int i = 1; i <= 11; i++) {
            many.append("      - name: R").append(i).append('\n');
        }
        ok(cli.run("apply", "--file", write("many.yaml", many.toString()).toString()));
        Path none = write("none.yaml", "groups:\n  - name: Big\n    roles: []\n");
        String before = Files.readString(store);

        String plan = ok(cli.run("plan", "--file", none.toString(), "--prune"));
        Cli.Result refused = cli.run("apply", "--file", none.toString(), "--prune");

        assertThat(plan).contains("- delete role   Big / R11 (role ").contains("Plan: 11 changes (11 roles to delete).")
                .endsWith("Apply will refuse this plan: it removes 11 (role, user) pairs and roles, more than the"
                        + " prune limit of 10 (--force applies it).\n");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("the plan removes 11 (role, user) pairs and roles, more than the prune"
                + " limit of 10; nothing was applied").hasLineCount(1);
        assertThat(Files.readString(store)).isEqualTo(before);

        assertThat(ok(cli.run("apply", "--file", none.toString(), "--prune", "--force")))
                .endsWith("Applied 11 changes (11 roles deleted).\n");
    }

    @Test
    void aChangeToTheDefaultGroupIsRefusedBeforeAnythingIsPlanned() throws Exception {
        Path boss = write("boss.yaml", "groups:\n  - name: Default\n    roles:\n      - name: Boss\n");

        Cli.Result result = cli.run("apply", "--file", boss.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: the Default group (\"Default\") has no role \"Boss\"")
                .contains("the Default group may be listed only as it is").hasLineCount(1);
        assertThat(store).doesNotExist();
    }
}
