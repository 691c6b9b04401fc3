package io.github.dingtalkroles.localfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.inmemory.DirectorySnapshot;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Format version 1, as every earlier version of the store wrote it. */
class StoreFormatTest {
    /** Written by the first writer of this format (Jackson databind, default pretty printer). */
    private static byte[] goldenFile() throws IOException {
        try (InputStream in = StoreFormatTest.class.getResourceAsStream("/store-v1-written-by-databind.json")) {
            return in.readAllBytes();
        }
    }

    /** The directory that file holds: Default, a group with non-ASCII, quoted and astral names, an empty group. */
    private static DirectorySnapshot sample() {
        InMemoryRoleDirectory directory = InMemoryRoleDirectory.create();
        RoleGroup group = directory.addRoleGroup(RoleGroupName.of("人事 \"HR\" \\ team"));
        directory.addRole(group.id(), RoleName.of("Recruiter \uD83D\uDE00 é"));
        directory.addRole(group.id(), RoleName.of("a/b<c>&'d"));
        directory.addRoleGroup(RoleGroupName.of("Empty"));
        return directory.snapshot();
    }

    private static DirectorySnapshot read(String content) {
        return StoreFormat.read(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writesTheBytesOfTheGoldenFile() throws Exception {
        assertThat(new String(StoreFormat.write(sample()), StandardCharsets.UTF_8))
                .isEqualTo(new String(goldenFile(), StandardCharsets.UTF_8));
    }

    @Test
    void readsTheGoldenFile() throws Exception {
        assertThat(StoreFormat.read(goldenFile())).isEqualTo(sample());
    }

    @Test
    void readsWhatItWrites() {
        assertThat(StoreFormat.read(StoreFormat.write(sample()))).isEqualTo(sample());
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

    /** Each line: content | the start of the message. The messages are the ones every earlier reader gave. */
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
            {"format":"dingtalk-roles-store"}     | has format version , which this version of roles does not know (it reads version 1)
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
            """)
    void refusesMalformedContentNamingTheProblem(String content, String message) {
        assertThatThrownBy(() -> read(content == null ? "" : content))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }
}
