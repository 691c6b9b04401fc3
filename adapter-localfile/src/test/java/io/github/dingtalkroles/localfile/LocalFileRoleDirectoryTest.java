package io.github.dingtalkroles.localfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dingtalkroles.domain.Department;
import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.domain.Employee;
import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleAssignment;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleMember;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.port.AssignmentFailedException;
import io.github.dingtalkroles.port.NotFoundException;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleDirectory;
import io.github.dingtalkroles.port.UnavailableException;
import io.github.dingtalkroles.testkit.RoleAssignmentsContract;
import io.github.dingtalkroles.testkit.RoleDirectoryContract;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LocalFileRoleDirectoryTest {
    @TempDir
    Path dir;

    private static LocalFileRoleDirectory store(Path file) {
        return LocalFileRoleDirectory.builder(file).build();
    }

    private static Stream<String> files(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).toList().stream();
        }
    }

    @Nested
    class Contract extends RoleDirectoryContract {
        @Override
        protected RoleDirectory newDirectory() throws Exception {
            return store(Files.createTempDirectory(dir, "contract").resolve("directory.json"));
        }
    }

    @Nested
    class Assignments extends RoleAssignmentsContract {
        @Override
        protected Backend newBackend(List<Department> departments, List<Employee> employees) throws Exception {
            LocalFileRoleDirectory store = store(Files.createTempDirectory(dir, "assignments").resolve("directory.json"));
            departments.forEach(store::addDepartment);
            employees.forEach(store::addEmployee);
            return new Backend(store, store);
        }
    }

    private static final Department SALES = new Department(DeptId.of(12), "Sales");
    private static final Employee ANN = new Employee(UserId.of("ann"), "Ann", List.of(DeptId.of(12)));

    private static Object fileKey(Path file) throws Exception {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    @Test
    void upgradesAVersion1StoreToVersion2OnTheFirstWriteKeepingEveryRoleAndTheNextId() throws Exception {
        Path file = dir.resolve("directory.json");
        try (InputStream v1 = getClass().getResourceAsStream("/store-v1-written-by-roles-cli.json")) {
            Files.copy(v1, file);
        }
        LocalFileRoleDirectory store = store(file);
        List<RoleGroup> before = store.allRoleGroups().toList();
        assertThat(before).extracting(g -> g.name().value()).containsExactly("Default", "HR", "人事 \"Ops\"");
        assertThat(file).content(StandardCharsets.UTF_8).as("reading leaves a version 1 file as it is")
                .contains("\"version\" : 1,");

        store.addDepartment(SALES);

        assertThat(file).content(StandardCharsets.UTF_8).contains("\"version\" : 2,").contains("\"Sales\"");
        LocalFileRoleDirectory reopened = store(file);
        assertThat(reopened.allRoleGroups().toList()).as("every role of the version 1 file is kept").isEqualTo(before);
        Role added = reopened.addRole(before.get(1).id(), RoleName.of("New"));
        assertThat(added.id().value()).as("the version 1 file's next id is kept").isEqualTo(1507113605L);
    }

    @Test
    void keepsRosterMembersAndScopesAcrossARestart() {
        Path file = dir.resolve("directory.json");
        LocalFileRoleDirectory first = store(file);
        first.addDepartment(SALES);
        first.addEmployee(ANN);
        Role recruiter = first.addRole(first.addRoleGroup(RoleGroupName.of("HR")).id(), RoleName.of("Recruiter"));
        first.grant(List.of(recruiter.id()), List.of(ANN.id()));
        first.setScope(recruiter.id(), ANN.id(), ManagementScope.of(SALES.id()));

        LocalFileRoleDirectory second = store(file);

        assertThat(second.allMembers(recruiter.id()).toList())
                .containsExactly(new RoleMember(ANN.id(), "Ann", List.of(SALES)));
    }

    @Test
    void addingADepartmentAgainRenamesItAndAddingItUnchangedWritesNothing() throws Exception {
        Path file = dir.resolve("directory.json");
        LocalFileRoleDirectory store = store(file);
        store.addDepartment(SALES);
        store.addEmployee(ANN);
        Role role = store.addRole(store.addRoleGroup(RoleGroupName.of("HR")).id(), RoleName.of("Recruiter"));
        store.grant(List.of(role.id()), List.of(ANN.id()));
        store.setScope(role.id(), ANN.id(), ManagementScope.of(SALES.id()));
        Object written = fileKey(file);

        store.addDepartment(new Department(DeptId.of(12), " Sales "));
        assertThat(fileKey(file)).as("the same department again does not rewrite the file").isEqualTo(written);

        store.addDepartment(new Department(DeptId.of(12), "Field Sales"));
        assertThat(store(file).allMembers(role.id()).toList()).as("the scope names the renamed department")
                .containsExactly(new RoleMember(ANN.id(), "Ann", List.of(new Department(DeptId.of(12), "Field Sales"))));
    }

    @Test
    void addingAnEmployeeAgainReplacesNameAndDepartmentsAndKeepsTheirRoles() {
        Path file = dir.resolve("directory.json");
        LocalFileRoleDirectory store = store(file);
        store.addDepartment(SALES);
        store.addDepartment(new Department(DeptId.of(13), "Legal"));
        store.addEmployee(ANN);
        Role role = store.addRole(store.addRoleGroup(RoleGroupName.of("HR")).id(), RoleName.of("Recruiter"));
        store.grant(List.of(role.id()), List.of(ANN.id()));

        store.addEmployee(new Employee(ANN.id(), "Ann Lee", List.of(DeptId.of(13))));

        assertThat(store(file).allMembers(role.id()).map(RoleMember::name).toList()).containsExactly("Ann Lee");
        assertThat(file).content(StandardCharsets.UTF_8).containsOnlyOnce("\"userId\" : \"ann\",\n    \"name\"");
    }

    @Test
    void anEmployeeInAnUnknownDepartmentIsNotFoundNamingItAndNothingIsWritten() {
        Path file = dir.resolve("directory.json");
        LocalFileRoleDirectory store = store(file);
        store.addDepartment(SALES);

        assertThatThrownBy(() -> store.addEmployee(new Employee(UserId.of("bob"), "Bob",
                List.of(DeptId.of(12), DeptId.of(99)))))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.subject()).isEqualTo(NotFoundException.Subject.DEPARTMENT))
                .hasMessageContaining("department 99 does not exist");
        assertThat(file).content(StandardCharsets.UTF_8).doesNotContain("bob");
    }

    @Test
    void aGrantOnAnUnreadableStoreAppliesNothingAndLeavesTheFileAsItIs() throws Exception {
        Path file = dir.resolve("directory.json");
        Files.writeString(file, "{ torn", StandardCharsets.UTF_8);
        LocalFileRoleDirectory store = store(file);
        RoleAssignment pair = new RoleAssignment(RoleId.of(1507113601L), ANN.id());

        assertThatThrownBy(() -> store.grant(List.of(pair.roleId()), List.of(pair.userId())))
                .isInstanceOfSatisfying(AssignmentFailedException.class, e -> {
                    assertThat(e.applied()).isEmpty();
                    assertThat(e.notApplied()).containsExactly(pair);
                    assertThat(e.failure()).isInstanceOf(UnavailableException.class)
                            .hasCauseInstanceOf(StoreFileException.class);
                })
                .hasMessageContaining("grant applied 0 of 1 (role, user) pairs").hasMessageContaining("left as it is");
        assertThatThrownBy(() -> store.addDepartment(SALES)).isInstanceOf(UnavailableException.class);
        assertThat(file).content(StandardCharsets.UTF_8).isEqualTo("{ torn");
    }

    @Test
    void survivesARestartWithEveryWriteKept() {
        Path file = dir.resolve("directory.json");
        LocalFileRoleDirectory first = store(file);
        RoleGroup hr = first.addRoleGroup(RoleGroupName.of("HR"));
        first.addRole(hr.id(), RoleName.of("Recruiter"));

        LocalFileRoleDirectory second = store(file);

        assertThat(second.allRoleGroups().toList()).isEqualTo(first.allRoleGroups().toList());
        assertThat(second.addRole(hr.id(), RoleName.of("Payroll")).id().value())
                .isGreaterThan(hr.id().value());
    }

    @Test
    void seesWritesMadeThroughAnotherInstance() {
        Path file = dir.resolve("directory.json");
        LocalFileRoleDirectory reader = store(file);
        LocalFileRoleDirectory writer = store(file);
        assertThat(reader.allRoleGroups()).hasSize(1);

        writer.addRoleGroup(RoleGroupName.of("HR"));

        assertThat(reader.allRoleGroups()).hasSize(2);
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws Exception {
        LocalFileRoleDirectory store = store(dir.resolve("directory.json"));
        for (int i = 0; i < 5; i++) {
            store.addRoleGroup(RoleGroupName.of("G" + i));
        }

        assertThat(files(dir)).containsExactlyInAnyOrder("directory.json", "directory.json.lock");
    }

    @Test
    void readingAStoreNotCreatedYetShowsTheDefaultGroupAndCreatesNothing() throws Exception {
        LocalFileRoleDirectory store = store(dir.resolve("directory.json"));

        assertThat(store.allRoleGroups()).singleElement().satisfies(g -> assertThat(g.isDefault()).isTrue());
        assertThat(store.listRoleGroups(PageRequest.first(20)).groups()).hasSize(1);
        assertThat(files(dir)).isEmpty();
    }

    @Test
    void theFirstWriteCreatesTheStore() {
        Path file = dir.resolve("directory.json");
        store(file).addRoleGroup(RoleGroupName.of("HR"));

        assertThat(file).content(StandardCharsets.UTF_8).contains("\"Default\"").contains("\"HR\"");
    }

    @Test
    void aMissingDirectoryIsAnErrorNamingItAndIsNotCreated() {
        Path missing = dir.resolve("no-such-dir");
        LocalFileRoleDirectory store = store(missing.resolve("x.json"));

        assertThatThrownBy(() -> store.allRoleGroups().toList())
                .isInstanceOf(UnavailableException.class)
                .hasCauseInstanceOf(StoreFileException.class)
                .hasMessageContaining(missing + " does not exist");
        assertThatThrownBy(() -> store.addRoleGroup(RoleGroupName.of("HR")))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining(missing + " does not exist");
        assertThat(missing).doesNotExist();
    }

    @Test
    void createsMissingDirectoriesOnTheFirstWriteWhenToldTo() {
        Path home = dir.resolve("home/.dingtalk-roles");
        LocalFileRoleDirectory store = LocalFileRoleDirectory.builder(home.resolve("directory.json"))
                .createMissingDirectories(true).build();

        assertThat(store.allRoleGroups()).hasSize(1);
        assertThat(dir.resolve("home")).as("a read creates nothing").doesNotExist();

        store.addRoleGroup(RoleGroupName.of("HR"));

        assertThat(home.resolve("directory.json")).exists();
    }

    @Test
    void createsItsDirectoryForItsOwnerOnlyAndTheLockFileReadableByItsOwnerOnly() throws Exception {
        Path home = dir.resolve("home/.dingtalk-roles");
        LocalFileRoleDirectory.builder(home.resolve("directory.json")).createMissingDirectories(true).build()
                .addRoleGroup(RoleGroupName.of("HR"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("directory.json.lock"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("directory.json"))))
                .isEqualTo("rw-------");
    }

    @Test
    void anotherInstanceInTheSameProcessHoldingTheLockMakesAWriteWaitThenFailNamingTheLockFile() throws Exception {
        Path file = dir.resolve("directory.json");
        LocalFileRoleDirectory store = LocalFileRoleDirectory.builder(file).lockTimeout(Duration.ofMillis(100)).build();
        store.addRoleGroup(RoleGroupName.of("HR"));

        try (FileChannel channel = FileChannel.open(dir.resolve("directory.json.lock"), StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            assertThatThrownBy(() -> store.addRoleGroup(RoleGroupName.of("Payroll")))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessageContaining(file + ".lock");
        }
        assertThat(store.addRoleGroup(RoleGroupName.of("Payroll"))).isNotNull();
    }

    @Test
    void refusesALockFileThatIsASymbolicLinkAndCreatesNothingAtItsTarget() throws Exception {
        Path file = dir.resolve("directory.json");
        Path target = dir.resolve("elsewhere/planted");
        Files.createDirectories(target.getParent());
        Files.createSymbolicLink(dir.resolve("directory.json.lock"), target);
        LocalFileRoleDirectory store = store(file);

        assertThatThrownBy(() -> store.addRoleGroup(RoleGroupName.of("HR")))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining(file + ".lock is a symbolic link")
                .cause().isInstanceOfSatisfying(StoreFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreFileException.Reason.SYMBOLIC_LINK));
        assertThat(target).doesNotExist();
        assertThat(file).doesNotExist();
    }

    @Test
    void refusesAStoreOverTheSizeLimitBeforeReadingIt() throws Exception {
        Path file = dir.resolve("directory.json");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(3L << 30); // 3 GiB, sparse: reading it whole would not fit the test's heap
        }
        LocalFileRoleDirectory store = LocalFileRoleDirectory.builder(file).build();

        assertThatThrownBy(() -> store.allRoleGroups().toList())
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("is 3221225472 bytes, over the limit of " + LocalFileRoleDirectory.DEFAULT_MAX_FILE_SIZE)
                .cause().isInstanceOfSatisfying(StoreFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreFileException.Reason.TOO_LARGE));
        assertThat(Files.size(file)).isEqualTo(3L << 30);
    }

    @Test
    void theSizeLimitCanBeRaisedOrLowered() throws Exception {
        Path file = dir.resolve("directory.json");
        store(file).addRoleGroup(RoleGroupName.of("HR"));
        long size = Files.size(file);

        assertThat(LocalFileRoleDirectory.builder(file).maxFileSize(size).build().allRoleGroups()).hasSize(2);
        assertThatThrownBy(() -> LocalFileRoleDirectory.builder(file).maxFileSize(size - 1).build()
                .allRoleGroups().toList())
                .hasMessageContaining("over the limit of " + (size - 1) + " bytes");
    }

    static Stream<String> unreadableStores() {
        return Stream.of(
                "",
                "not json",
                """
                {"format": "dingtalk-roles-store", "version": 1, "nextId": 5, "groups": [
                """,
                "[]",
                """
                {"format": "something-else", "version": 1}
                """,
                """
                {"format": "dingtalk-roles-store", "version": 3, "nextId": 5, "groups": []}
                """,
                """
                {"format": "dingtalk-roles-store", "version": 1, "nextId": 5, "groups": []}
                """,
                """
                {"format": "dingtalk-roles-store", "version": 1, "nextId": 9,
                 "groups": [{"id": 1, "name": "Default", "roles": [{"id": 2, "name": " "}]}]}
                """,
                """
                {"format": "dingtalk-roles-store", "version": 1, "nextId": 9,
                 "groups": [{"id": 1, "name": "Default", "roles": [{"id": "2", "name": "x"}]}]}
                """);
    }

    @ParameterizedTest
    @MethodSource("unreadableStores")
    void refusesAnUnreadableStoreAndNeverReplacesIt(String content) throws Exception {
        Path file = dir.resolve("directory.json");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        LocalFileRoleDirectory store = store(file);

        assertThatThrownBy(() -> store.allRoleGroups().toList())
                .isInstanceOf(UnavailableException.class)
                .hasCauseInstanceOf(StoreFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("left as it is");
        assertThatThrownBy(() -> store.addRoleGroup(RoleGroupName.of("HR")))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("left as it is");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(content);
    }

    @Test
    void namesTheUnknownFormatVersion() throws Exception {
        Path file = dir.resolve("directory.json");
        Files.writeString(file, """
                {"format": "dingtalk-roles-store", "version": 7}
                """);

        assertThatThrownBy(() -> store(file).allRoleGroups().toList())
                .hasMessageContaining("format version 7").hasMessageContaining("reads versions 1 and 2");
    }
}
