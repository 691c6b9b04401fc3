package io.github.dingtalkroles.localfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dingtalkroles.domain.Department;
import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.domain.Employee;
import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.inmemory.DirectorySnapshot;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Format version 2, as this version writes it, and version 1, as every earlier version of the store wrote it. */
class StoreFormatTest {
    private static byte[] resource(String name) throws IOException {
        try (InputStream in = StoreFormatTest.class.getResourceAsStream("/" + name)) {
            return in.readAllBytes();
        }
    }

    /** Version 1, written by the first writer of this format (Jackson databind, default pretty printer). */
    private static byte[] goldenFile() throws IOException {
        return resource("store-v1-written-by-databind.json");
    }

    /** Version 2, as this version writes {@link #sampleWithMembers()}. */
    private static byte[] goldenFileV2() throws IOException {
        return resource("store-v2.json");
    }

    /** The roles of both golden files: Default, a group with non-ASCII, quoted and astral names, an empty group. */
    private static InMemoryRoleDirectory sampleDirectory() {
        InMemoryRoleDirectory directory = InMemoryRoleDirectory.builder()
                .department(new Department(DeptId.of(12), "销售 \"Sales\""))
                .department(new Department(DeptId.of(7), "Legal"))
                .employee(new Employee(UserId.of("ann"), "Ann \uD83D\uDE00", List.of(DeptId.of(12), DeptId.of(7))))
                .employee(new Employee(UserId.of("bob@x"), "Bob", List.of()))
                .build();
        RoleGroup group = directory.addRoleGroup(RoleGroupName.of("人事 \"HR\" \\ team"));
        directory.addRole(group.id(), RoleName.of("Recruiter \uD83D\uDE00 é"));
        directory.addRole(group.id(), RoleName.of("a/b<c>&'d"));
        directory.addRoleGroup(RoleGroupName.of("Empty"));
        return directory;
    }

    /** What the version 1 golden file holds: the sample's roles, no roster. */
    private static DirectorySnapshot sample() {
        DirectorySnapshot full = sampleDirectory().snapshot();
        return new DirectorySnapshot(full.groups(), full.nextId());
    }

    /** What the version 2 golden file holds: the roles, two departments, two employees, members with scopes. */
    private static DirectorySnapshot sampleWithMembers() {
        InMemoryRoleDirectory directory = sampleDirectory();
        RoleId recruiter = RoleId.of(1507113601L);
        RoleId other = RoleId.of(1507113602L);
        directory.grant(List.of(recruiter), List.of(UserId.of("bob@x"), UserId.of("ann")));
        directory.grant(List.of(other), List.of(UserId.of("ann")));
        directory.setScope(recruiter, UserId.of("ann"), ManagementScope.of(DeptId.of(7), DeptId.of(12)));
        return directory.snapshot();
    }

    private static DirectorySnapshot read(String content) {
        return StoreFormat.read(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writesTheBytesOfTheVersion2GoldenFile() throws Exception {
        assertThat(new String(StoreFormat.write(sampleWithMembers()), StandardCharsets.UTF_8))
                .isEqualTo(new String(goldenFileV2(), StandardCharsets.UTF_8));
    }

    @Test
    void readsTheVersion2GoldenFile() throws Exception {
        assertThat(StoreFormat.read(goldenFileV2())).isEqualTo(sampleWithMembers());
    }

    @Test
    void readsTheVersion1GoldenFileWithEveryRoleAndAnEmptyRoster() throws Exception {
        assertThat(StoreFormat.read(goldenFile())).isEqualTo(sample());
    }

    @Test
    void readsAVersion1FileWrittenByTheRolesCommandOfThatVersion() throws Exception {
        // Written by roles 0.1.0-SNAPSHOT (store version 1): add-group HR, add-role Recruiter and Payroll Admin,
        // add-group '人事 "Ops"', add-role Temp, update-role --role-id 1507113601 --name 'Talent Partner 😀'.
        DirectorySnapshot read = StoreFormat.read(resource("store-v1-written-by-roles-cli.json"));

        assertThat(read.nextId()).isEqualTo(1507113605L);
        assertThat(read.groups()).extracting(g -> g.name().value()).containsExactly("Default", "HR", "人事 \"Ops\"");
        assertThat(read.groups().get(0).roles()).hasSize(4);
        assertThat(read.groups().get(1).roles()).extracting(r -> r.id().value() + " " + r.name().value())
                .containsExactly("1507113601 Talent Partner \uD83D\uDE00", "1507113602 Payroll Admin");
        assertThat(read.groups().get(2).roles()).extracting(r -> r.id().value() + " " + r.name().value())
                .containsExactly("1507113604 Temp");
        assertThat(read.departments()).isEmpty();
        assertThat(read.employees()).isEmpty();
        assertThat(read.memberships()).isEmpty();
    }

    @Test
    void readsWhatItWritesAlwaysAsVersion2() {
        assertThat(StoreFormat.read(StoreFormat.write(sampleWithMembers()))).isEqualTo(sampleWithMembers());
        assertThat(StoreFormat.read(StoreFormat.write(sample()))).isEqualTo(sample());
        assertThat(new String(StoreFormat.write(sample()), StandardCharsets.UTF_8))
                .contains("\"version\" : 2,").contains("\"departments\" : [ ]").contains("\"memberships\" : [ ]");
    }

    @Test
    void readsFieldsInAnyOrderIgnoresUnknownOnesAndTakesTheLastOfARepeatedField() {
        DirectorySnapshot snapshot = read("""
                {"groups": [{"roles": [], "extra": {"deep": [1, 2.5, {"z": null}]}, "name": "Renamed",
                             "id": 1507113577, "name": "Default"}],
                 "nextId": 1507113600, "comment": true,
                 "version": 2, "version": 1, "format": "dingtalk-roles-store"}
                """);

        assertThat(snapshot.nextId()).isEqualTo(1507113600L);
        assertThat(snapshot.groups()).singleElement()
                .satisfies(g -> assertThat(g.name().value()).isEqualTo("Default"))
                .satisfies(g -> assertThat(g.roles()).isEmpty());
    }

    /** Each line: content | the start of the message. The messages of version 1 content are the ones every earlier reader gave. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ``                                    | is not a JSON object
            `   `                                 | is not a JSON object
            null                                  | is not a JSON object
            []                                    | is not a JSON object
            "str"                                 | is not a JSON object
            not json                              | is not valid JSON (Unrecognized token 'not': was expecting
            { torn                                | is not valid JSON (Unexpected character ('t' (code 116)): was expecting double-quote to start field name)
            {"format":"dingtalk-roles-store","version":1,"nextId":5,"groups":[ | is not valid JSON (Unexpected end-of-input: expected close marker for Array
            {}                                    | is not a dingtalk-roles store (no "format":"dingtalk-roles-store")
            {"format":7,"version":1}              | is not a dingtalk-roles store
            {"format":"dingtalk-roles-store"}     | has format version , which this version of roles does not know (it reads versions 1 and 2)
            {"format":"dingtalk-roles-store","version":"1"}          | has format version "1", which
            {"format":"dingtalk-roles-store","version":1.0}          | has format version 1.0, which
            {"format":"dingtalk-roles-store","version":7}            | has format version 7, which
            {"format":"dingtalk-roles-store","version":null}         | has format version null, which
            {"format":"dingtalk-roles-store","version":{"a":[1,2]}}  | has format version {"a":[1,2]}, which
            {"format":"dingtalk-roles-store","version":1,"groups":[]}              | has no whole number "nextId" in {"format":"dingtalk-roles-store","version":1,"groups":[]}
            {"format":"dingtalk-roles-store","version":1,"nextId":5.5,"groups":[]} | has no whole number "nextId" in {"format":"dingtalk-roles-store","version":1,"nextId":5.5,
            {"format":"dingtalk-roles-store","version":1,"nextId":99999999999999999999,"groups":[]} | has no whole number "nextId" in {"format":"dingtalk-roles-store","version":1,"nextId":99999999999999999999,"g...
            {"format":"dingtalk-roles-store","version":1,"nextId":5}               | has no array "groups" in {"format":"dingtalk-roles-store","version":1,"nextId":5}
            {"format":"dingtalk-roles-store","version":1,"nextId":5,"groups":{}}   | has no array "groups" in
            {"format":"dingtalk-roles-store","version":1,"nextId":5,"groups":[]}   | snapshot: a directory holds exactly one Default group (found 0)
            {"format":"dingtalk-roles-store","version":1,"nextId":9,"groups":[1]}  | has no whole number "id" in 1
            {"format":"dingtalk-roles-store","version":1,"nextId":9,"groups":[{"name":"x","roles":[]}]}                  | has no whole number "id" in {"name":"x","roles":[]}
            {"format":"dingtalk-roles-store","version":1,"nextId":9,"groups":[{"id":1e3,"name":"x","roles":[]}]}         | has no whole number "id" in {"id":1000.0,"name":"x","roles":[]}
            {"format":"dingtalk-roles-store","version":1,"nextId":9,"groups":[{"id":true,"name":"x","roles":[]}]}        | has no whole number "id"
            {"format":"dingtalk-roles-store","version":1,"nextId":9,"groups":[{"id":1,"roles":[]}]}                      | has no text "name" in {"id":1,"roles":[]}
            {"format":"dingtalk-roles-store","version":1,"nextId":9,"groups":[{"id":1,"name":null,"roles":[]}]}          | has no text "name" in {"id":1,"name":null,"roles":[]}
            {"format":"dingtalk-roles-store","version":1,"nextId":9,"groups":[{"id":1,"name":"x"}]}                      | has no array "roles" in {"id":1,"name":"x"}
            {"format":"dingtalk-roles-store","version":1,"nextId":9,"groups":[{"id":1,"name":"x","roles":[3]}]}          | has no whole number "id" in 3
            {"format":"dingtalk-roles-store","version":1,"nextId":9,"groups":[{"id":1,"name":"Default","roles":[{"id":"2","name":"x"}]}]} | has no whole number "id" in {"id":"2","name":"x"}
            {"format":"dingtalk-roles-store","version":1,"nextId":9,"groups":[{"id":1,"name":"Default","roles":[{"id":2,"name":" "}]}]}  | role name: names must not be blank
            {"format":"dingtalk-roles-store","version":1,"nextId":9,"groups":[{"id":-1,"name":"x","roles":[]}]}          | role group id: ids must be positive
            {"format":"dingtalk-roles-store","version":1,"nextId":9,"groups":[{"id":1,"name":"x","roles":[]},{"id":1,"name":"y","roles":[]}]} | snapshot: role group id 1 appears twice
            {'format':'dingtalk-roles-store'}     | is not valid JSON (Unexpected character (''' (code 39))
            {"format":"dingtalk-roles-store","version":3}            | has format version 3, which this version of roles does not know (it reads versions 1 and 2)
            {"format":"dingtalk-roles-store","version":2,"nextId":1507113600,"groups":[{"id":1507113577,"name":"Default","roles":[]}]} | has no array "departments" in
            {"format":"dingtalk-roles-store","version":2,"nextId":1507113600,"groups":[{"id":1507113577,"name":"Default","roles":[]}],"departments":[],"employees":[]} | has no array "memberships" in
            {"format":"dingtalk-roles-store","version":2,"nextId":1507113600,"groups":[{"id":1507113577,"name":"Default","roles":[]}],"departments":[{"id":0,"name":"x"}],"employees":[],"memberships":[]} | department id: ids must be positive
            {"format":"dingtalk-roles-store","version":2,"nextId":1507113600,"groups":[{"id":1507113577,"name":"Default","roles":[]}],"departments":[{"id":1}],"employees":[],"memberships":[]} | has no text "name" in {"id":1}
            {"format":"dingtalk-roles-store","version":2,"nextId":1507113600,"groups":[{"id":1507113577,"name":"Default","roles":[]}],"departments":[],"employees":[{"userId":"a,b","name":"A","deptIds":[]}],"memberships":[]} | user id: user ids must not contain whitespace, control characters or commas
            {"format":"dingtalk-roles-store","version":2,"nextId":1507113600,"groups":[{"id":1507113577,"name":"Default","roles":[]}],"departments":[],"employees":[{"userId":"a","name":"A","deptIds":["1"]}],"memberships":[]} | has a department id that is not a whole number in "deptIds" of {"userId":"a","name":"A","deptIds":["1"]}
            {"format":"dingtalk-roles-store","version":2,"nextId":1507113600,"groups":[{"id":1507113577,"name":"Default","roles":[]}],"departments":[],"employees":[{"userId":"a","name":"A","deptIds":[5]}],"memberships":[]} | snapshot: employee a names department 5, which does not exist
            {"format":"dingtalk-roles-store","version":2,"nextId":1507113600,"groups":[{"id":1507113577,"name":"Default","roles":[]}],"departments":[],"employees":[{"userId":"a","name":"A","deptIds":[]}],"memberships":[{"roleId":9,"userId":"a","scope":[]}]} | snapshot: a membership names role 9, which does not exist
            {"format":"dingtalk-roles-store","version":2,"nextId":1507113600,"groups":[{"id":1507113577,"name":"Default","roles":[{"id":9,"name":"R"}]}],"departments":[],"employees":[],"memberships":[{"roleId":9,"userId":"a","scope":[]}]} | snapshot: a membership names user a, who is not an employee
            {"format":"dingtalk-roles-store","version":2,"nextId":1507113600,"groups":[{"id":1507113577,"name":"Default","roles":[{"id":9,"name":"R"}]}],"departments":[],"employees":[{"userId":"a","name":"A","deptIds":[]}],"memberships":[{"roleId":9,"userId":"a"}]} | has no array "scope" in {"roleId":9,"userId":"a"}
            {"format":"dingtalk-roles-store","version":2,"nextId":1507113600,"groups":[{"id":1507113577,"name":"Default","roles":[{"id":9,"name":"R"}]}],"departments":[],"employees":[{"userId":"a","name":"A","deptIds":[]}],"memberships":[{"roleId":9,"userId":"a","scope":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51]}]} | management scope: a management scope may name at most 50 departments
            """)
    void refusesMalformedContentNamingTheProblem(String content, String message) {
        assertThatThrownBy(() -> read(content == null ? "" : content))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }
}
