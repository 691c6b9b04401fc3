package io.github.dingtalkroles.sync.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.sync.DesiredGroup;
import io.github.dingtalkroles.sync.DesiredMember;
import io.github.dingtalkroles.sync.DesiredRole;
import io.github.dingtalkroles.sync.DesiredState;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DesiredStateYamlTest {
    /** The example of the issue, with a pinned id added. */
    private static final String EXAMPLE = """
            groups:
              - name: HR
                roles:
                  - name: Recruiter
                    members: [user100, user101]
                  - name: Payroll Admin
                    id: 1507113605
                    members:
                      - user: user200
                        scope: [12, 34]        # departments it manages; omitted = whole organisation
                  - name: Auditor
            """;

    private static DesiredState read(String yaml) {
        return DesiredStateYaml.read(new StringReader(yaml), "roles.yaml");
    }

    private static String write(DesiredState state) {
        StringWriter out = new StringWriter();
        DesiredStateYaml.write(state, out);
        return out.toString();
    }

    @Test
    void readsTheIssuesExample() {
        DesiredState state = read(EXAMPLE);

        assertThat(state).isEqualTo(DesiredState.of(DesiredGroup.of(RoleGroupName.of("HR"),
                DesiredRole.named(RoleName.of("Recruiter")).withMembers(List.of(
                        DesiredMember.of(UserId.of("user100")), DesiredMember.of(UserId.of("user101")))),
                DesiredRole.named(RoleName.of("Payroll Admin")).withId(RoleId.of(1507113605)).withMembers(List.of(
                        new DesiredMember(UserId.of("user200"), ManagementScope.of(DeptId.of(12), DeptId.of(34))))),
                DesiredRole.named(RoleName.of("Auditor")))));
    }

    @Test
    void readsValuesAsWrittenNotAsYamlGuessesTheirType() {
        DesiredState state = read("""
                groups:
                  - name: 2024
                    roles:
                      - name: yes
                        members: [007, true, 1e3]
                """);

        DesiredGroup group = state.groups().get(0);
        assertThat(group.name().value()).isEqualTo("2024");
        assertThat(group.roles().get(0).name().value()).isEqualTo("yes");
        assertThat(group.roles().get(0).members().orElseThrow()).extracting(m -> m.user().value())
                .containsExactly("007", "true", "1e3");
    }

    @Test
    void writesWhatItReadsBackEqualIncludingNamesYamlWouldMisread() {
        DesiredState state = DesiredState.of(
                DesiredGroup.of(RoleGroupName.of("HR: main"),
                        DesiredRole.named(RoleName.of("null")).withId(RoleId.of(5)).withMembers(List.of(
                                DesiredMember.of(UserId.of("007")),
                                new DesiredMember(UserId.of("true"), ManagementScope.of(DeptId.of(12), DeptId.of(34))))),
                        DesiredRole.named(RoleName.of("- x #y")),
                        DesiredRole.named(RoleName.of("123")).withMembers(List.of()),
                        DesiredRole.named(RoleName.of("~")),
                        DesiredRole.named(RoleName.of("'q\"")),
                        DesiredRole.named(RoleName.of("[a, b]")),
                        DesiredRole.named(RoleName.of("默认 😀"))),
                DesiredGroup.of(RoleGroupName.of("Empty")));

        String yaml = write(state);

        assertThat(read(yaml)).isEqualTo(state);
        assertThat(yaml).startsWith("groups:\n  - name: \"HR: main\"\n");
    }

    @Test
    void writesMembersOfTheWholeOrganisationAsPlainUserIdsAndOthersWithTheirScope() {
        String yaml = write(DesiredState.of(DesiredGroup.of(RoleGroupName.of("HR"),
                DesiredRole.named(RoleName.of("Payroll")).withId(RoleId.of(9)).withMembers(List.of(
                        DesiredMember.of(UserId.of("ann")),
                        new DesiredMember(UserId.of("bob"), ManagementScope.of(DeptId.of(12))))))));

        assertThat(yaml).isEqualTo("""
                groups:
                  - name: HR
                    roles:
                      - name: Payroll
                        id: 9
                        members:
                          - ann
                          - user: bob
                            scope:
                              - 12
                """);
    }

    @Test
    void readsAFileAndNamesItInErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("roles.yaml");
        Files.writeString(file, EXAMPLE, StandardCharsets.UTF_8);
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "groups:\n  - name: HR\n    colour: red\n", StandardCharsets.UTF_8);

        assertThat(DesiredStateYaml.read(file)).isEqualTo(read(EXAMPLE));
        assertThatThrownBy(() -> DesiredStateYaml.read(broken))
                .isInstanceOf(DesiredStateFileException.class)
                .hasMessage(broken + ":3:5: unknown key \"colour\" in a group (expected name, roles)");
        assertThatThrownBy(() -> DesiredStateYaml.read(dir.resolve("missing.yaml")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("missing.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty file                  | ''                                                              | 1 | 1  | the file is empty
            not a map                   | '- a'                                                           | 1 | 1  | expected the file as a map, found a list
            no groups                   | 'roles: []'                                                     | 1 | 1  | unknown key "roles" in the file (expected groups)
            groups not a list           | 'groups: HR'                                                    | 1 | 9  | expected a list of groups, found a value
            malformed YAML              | 'groups:\\n  - name: [HR\\n'                                    | 3 | 1  | malformed YAML:
            tab indentation             | 'groups:\\n\\t- name: HR\\n'                                    | 2 | 1  | malformed YAML:
            unknown key                 | 'groups:\\n  - name: HR\\n    rols: []\\n'                      | 3 | 5  | unknown key "rols" in a group (expected name, roles)
            repeated key                | 'groups:\\n  - name: HR\\n    name: IT\\n'                      | 3 | 5  | key "name" appears twice in this map
            group without name          | 'groups:\\n  - roles: []\\n'                                    | 2 | 5  | a group needs a "name"
            blank group name            | 'groups:\\n  - name: "  "\\n'                                   | 2 | 11 | role group name: names must not be blank
            name is a list              | 'groups:\\n  - name: [a]\\n'                                    | 2 | 11 | expected a name, found a list
            role listed twice           | 'groups:\\n  - name: HR\\n    roles:\\n      - name: A\\n      - name: A\\n' | 5 | 15 | role "A" is listed twice in group "HR"
            group listed twice          | 'groups:\\n  - name: HR\\n  - name: HR\\n'                      | 3 | 11 | group "HR" is listed twice
            id not a number             | 'groups:\\n  - name: HR\\n    roles:\\n      - name: A\\n        id: abc\\n' | 5 | 13 | expected a whole number, found "abc"
            id not positive             | 'groups:\\n  - name: HR\\n    roles:\\n      - name: A\\n        id: -4\\n' | 5 | 13 | role id: ids must be positive (got -4)
            members left empty          | 'groups:\\n  - name: HR\\n    roles:\\n      - name: A\\n        members:\\n' | 5 | 17 | expected a list of members (write [] for none), found an empty value
            user id with a comma        | 'groups:\\n  - name: HR\\n    roles:\\n      - name: A\\n        members: [ok, "a,b"]\\n' | 5 | 23 | user id: user ids must not contain whitespace, control characters or commas
            user listed twice           | 'groups:\\n  - name: HR\\n    roles:\\n      - name: A\\n        members: [u1, u2, u1]\\n' | 5 | 27 | user u1 is listed twice for role "A"
            scope entry not a number    | 'groups:\\n  - name: HR\\n    roles:\\n      - name: A\\n        members: [{user: u1, scope: [1, x]}]\\n' | 5 | 41 | expected a whole number, found "x"
            member key unknown          | 'groups:\\n  - name: HR\\n    roles:\\n      - name: A\\n        members: [{user: u1, scopes: [1]}]\\n' | 5 | 30 | unknown key "scopes" in a member (expected scope, user)
            alias                       | 'groups:\\n  - name: &n HR\\n  - name: *n\\n'                   | 3 | 11 | aliases (*n) are not supported
            second document             | 'groups: []\\n---\\ngroups: []\\n'                              | 3 | 1  | only one YAML document is expected
            """)
    void reportsEachProblemWithFileLineAndColumn(String what, String yaml, int line, int column, String problem) {
        String text = yaml.replace("\\n", "\n").replace("\\t", "\t");

        assertThatThrownBy(() -> read(text))
                .as(what)
                .isInstanceOfSatisfying(DesiredStateFileException.class, e -> {
                    assertThat(e.source()).isEqualTo("roles.yaml");
                    assertThat(e.problem()).startsWith(problem);
                    assertThat(e.line() + ":" + e.column()).isEqualTo(line + ":" + column);
                    assertThat(e.getMessage()).isEqualTo("roles.yaml:" + line + ":" + column + ": " + e.problem())
                            .doesNotContain("\n");
                });
    }

    @Test
    void refusesAScopeOfMoreThanFiftyDepartmentsAtTheScope() {
        String scope = String.join(", ", java.util.stream.IntStream.rangeClosed(1, 51).mapToObj(Integer::toString).toList());

        assertThatThrownBy(() -> read("groups:\n  - name: HR\n    roles:\n      - name: A\n        members:\n"
                + "          - user: u1\n            scope: [" + scope + "]\n"))
                .isInstanceOfSatisfying(DesiredStateFileException.class, e -> {
                    assertThat(e.line() + ":" + e.column()).isEqualTo("7:20");
                    assertThat(e.problem()).contains("at most 50 departments");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"groups: []", "groups: []\n", "# nothing yet\ngroups: []\n"})
    void readsAStateWithNoGroups(String yaml) {
        assertThat(read(yaml)).isEqualTo(DesiredState.empty());
    }
}
