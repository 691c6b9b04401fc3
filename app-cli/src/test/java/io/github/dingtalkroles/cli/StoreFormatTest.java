package io.github.dingtalkroles.cli;

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

class StoreFormatTest {
    private static final String HEAD = "{\"format\":\"dingtalk-roles-store\",\"version\":1,";

    /** Written by the databind-based writer this format started with (Jackson's default pretty printer). */
    private static byte[] writtenByDatabind() throws IOException {
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

    @Test
    void writesTheSameBytesAsTheDatabindWriterDid() throws Exception {
        assertThat(new String(StoreFormat.write(sample()), StandardCharsets.UTF_8))
                .isEqualTo(new String(writtenByDatabind(), StandardCharsets.UTF_8));
    }

    @Test
    void readsFilesWrittenByTheDatabindWriter() throws Exception {
        assertThat(StoreFormat.read(writtenByDatabind())).isEqualTo(sample());
    }

    @Test
    void readsWhatItWrites() {
        assertThat(StoreFormat.read(StoreFormat.write(sample()))).isEqualTo(sample());
    }

    @Test
    void readsFieldsInAnyOrderIgnoresUnknownOnesAndTakesTheLastOfARepeatedField() {
        String content = "{\"groups\":[{\"roles\":[],\"extra\":{\"deep\":[1,2.5,{\"z\":null}]},\"name\":\"Renamed\","
                + "\"id\":1507113577,\"name\":\"Default\"}],\"nextId\":1507113600,\"comment\":true,"
                + "\"version\":2,\"version\":1,\"format\":\"dingtalk-roles-store\"}";

        DirectorySnapshot snapshot = StoreFormat.read(content.getBytes(StandardCharsets.UTF_8));

        assertThat(snapshot.nextId()).isEqualTo(1507113600L);
        assertThat(snapshot.groups()).singleElement()
                .satisfies(g -> assertThat(g.name().value()).isEqualTo("Default"))
                .satisfies(g -> assertThat(g.roles()).isEmpty());
    }

    /** The messages are the ones the databind-based reader gave for the same content. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "``                                     | is not a JSON object",
            "`  \n `                                | is not a JSON object",
            "null                                   | is not a JSON object",
            "[]                                     | is not a JSON object",
            "`\"str\"`                              | is not a JSON object",
            "not json                               | is not valid JSON (Unrecognized token 'not': was expecting",
            "{ torn                                 | is not valid JSON (Unexpected character ('t' (code 116)): "
                    + "was expecting double-quote to start field name)",
            HEAD + "\"nextId\":5,\"groups\":[           | is not valid JSON (Unexpected end-of-input: expected close "
                    + "marker for Array",
            "{}                                     | is not a dingtalk-roles store (no \"format\":\"dingtalk-roles-store\")",
            "{\"format\":7,\"version\":1}           | is not a dingtalk-roles store",
            "{\"format\":\"dingtalk-roles-store\"}  | has format version , which this version of roles does not know "
                    + "(it reads version 1)",
            "{\"format\":\"dingtalk-roles-store\",\"version\":\"1\"}  | has format version \"1\", which",
            "{\"format\":\"dingtalk-roles-store\",\"version\":1.0}    | has format version 1.0, which",
            "{\"format\":\"dingtalk-roles-store\",\"version\":7}      | has format version 7, which",
            "{\"format\":\"dingtalk-roles-store\",\"version\":null}   | has format version null, which",
            "{\"format\":\"dingtalk-roles-store\",\"version\":{\"a\":[1,2]}} | has format version {\"a\":[1,2]}, which",
            HEAD + "\"groups\":[]}                  | has no whole number \"nextId\" in " + HEAD + "\"groups\":[]}",
            HEAD + "\"nextId\":5.5,\"groups\":[]}   | has no whole number \"nextId\" in " + HEAD + "\"nextId\":5.5,",
            HEAD + "\"nextId\":99999999999999999999,\"groups\":[]} | has no whole number \"nextId\" in " + HEAD
                    + "\"nextId\":99999999999999999999,\"g...",
            HEAD + "\"nextId\":5}                   | has no array \"groups\" in " + HEAD + "\"nextId\":5}",
            HEAD + "\"nextId\":5,\"groups\":{}}     | has no array \"groups\" in",
            HEAD + "\"nextId\":5,\"groups\":[]}     | snapshot: a directory holds exactly one Default group (found 0)",
            HEAD + "\"nextId\":9,\"groups\":[1]}    | has no whole number \"id\" in 1",
            HEAD + "\"nextId\":9,\"groups\":[{\"name\":\"x\",\"roles\":[]}]}  | has no whole number \"id\" in "
                    + "{\"name\":\"x\",\"roles\":[]}",
            HEAD + "\"nextId\":9,\"groups\":[{\"id\":1e3,\"name\":\"x\",\"roles\":[]}]} | has no whole number \"id\" in "
                    + "{\"id\":1000.0,\"name\":\"x\",\"roles\":[]}",
            HEAD + "\"nextId\":9,\"groups\":[{\"id\":true,\"name\":\"x\",\"roles\":[]}]} | has no whole number \"id\"",
            HEAD + "\"nextId\":9,\"groups\":[{\"id\":1,\"roles\":[]}]}   | has no text \"name\" in {\"id\":1,\"roles\":[]}",
            HEAD + "\"nextId\":9,\"groups\":[{\"id\":1,\"name\":null,\"roles\":[]}]} | has no text \"name\" in "
                    + "{\"id\":1,\"name\":null,\"roles\":[]}",
            HEAD + "\"nextId\":9,\"groups\":[{\"id\":1,\"name\":\"x\"}]} | has no array \"roles\" in {\"id\":1,\"name\":\"x\"}",
            HEAD + "\"nextId\":9,\"groups\":[{\"id\":1,\"name\":\"x\",\"roles\":[3]}]} | has no whole number \"id\" in 3",
            HEAD + "\"nextId\":9,\"groups\":[{\"id\":1,\"name\":\"Default\",\"roles\":[{\"id\":\"2\",\"name\":\"x\"}]}]}"
                    + " | has no whole number \"id\" in {\"id\":\"2\",\"name\":\"x\"}",
            HEAD + "\"nextId\":9,\"groups\":[{\"id\":1,\"name\":\"Default\",\"roles\":[{\"id\":2,\"name\":\" \"}]}]}"
                    + " | role name: names must not be blank",
            HEAD + "\"nextId\":9,\"groups\":[{\"id\":-1,\"name\":\"x\",\"roles\":[]}]} | role group id: ids must be positive",
            HEAD + "\"nextId\":9,\"groups\":[{\"id\":1,\"name\":\"x\",\"roles\":[]},{\"id\":1,\"name\":\"y\",\"roles\":[]}]}"
                    + " | snapshot: role group id 1 appears twice",
            "{'format':'dingtalk-roles-store'}      | is not valid JSON (Unexpected character (''' (code 39))"})
    void refusesMalformedContentNamingTheProblem(String content, String message) {
        assertThatThrownBy(() -> StoreFormat.read(content.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }
}
