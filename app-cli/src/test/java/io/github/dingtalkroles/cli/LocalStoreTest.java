package io.github.dingtalkroles.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.port.RoleDirectory;
import io.github.dingtalkroles.port.UnavailableException;
import io.github.dingtalkroles.testkit.RoleDirectoryContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalStoreTest {
    @TempDir
    Path dir;

    @Nested
    class Contract extends RoleDirectoryContract {
        @Override
        protected RoleDirectory newDirectory() throws Exception {
            return new LocalStore(Files.createTempDirectory(dir, "contract").resolve("directory.json")).open();
        }
    }

    @Test
    void survivesARestartWithEveryWriteKept() {
        Path file = dir.resolve("directory.json");
        LocalStore first = new LocalStore(file).open();
        RoleGroup hr = first.addRoleGroup(RoleGroupName.of("HR"));
        first.addRole(hr.id(), RoleName.of("Recruiter"));

        LocalStore second = new LocalStore(file).open();

        assertThat(second.allRoleGroups().toList()).isEqualTo(first.allRoleGroups().toList());
        assertThat(second.addRole(hr.id(), RoleName.of("Payroll")).id().value())
                .isGreaterThan(hr.id().value());
    }

    @Test
    void seesWritesMadeThroughAnotherInstance() {
        Path file = dir.resolve("directory.json");
        LocalStore reader = new LocalStore(file).open();
        LocalStore writer = new LocalStore(file).open();
        assertThat(reader.allRoleGroups()).hasSize(1);

        writer.addRoleGroup(RoleGroupName.of("HR"));

        assertThat(reader.allRoleGroups()).hasSize(2);
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws Exception {
        Path file = dir.resolve("directory.json");
        LocalStore store = new LocalStore(file).open();
        for (int i = 0; i < 5; i++) {
            store.addRoleGroup(RoleGroupName.of("G" + i));
        }

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("directory.json", "directory.json.lock");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not json",
            "{\"format\":\"dingtalk-roles-store\",\"version\":1,\"nextId\":5,\"groups\":[",
            "[]",
            "{\"format\":\"something-else\",\"version\":1}",
            "{\"format\":\"dingtalk-roles-store\",\"version\":2,\"nextId\":5,\"groups\":[]}",
            "{\"format\":\"dingtalk-roles-store\",\"version\":1,\"nextId\":5,\"groups\":[]}",
            "{\"format\":\"dingtalk-roles-store\",\"version\":1,\"nextId\":9,"
                    + "\"groups\":[{\"id\":1,\"name\":\"Default\",\"roles\":[{\"id\":2,\"name\":\" \"}]}]}",
            "{\"format\":\"dingtalk-roles-store\",\"version\":1,\"nextId\":9,"
                    + "\"groups\":[{\"id\":1,\"name\":\"Default\",\"roles\":[{\"id\":\"2\",\"name\":\"x\"}]}]}"})
    void refusesAnUnreadableStoreAndNeverReplacesIt(String content) throws Exception {
        Path file = dir.resolve("directory.json");
        Files.writeString(file, content, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new LocalStore(file).open())
                .isInstanceOf(UnavailableException.class)
                .hasCauseInstanceOf(LocalStoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("left as it is");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(content);
    }

    @Test
    void namesTheUnknownFormatVersion() throws Exception {
        Path file = dir.resolve("directory.json");
        Files.writeString(file, "{\"format\":\"dingtalk-roles-store\",\"version\":7}");

        assertThatThrownBy(() -> new LocalStore(file).open())
                .hasMessageContaining("format version 7").hasMessageContaining("reads version 1");
    }

    @Test
    void theCliExitsWithOneOnACorruptStoreAndKeepsIt() throws Exception {
        Path file = dir.resolve("directory.json");
        Files.writeString(file, "{ torn");

        Cli.Result result = Cli.withStore(file).run("add-group", "--name", "HR");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: the local store ").contains("not valid JSON").hasLineCount(1);
        assertThat(Files.readString(file)).isEqualTo("{ torn");
    }
}
