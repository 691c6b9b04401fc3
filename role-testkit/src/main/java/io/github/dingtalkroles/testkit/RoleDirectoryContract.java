package io.github.dingtalkroles.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.port.ConflictException;
import io.github.dingtalkroles.port.NotFoundException;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleDirectory;
import io.github.dingtalkroles.port.RoleDirectoryException;
import io.github.dingtalkroles.port.RoleGroupPage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link RoleDirectory} must show: the executable form of the port's Javadoc.
 *
 * <p>A backend's test extends this class and supplies a fresh directory, one per test, holding the
 * Default group with its built-in roles and nothing else (the module README shows how to seed it):
 *
 * <pre>{@code
 * class InMemoryRoleDirectoryContractTest extends RoleDirectoryContract {
 *     @Override
 *     protected RoleDirectory newDirectory() {
 *         return InMemoryRoleDirectory.create();
 *     }
 * }
 * }</pre>
 *
 * <p>Covered: every operation's success and failure semantics, the name and Default-group rules as
 * the directory enforces them, paging (each group exactly once, {@code hasMore} false exactly on the
 * last page, size bounds), the all-groups walk, and atomicity under concurrent writers. Override
 * {@link #closeDirectory} to release resources and {@link #writerThreads()} to tune the concurrency
 * tests.
 *
 * <p>Every assertion names the rule it checks, so a failure reads like {@code [addRole adds the role
 * at the end of its group's roles] expected: ...}: start with the rule, not with this class's source.
 * The unknown ids the kit asks for are {@code Long.MAX_VALUE - 7} (a group) and
 * {@code Long.MAX_VALUE - 3} (a role): a backend must not hand those out.
 */
public abstract class RoleDirectoryContract {

    /** The directory under test, from {@link #newDirectory()}, fresh for each test. */
    protected RoleDirectory directory;

    /** For subclasses: the backend's contract test. */
    protected RoleDirectoryContract() {
    }

    /**
     * A fresh directory, called once before each test: it holds the Default group
     * ({@link RoleGroupName#DEFAULT}) with at least one built-in role, and nothing else.
     *
     * @return the directory under test
     * @throws Exception if it cannot be made; the test then fails
     */
    protected abstract RoleDirectory newDirectory() throws Exception;

    /**
     * Releases what {@link #newDirectory()} acquired (a server, a temporary file), called after each
     * test, also when it failed; by default nothing.
     *
     * @param directory the directory the test used
     * @throws Exception if releasing fails; the test then fails
     */
    protected void closeDirectory(RoleDirectory directory) throws Exception {
    }

    /**
     * How many threads the concurrency tests race against each other; 8 by default. Lower it for a
     * backend whose writes are slow (each thread makes a handful of writes).
     *
     * @return the number of threads, at least 2
     */
    protected int writerThreads() {
        return 8;
    }

    @BeforeEach
    final void openDirectory() throws Exception {
        directory = newDirectory();
    }

    @AfterEach
    final void releaseDirectory() throws Exception {
        closeDirectory(directory);
    }

    // ---- helpers: each precondition is itself a described assertion -------------------------------

    /** Group names whose hashes are far from their creation order, so hash-ordered storage shows. */
    private static final List<String> DEPARTMENTS = List.of("Sales", "Finance", "Legal", "Engineering",
            "Support", "Marketing", "Operations", "Design", "Research", "Procurement", "Security", "Facilities",
            "Payroll", "Compliance", "Logistics", "Training");

    private RoleGroup defaultGroup() {
        List<RoleGroup> defaults = directory.allRoleGroups().filter(RoleGroup::isDefault).toList();
        assertThat(defaults)
                .as("a directory holds exactly one Default group (a group named RoleGroupName.DEFAULT):"
                        + " seed it in newDirectory(), see the role-testkit README")
                .hasSize(1);
        return defaults.get(0);
    }

    private Role builtInRole() {
        RoleGroup defaultGroup = defaultGroup();
        assertThat(defaultGroup.roles())
                .as("the Default group holds DingTalk's built-in roles (seed at least one in newDirectory())")
                .isNotEmpty();
        return defaultGroup.roles().get(0);
    }

    private RoleGroup group(String name) {
        return directory.addRoleGroup(RoleGroupName.of(name));
    }

    private RoleGroup found(RoleGroupId id) {
        Optional<RoleGroup> group = directory.findRoleGroup(id);
        assertThat(group).as("findRoleGroup finds a group the directory has handed out (%s)", id).isPresent();
        return group.get();
    }

    private static List<String> roleNames(RoleGroup group) {
        return group.roles().stream().map(r -> r.name().value()).collect(Collectors.toList());
    }

    private static RoleGroupId unknownGroupId() {
        return RoleGroupId.of(Long.MAX_VALUE - 7);
    }

    /** Runs {@code call}, checks that it failed with {@code type}, and returns the failure. */
    private static <T extends RoleDirectoryException> T failure(String rule, Class<T> type, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("%s: expected %s", rule, type.getSimpleName()).isInstanceOf(type);
        return type.cast(thrown);
    }

    private static void conflict(String rule, ConflictException.Reason reason, ThrowingCallable call) {
        assertThat(failure(rule, ConflictException.class, call).reason()).as("%s: the conflict's reason", rule)
                .isEqualTo(reason);
    }

    // ---- the Default group ---------------------------------------------------------------------

    @Test
    void aFreshDirectoryHoldsTheDefaultGroupWithBuiltInRoles() {
        builtInRole();
        RoleGroup defaultGroup = defaultGroup();

        assertThat(found(defaultGroup.id())).as("findRoleGroup returns the Default group as the listing does")
                .isEqualTo(defaultGroup);
        assertThat(directory.allRoleGroups().count()).as("a fresh directory holds only the Default group")
                .isEqualTo(1);
    }

    @Test
    void refusesToAddARoleToTheDefaultGroup() {
        RoleGroup defaultGroup = defaultGroup();

        conflict("addRole to the Default group is refused", ConflictException.Reason.IMMUTABLE_DEFAULT_GROUP,
                () -> directory.addRole(defaultGroup.id(), RoleName.of("Auditor")));
        assertThat(found(defaultGroup.id())).as("a refused addRole leaves the Default group unchanged")
                .isEqualTo(defaultGroup);
    }

    @Test
    void refusesToRenameABuiltInRole() {
        Role builtIn = builtInRole();
        RoleGroup defaultGroup = defaultGroup();

        conflict("renameRole of a built-in role is refused", ConflictException.Reason.IMMUTABLE_DEFAULT_GROUP,
                () -> directory.renameRole(builtIn.id(), RoleName.of("Chief")));
        assertThat(found(defaultGroup.id())).as("a refused renameRole leaves the Default group unchanged")
                .isEqualTo(defaultGroup);
    }

    @Test
    void refusesASecondGroupNamedDefault() {
        defaultGroup();

        conflict("addRoleGroup(\"Default\") is refused: the Default group's name is taken",
                ConflictException.Reason.DUPLICATE_NAME, () -> group("Default"));
    }

    // ---- role groups ---------------------------------------------------------------------------

    @Test
    void addsAnEmptyRoleGroupWithAFreshId() {
        RoleGroup before = defaultGroup();

        RoleGroup hr = group("HR");

        assertThat(hr.name()).as("addRoleGroup returns the group with its name").isEqualTo(RoleGroupName.of("HR"));
        assertThat(hr.roles()).as("a new group has no roles").isEmpty();
        assertThat(hr.id()).as("a new group's id is not the Default group's").isNotEqualTo(before.id());
        assertThat(found(hr.id())).as("findRoleGroup returns the group addRoleGroup returned").isEqualTo(hr);
    }

    @Test
    void storesRoleGroupNamesTrimmed() {
        RoleGroup group = group("  Finance  ");

        assertThat(found(group.id()).name().value()).as("group names are stored trimmed").isEqualTo("Finance");
    }

    @Test
    void refusesADuplicateRoleGroupName() {
        group("HR");
        long groupsBefore = directory.allRoleGroups().count();

        ConflictException e = failure("addRoleGroup with a taken name (after trimming) is refused",
                ConflictException.class, () -> group(" HR "));

        assertThat(e.reason()).as("a taken group name is a DUPLICATE_NAME conflict")
                .isEqualTo(ConflictException.Reason.DUPLICATE_NAME);
        assertThat(e.isRetryable()).as("a duplicate name is not worth retrying").isFalse();
        assertThat(directory.allRoleGroups().count()).as("a refused addRoleGroup adds no group")
                .isEqualTo(groupsBefore);
    }

    @Test
    void findsNothingForAnUnknownGroup() {
        assertThat(directory.findRoleGroup(unknownGroupId())).as("findRoleGroup of an unknown id is empty")
                .isEmpty();
    }

    // ---- findRole and deleteRole ----------------------------------------------------------------

    @Test
    void findsARoleWithItsNameAndGroup() {
        RoleGroup hr = group("HR");
        Role recruiter = directory.addRole(hr.id(), RoleName.of("Recruiter"));

        assertThat(directory.findRole(recruiter.id())).as("findRole returns the role addRole returned")
                .contains(recruiter);
        Role builtIn = builtInRole();
        assertThat(directory.findRole(builtIn.id())).as("findRole finds a built-in role of the Default group")
                .contains(builtIn);
        assertThat(directory.findRole(RoleId.of(Long.MAX_VALUE - 3))).as("findRole of an unknown id is empty")
                .isEmpty();
    }

    @Test
    void deletesARoleAndOnlyThatRole() {
        RoleGroup hr = group("HR");
        Role recruiter = directory.addRole(hr.id(), RoleName.of("Recruiter"));
        Role trainer = directory.addRole(hr.id(), RoleName.of("Trainer"));

        directory.deleteRole(recruiter.id());

        assertThat(directory.findRole(recruiter.id())).as("deleteRole removes the role").isEmpty();
        assertThat(found(hr.id()).roles()).as("deleteRole leaves the group's other roles").containsExactly(trainer);
        failure("deleteRole of a deleted role is NotFound (ROLE)", NotFoundException.class,
                () -> directory.deleteRole(recruiter.id()));
        Role again = directory.addRole(hr.id(), RoleName.of("Recruiter"));
        assertThat(again.id()).as("a deleted role's name is free again, and its id is not reused")
                .isNotEqualTo(recruiter.id());
    }

    @Test
    void refusesToDeleteABuiltInRoleOrAnUnknownOne() {
        Role builtIn = builtInRole();
        RoleGroup defaultGroup = defaultGroup();

        conflict("deleteRole of a built-in role is refused", ConflictException.Reason.IMMUTABLE_DEFAULT_GROUP,
                () -> directory.deleteRole(builtIn.id()));
        assertThat(found(defaultGroup.id())).as("a refused deleteRole leaves the Default group unchanged")
                .isEqualTo(defaultGroup);
        NotFoundException e = failure("deleteRole of an unknown id is NotFound", NotFoundException.class,
                () -> directory.deleteRole(RoleId.of(Long.MAX_VALUE - 3)));
        assertThat(e.subject()).as("an unknown role is NotFound with subject ROLE")
                .isEqualTo(NotFoundException.Subject.ROLE);
    }

    // ---- roles -----------------------------------------------------------------------------------

    @Test
    void addsARoleToAGroup() {
        RoleGroup hr = group("HR");

        Role recruiter = directory.addRole(hr.id(), RoleName.of("Recruiter"));

        assertThat(recruiter.name()).as("addRole returns the role with its name").isEqualTo(RoleName.of("Recruiter"));
        assertThat(recruiter.groupId()).as("addRole returns the role with its group's id").isEqualTo(hr.id());
        assertThat(found(hr.id()).roles()).as("the group holds the role addRole returned").containsExactly(recruiter);
    }

    @Test
    void keepsRolesInTheOrderTheyWereAdded() {
        RoleGroup hr = group("HR");
        List<String> added = List.of("Recruiter", "Payroll", "Benefits", "Onboarding", "Analyst", "Coordinator");
        added.forEach(name -> directory.addRole(hr.id(), RoleName.of(name)));

        assertThat(roleNames(found(hr.id()))).as("a group lists its roles in the order they were added")
                .containsExactlyElementsOf(added);
    }

    @Test
    void storesRoleNamesTrimmedAndAcceptsAnyScript() {
        RoleGroup hr = group("HR");

        Role role = directory.addRole(hr.id(), RoleName.of("  财务 \uD83D\uDCBC "));

        assertThat(role.name().value()).as("addRole returns the name trimmed, any script kept")
                .isEqualTo("财务 \uD83D\uDCBC");
        assertThat(roleNames(found(hr.id()))).as("role names are stored trimmed, any script kept")
                .containsExactly("财务 \uD83D\uDCBC");
    }

    @Test
    void givesEveryRoleItsOwnId() {
        RoleGroup a = group("A");
        RoleGroup b = group("B");
        Set<RoleId> ids = new HashSet<>(defaultGroup().roles().stream().map(Role::id).toList());

        for (int i = 0; i < 5; i++) {
            Role inA = directory.addRole(a.id(), RoleName.of("a" + i));
            assertThat(ids.add(inA.id())).as("every role gets an id no other role has (%s)", inA).isTrue();
            Role inB = directory.addRole(b.id(), RoleName.of("b" + i));
            assertThat(ids.add(inB.id())).as("every role gets an id no other role has (%s)", inB).isTrue();
        }
    }

    @Test
    void refusesADuplicateRoleNameInTheSameGroupAndKeepsTheGroupUnchanged() {
        RoleGroup hr = group("HR");
        directory.addRole(hr.id(), RoleName.of("Recruiter"));
        RoleGroup before = found(hr.id());

        conflict("addRole with a name taken in the group (after trimming) is refused",
                ConflictException.Reason.DUPLICATE_NAME, () -> directory.addRole(hr.id(), RoleName.of(" Recruiter")));
        assertThat(found(hr.id())).as("a refused addRole leaves the group unchanged").isEqualTo(before);
    }

    @Test
    void allowsTheSameRoleNameInDifferentGroups() {
        RoleGroup hr = group("HR");
        RoleGroup it = group("IT");

        Role inHr = directory.addRole(hr.id(), RoleName.of("Lead"));
        Role inIt = directory.addRole(it.id(), RoleName.of("Lead"));

        assertThat(inHr.id()).as("role names are unique per group only: two groups may each have a \"Lead\"")
                .isNotEqualTo(inIt.id());
    }

    @Test
    void treatsRoleNamesCaseSensitively() {
        RoleGroup hr = group("HR");
        directory.addRole(hr.id(), RoleName.of("lead"));

        directory.addRole(hr.id(), RoleName.of("Lead"));

        assertThat(roleNames(found(hr.id()))).as("role names are compared case-sensitively")
                .containsExactly("lead", "Lead");
    }

    @Test
    void reportsAnUnknownGroupWhenAddingARole() {
        NotFoundException e = failure("addRole to an unknown group is refused", NotFoundException.class,
                () -> directory.addRole(unknownGroupId(), RoleName.of("Ghost")));

        assertThat(e.subject()).as("an unknown group is NotFoundException(ROLE_GROUP)")
                .isEqualTo(NotFoundException.Subject.ROLE_GROUP);
        assertThat(e.isRetryable()).as("an unknown group is not worth retrying").isFalse();
    }

    // ---- renaming ------------------------------------------------------------------------------

    @Test
    void renamesARoleInPlace() {
        RoleGroup hr = group("HR");
        Role recruiter = directory.addRole(hr.id(), RoleName.of("Recruiter"));
        directory.addRole(hr.id(), RoleName.of("Payroll"));

        directory.renameRole(recruiter.id(), RoleName.of("Talent Partner"));

        List<Role> roles = found(hr.id()).roles();
        assertThat(roles).as("renameRole neither adds nor removes a role").hasSize(2);
        assertThat(roles.get(0)).as("renameRole keeps the role's id, group and place")
                .isEqualTo(new Role(recruiter.id(), RoleName.of("Talent Partner"), hr.id()));
        assertThat(roleNames(found(hr.id()))).as("renameRole changes the name only")
                .containsExactly("Talent Partner", "Payroll");
    }

    @Test
    void renamingARoleToItsOwnNameSucceedsAndChangesNothing() {
        RoleGroup hr = group("HR");
        Role recruiter = directory.addRole(hr.id(), RoleName.of("Recruiter"));
        RoleGroup before = found(hr.id());

        directory.renameRole(recruiter.id(), RoleName.of("Recruiter"));
        directory.renameRole(recruiter.id(), RoleName.of("Recruiter"));

        assertThat(found(hr.id())).as("renaming a role to its own name is a no-op, safe to repeat")
                .isEqualTo(before);
    }

    @Test
    void refusesARenameOntoAnotherRolesNameInTheGroup() {
        RoleGroup hr = group("HR");
        directory.addRole(hr.id(), RoleName.of("Recruiter"));
        Role payroll = directory.addRole(hr.id(), RoleName.of("Payroll"));
        RoleGroup before = found(hr.id());

        conflict("renameRole onto another role's name in the group is refused",
                ConflictException.Reason.DUPLICATE_NAME,
                () -> directory.renameRole(payroll.id(), RoleName.of("Recruiter")));
        assertThat(found(hr.id())).as("a refused renameRole leaves the group unchanged").isEqualTo(before);
    }

    @Test
    void allowsARenameOntoANameUsedInAnotherGroup() {
        RoleGroup hr = group("HR");
        RoleGroup it = group("IT");
        directory.addRole(hr.id(), RoleName.of("Lead"));
        Role admin = directory.addRole(it.id(), RoleName.of("Admin"));

        directory.renameRole(admin.id(), RoleName.of("Lead"));

        assertThat(roleNames(found(it.id()))).as("renameRole onto a name used only in another group succeeds")
                .containsExactly("Lead");
    }

    @Test
    void reportsAnUnknownRoleWhenRenaming() {
        NotFoundException e = failure("renameRole of an unknown role is refused", NotFoundException.class,
                () -> directory.renameRole(RoleId.of(Long.MAX_VALUE - 3), RoleName.of("Ghost")));

        assertThat(e.subject()).as("an unknown role is NotFoundException(ROLE)")
                .isEqualTo(NotFoundException.Subject.ROLE);
    }

    // ---- listing -------------------------------------------------------------------------------

    @Test
    void listsGroupsWithTheirRolesAsFindDoes() {
        RoleGroup hr = group("HR");
        directory.addRole(hr.id(), RoleName.of("Recruiter"));

        RoleGroupPage page = directory.listRoleGroups(PageRequest.first(PageRequest.MAX_SIZE));

        assertThat(page.groups()).as("listRoleGroups shows each group with its roles, as findRoleGroup does")
                .contains(found(hr.id()), defaultGroup());
        assertThat(page.hasMore()).as("hasMore is false on the page that holds the last group").isFalse();
    }

    @Test
    void listsGroupsInCreationOrderAfterExistingOnes() {
        List<RoleGroupId> before = directory.allRoleGroups().map(RoleGroup::id).toList();
        List<RoleGroupId> created = DEPARTMENTS.stream().map(name -> group(name).id()).toList();

        List<RoleGroupId> after = directory.allRoleGroups().map(RoleGroup::id).toList();

        List<RoleGroupId> expected = new ArrayList<>(before);
        expected.addAll(created);
        assertThat(after).as("groups are listed in creation order: the groups that existed, then the new ones in"
                        + " the order they were added (not in the order of a hash map or of their names: %s)",
                        DEPARTMENTS)
                .containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "page size {0}")
    @ValueSource(ints = {1, 2, 7, 25, PageRequest.MAX_SIZE})
    void pagesSeeEveryGroupExactlyOnceAndHasMoreIsFalseOnlyOnTheLastPage(int size) {
        for (int i = 0; i < 24; i++) {
            group(DEPARTMENTS.get(i % DEPARTMENTS.size()) + " " + i);
        }
        List<RoleGroupId> expected = directory.allRoleGroups().map(RoleGroup::id).toList();

        List<RoleGroupId> seen = new ArrayList<>();
        List<Boolean> hasMore = new ArrayList<>();
        PageRequest request = PageRequest.first(size);
        RoleGroupPage page;
        do {
            page = directory.listRoleGroups(request);
            assertThat(page.groups()).as("a page holds at most its size (%s)", request)
                    .hasSizeLessThanOrEqualTo(size);
            page.groups().forEach(g -> seen.add(g.id()));
            hasMore.add(page.hasMore());
            request = request.next();
        } while (page.hasMore() && hasMore.size() <= expected.size() + 1);

        assertThat(seen).as("paging from offset 0 sees every group exactly once, in listing order")
                .containsExactlyElementsOf(expected);
        assertThat(hasMore.subList(0, hasMore.size() - 1)).as("hasMore is true on every page before the last")
                .doesNotContain(false);
        assertThat(hasMore.get(hasMore.size() - 1)).as("hasMore is false on the page that holds the last group")
                .isFalse();
        assertThat(hasMore).as("%d groups in pages of %d take exactly that many pages", expected.size(), size)
                .hasSize((expected.size() + size - 1) / size);
    }

    @Test
    void aPageBeyondTheEndIsEmptyWithoutMore() {
        long count = directory.allRoleGroups().count();

        RoleGroupPage page = directory.listRoleGroups(new PageRequest((int) count + 10, 20));

        assertThat(page.groups()).as("a page past the end is empty").isEmpty();
        assertThat(page.hasMore()).as("a page past the end has no more").isFalse();
    }

    @Test
    void theWalkSeesEveryGroupOnceAcrossManyPages() {
        int created = 205;
        for (int i = 0; i < created; i++) {
            group("Walk " + i);
        }

        List<RoleGroup> walked = directory.allRoleGroups().toList();

        assertThat(walked).as("allRoleGroups sees no group twice").doesNotHaveDuplicates();
        assertThat(walked.stream().filter(g -> g.name().value().startsWith("Walk ")))
                .as("allRoleGroups sees every group across pages of %d", PageRequest.MAX_SIZE).hasSize(created);
        assertThat(walked.stream().filter(RoleGroup::isDefault)).as("allRoleGroups sees the Default group once")
                .hasSize(1);
    }

    // ---- concurrency ----------------------------------------------------------------------------

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void concurrentWritersAddingDistinctNamesAllSucceedWithUniqueIds() throws Exception {
        RoleGroup hr = group("HR");
        int threads = writerThreads();
        int perThread = 5;

        List<Role> added = race(threads, t -> () -> {
            List<Role> mine = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                mine.add(directory.addRole(hr.id(), RoleName.of("t" + t + "-r" + i)));
            }
            return mine;
        }).stream().flatMap(List::stream).toList();

        assertThat(added).as("concurrent addRole calls with distinct names all succeed").hasSize(threads * perThread);
        assertThat(added.stream().map(Role::id)).as("concurrent addRole calls get distinct ids")
                .doesNotHaveDuplicates();
        assertThat(found(hr.id()).roles()).as("no concurrent addRole is lost")
                .containsExactlyInAnyOrderElementsOf(added);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void concurrentWritersRacingForOneRoleNameLetExactlyOneWin() throws Exception {
        RoleGroup hr = group("HR");

        List<Object> outcomes = race(writerThreads(), t -> () -> attempt(
                () -> directory.addRole(hr.id(), RoleName.of("Contested"))));

        assertThat(outcomes).as("of concurrent addRole calls with one name, exactly one succeeds")
                .filteredOn(Role.class::isInstance).hasSize(1);
        assertThat(outcomes).as("the losers of an addRole race get ConflictException(DUPLICATE_NAME)")
                .filteredOn(o -> !(o instanceof Role)).allSatisfy(o -> assertThat(o)
                        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reason())
                                .isEqualTo(ConflictException.Reason.DUPLICATE_NAME)));
        assertThat(roleNames(found(hr.id()))).as("an addRole race leaves one role of that name")
                .containsExactly("Contested");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void concurrentWritersRacingForOneGroupNameLetExactlyOneWin() throws Exception {
        List<Object> outcomes = race(writerThreads(), t -> () -> attempt(() -> group("Contested")));

        assertThat(outcomes).as("of concurrent addRoleGroup calls with one name, exactly one succeeds")
                .filteredOn(RoleGroup.class::isInstance).hasSize(1);
        assertThat(outcomes).as("the losers of an addRoleGroup race get ConflictException")
                .filteredOn(o -> !(o instanceof RoleGroup))
                .allSatisfy(o -> assertThat(o).isInstanceOf(ConflictException.class));
        assertThat(directory.allRoleGroups().filter(g -> g.name().value().equals("Contested")))
                .as("an addRoleGroup race leaves one group of that name").hasSize(1);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void concurrentRenamesOntoOneNameLetExactlyOneWin() throws Exception {
        RoleGroup hr = group("HR");
        List<Role> roles = IntStream.range(0, writerThreads())
                .mapToObj(i -> directory.addRole(hr.id(), RoleName.of("r" + i))).toList();

        List<Object> outcomes = race(roles.size(), t -> () -> attempt(() -> {
            directory.renameRole(roles.get(t).id(), RoleName.of("Contested"));
            return roles.get(t).id();
        }));

        assertThat(outcomes).as("of concurrent renames onto one name, exactly one succeeds")
                .filteredOn(RoleId.class::isInstance).hasSize(1);
        assertThat(roleNames(found(hr.id()))).as("a rename race leaves one role of that name")
                .containsOnlyOnce("Contested");
    }

    private static Object attempt(Callable<?> call) throws Exception {
        try {
            return call.call();
        } catch (RoleDirectoryException e) {
            return e;
        }
    }

    /** Runs one task per thread, all released at once, and returns their results in thread order. */
    private static <T> List<T> race(int threads, java.util.function.IntFunction<Callable<T>> task)
            throws InterruptedException, ExecutionException {
        assertThat(threads).as("writerThreads() races at least 2 threads").isGreaterThanOrEqualTo(2);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<T> body = task.apply(t);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return body.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
