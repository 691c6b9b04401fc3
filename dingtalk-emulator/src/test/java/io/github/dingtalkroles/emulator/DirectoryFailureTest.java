package io.github.dingtalkroles.emulator;

import static io.github.dingtalkroles.emulator.WireClient.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.emulator.WireClient.Answer;
import io.github.dingtalkroles.inmemory.InMemoryFault;
import io.github.dingtalkroles.inmemory.InMemoryOperation;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RejectedInputException;
import io.github.dingtalkroles.port.RoleDirectory;
import io.github.dingtalkroles.port.RoleGroupPage;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** How the backing directory's typed failures reach the wire. */
class DirectoryFailureTest {
    private static final String TOKEN = "test-token";

    private static DingTalkEmulator emulatorOver(RoleDirectory directory) {
        return DingTalkEmulator.builder().directory(directory).accessToken(TOKEN).start();
    }

    private static Answer addGroup(DingTalkEmulator emulator) {
        return new WireClient(emulator).postForm("/role/add_role_group", TOKEN, fields("name", "HR"));
    }

    @Test
    void throttlingAnswers90018AndASpentQuota90020() {
        InMemoryRoleDirectory directory = InMemoryRoleDirectory.create();
        directory.faults().next(InMemoryOperation.LIST_ROLE_GROUPS, InMemoryFault.THROTTLED, 1);
        directory.faults().next(InMemoryOperation.LIST_ROLE_GROUPS, InMemoryFault.QUOTA_EXHAUSTED, 1);
        try (DingTalkEmulator emulator = emulatorOver(directory)) {
            WireClient client = new WireClient(emulator);

            assertThat(client.postForm("/topapi/role/list", TOKEN, fields()).errcode()).isEqualTo(90018);
            assertThat(client.postForm("/topapi/role/list", TOKEN, fields()).errcode()).isEqualTo(90020);
        }
    }

    @Test
    void unavailabilityAnswersMinusOneWithThePagesWording() {
        InMemoryRoleDirectory directory = InMemoryRoleDirectory.create();
        directory.faults().next(InMemoryOperation.RENAME_ROLE, InMemoryFault.UNAVAILABLE, 1);
        directory.faults().next(InMemoryOperation.FIND_ROLE_GROUP, InMemoryFault.UNAVAILABLE, 1);
        try (DingTalkEmulator emulator = emulatorOver(directory)) {
            WireClient client = new WireClient(emulator);

            Answer update = client.postForm("/role/update_role", TOKEN, fields("roleId", 1, "roleName", "X"));
            Answer get = client.postForm("/topapi/role/getrolegroup", TOKEN, fields("group_id", 1));

            assertThat(update.errcode()).isEqualTo(-1);
            assertThat(update.errmsg()).isEqualTo("The system is busy");
            assertThat(get.errcode()).isEqualTo(-1);
            assertThat(get.errmsg()).isEqualTo("System is busy");
        }
    }

    @Test
    void refusedCredentialsAnswer88With40014() {
        InMemoryRoleDirectory directory = InMemoryRoleDirectory.create();
        directory.faults().next(InMemoryOperation.ADD_ROLE_GROUP, InMemoryFault.NOT_AUTHORIZED, 1);
        try (DingTalkEmulator emulator = emulatorOver(directory)) {
            Answer answer = addGroup(emulator);

            assertThat(answer.errcode()).isEqualTo(88);
            assertThat(answer.json().get("sub_code").asText()).isEqualTo("40014");
        }
    }

    @Test
    void rejectedInputAnswers400002() {
        try (DingTalkEmulator emulator = emulatorOver(new FailingDirectory(
                () -> new RejectedInputException("the name is reserved", BackendDiagnostics.NONE)))) {
            Answer answer = addGroup(emulator);

            assertThat(answer.errcode()).isEqualTo(400002);
            assertThat(answer.errmsg()).startsWith("Invalid parameter").contains("reserved");
        }
    }

    @Test
    void anUnexpectedDirectoryFailureAnswers400001WithoutItsDetails() {
        try (DingTalkEmulator emulator = emulatorOver(new FailingDirectory(
                () -> new IllegalStateException("secret internals")))) {
            Answer answer = addGroup(emulator);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.errcode()).isEqualTo(400001);
            assertThat(answer.errmsg()).isEqualTo("System error");
            assertThat(answer.body()).doesNotContain("secret internals").doesNotContain("Exception");
        }
    }

    /** A directory whose every call fails with the given exception. */
    private record FailingDirectory(Supplier<RuntimeException> failure) implements RoleDirectory {
        @Override
        public RoleGroup addRoleGroup(RoleGroupName name) {
            throw failure.get();
        }

        @Override
        public Role addRole(RoleGroupId groupId, RoleName name) {
            throw failure.get();
        }

        @Override
        public void renameRole(RoleId roleId, RoleName newName) {
            throw failure.get();
        }

        @Override
        public RoleGroupPage listRoleGroups(PageRequest page) {
            throw failure.get();
        }

        @Override
        public Optional<RoleGroup> findRoleGroup(RoleGroupId groupId) {
            throw failure.get();
        }

        @Override
        public Optional<Role> findRole(RoleId roleId) {
            throw failure.get();
        }

        @Override
        public void deleteRole(RoleId roleId) {
            throw failure.get();
        }
    }
}
