package io.github.dingtalkroles.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * Default group and nothing the test has not created:
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
 */
public abstract class RoleDirectoryContract {

    /** The directory under test, fresh for each test. */
    protected RoleDirectory directory;

    /** A fresh directory holding the Default group (with its built-in roles) and nothing else. */
    protected abstract RoleDirectory newDirectory() throws Exception;

    /** Releases what {@link #newDirectory()} acquired; by default nothing. */
    protected void closeDirectory(RoleDirectory directory) throws Exception {
    }

    /** How many threads the concurrency tests use; 8 by default. */
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

    // ---- helpers -------------------------------------------------------------------------------

    private RoleGroup defaultGroup() {
        return directory.allRoleGroups().filter(RoleGroup::isDefault).findFirst()
                .orElseThrow(() -> new AssertionError("the directory has no Default group"));
    }

    private RoleGroup group(String name) {
        return directory.addRoleGroup(RoleGroupName.of(name));
    }

    private RoleGroup found(RoleGroupId id) {
        return directory.findRoleGroup(id).orElseThrow(() -> new AssertionError("group " + id + " not found"));
    }

    private static List<String> roleNames(RoleGroup group) {
        return group.roles().stream().map(r -> r.name().value()).collect(Collectors.toList());
    }

    private static RoleGroupId unknownGroupId() {
        return RoleGroupId.of(Long.MAX_VALUE - 7);
    }

    // ---- the Default group ---------------------------------------------------------------------

    @Test
    void aFreshDirectoryHoldsTheDefaultGroupWithBuiltInRoles() {
        RoleGroup defaultGroup = defaultGroup();

        assertThat(defaultGroup.roles()).isNotEmpty();
        assertThat(found(defaultGroup.id())).isEqualTo(defaultGroup);
    }

    @Test
    void refusesToAddARoleToTheDefaultGroup() {
        RoleGroup defaultGroup = defaultGroup();

        assertThatThrownBy(() -> directory.addRole(defaultGroup.id(), RoleName.of("Auditor")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reason())
                        .isEqualTo(ConflictException.Reason.IMMUTABLE_DEFAULT_GROUP));
        assertThat(found(defaultGroup.id())).isEqualTo(defaultGroup);
    }

    @Test
    void refusesToRenameABuiltInRole() {
        RoleGroup defaultGroup = defaultGroup();
        Role builtIn = defaultGroup.roles().get(0);

        assertThatThrownBy(() -> directory.renameRole(builtIn.id(), RoleName.of("Chief")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reason())
                        .isEqualTo(ConflictException.Reason.IMMUTABLE_DEFAULT_GROUP));
        assertThat(found(defaultGroup.id())).isEqualTo(defaultGroup);
    }

    @Test
    void refusesASecondGroupNamedDefault() {
        assertThatThrownBy(() -> group("Default"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reason())
                        .isEqualTo(ConflictException.Reason.DUPLICATE_NAME));
    }

    // ---- role groups ---------------------------------------------------------------------------

    @Test
    void addsAnEmptyRoleGroupWithAFreshId() {
        RoleGroup before = defaultGroup();

        RoleGroup hr = group("HR");

        assertThat(hr.name()).isEqualTo(RoleGroupName.of("HR"));
        assertThat(hr.roles()).isEmpty();
        assertThat(hr.id()).isNotEqualTo(before.id());
        assertThat(found(hr.id())).isEqualTo(hr);
    }

    @Test
    void storesRoleGroupNamesTrimmed() {
        RoleGroup group = group("  Finance  ");

        assertThat(found(group.id()).name().value()).isEqualTo("Finance");
    }

    @Test
    void refusesADuplicateRoleGroupName() {
        group("HR");
        long groupsBefore = directory.allRoleGroups().count();

        assertThatThrownBy(() -> group(" HR "))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_NAME);
                    assertThat(e.isRetryable()).isFalse();
                });
        assertThat(directory.allRoleGroups().count()).isEqualTo(groupsBefore);
    }

    @Test
    void findsNothingForAnUnknownGroup() {
        assertThat(directory.findRoleGroup(unknownGroupId())).isEmpty();
    }

    // ---- roles -----------------------------------------------------------------------------------

    @Test
    void addsARoleToAGroup() {
        RoleGroup hr = group("HR");

        Role recruiter = directory.addRole(hr.id(), RoleName.of("Recruiter"));

        assertThat(recruiter.name()).isEqualTo(RoleName.of("Recruiter"));
        assertThat(recruiter.groupId()).isEqualTo(hr.id());
        assertThat(found(hr.id()).roles()).containsExactly(recruiter);
    }

    @Test
    void keepsRolesInTheOrderTheyWereAdded() {
        RoleGroup hr = group("HR");
        directory.addRole(hr.id(), RoleName.of("Recruiter"));
        directory.addRole(hr.id(), RoleName.of("Payroll"));
        directory.addRole(hr.id(), RoleName.of("Benefits"));

        assertThat(roleNames(found(hr.id()))).containsExactly("Recruiter", "Payroll", "Benefits");
    }

    @Test
    void storesRoleNamesTrimmedAndAcceptsAnyScript() {
        RoleGroup hr = group("HR");

        Role role = directory.addRole(hr.id(), RoleName.of("  财务 \uD83D\uDCBC "));

        assertThat(role.name().value()).isEqualTo("财务 \uD83D\uDCBC");
        assertThat(roleNames(found(hr.id()))).containsExactly("财务 \uD83D\uDCBC");
    }

    @Test
    void givesEveryRoleItsOwnId() {
        RoleGroup a = group("A");
        RoleGroup b = group("B");
        Set<RoleId> ids = new HashSet<>(defaultGroup().roles().stream().map(Role::id).toList());

        for (int i = 0; i < 5; i++) {
            assertThat(ids.add(directory.addRole(a.id(), RoleName.of("a" + i)).id())).isTrue();
            assertThat(ids.add(directory.addRole(b.id(), RoleName.of("b" + i)).id())).isTrue();
        }
    }

    @Test
    void refusesADuplicateRoleNameInTheSameGroupAndKeepsTheGroupUnchanged() {
        RoleGroup hr = group("HR");
        directory.addRole(hr.id(), RoleName.of("Recruiter"));
        RoleGroup before = found(hr.id());

        assertThatThrownBy(() -> directory.addRole(hr.id(), RoleName.of(" Recruiter")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reason())
                        .isEqualTo(ConflictException.Reason.DUPLICATE_NAME));
        assertThat(found(hr.id())).isEqualTo(before);
    }

    @Test
    void allowsTheSameRoleNameInDifferentGroups() {
        RoleGroup hr = group("HR");
        RoleGroup it = group("IT");

        Role inHr = directory.addRole(hr.id(), RoleName.of("Lead"));
        Role inIt = directory.addRole(it.id(), RoleName.of("Lead"));

        assertThat(inHr.id()).isNotEqualTo(inIt.id());
    }

    @Test
    void treatsRoleNamesCaseSensitively() {
        RoleGroup hr = group("HR");
        directory.addRole(hr.id(), RoleName.of("lead"));

        directory.addRole(hr.id(), RoleName.of("Lead"));

        assertThat(roleNames(found(hr.id()))).containsExactly("lead", "Lead");
    }

    @Test
    void reportsAnUnknownGroupWhenAddingARole() {
        assertThatThrownBy(() -> directory.addRole(unknownGroupId(), RoleName.of("Ghost")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.subject()).isEqualTo(NotFoundException.Subject.ROLE_GROUP);
                    assertThat(e.isRetryable()).isFalse();
                });
    }

    // ---- renaming ------------------------------------------------------------------------------

    @Test
    void renamesARoleInPlace() {
        RoleGroup hr = group("HR");
        Role recruiter = directory.addRole(hr.id(), RoleName.of("Recruiter"));
        directory.addRole(hr.id(), RoleName.of("Payroll"));

        directory.renameRole(recruiter.id(), RoleName.of("Talent Partner"));

        assertThat(found(hr.id()).roles()).first()
                .isEqualTo(new Role(recruiter.id(), RoleName.of("Talent Partner"), hr.id()));
        assertThat(roleNames(found(hr.id()))).containsExactly("Talent Partner", "Payroll");
    }

    @Test
    void renamingARoleToItsOwnNameSucceedsAndChangesNothing() {
        RoleGroup hr = group("HR");
        Role recruiter = directory.addRole(hr.id(), RoleName.of("Recruiter"));
        RoleGroup before = found(hr.id());

        directory.renameRole(recruiter.id(), RoleName.of("Recruiter"));
        directory.renameRole(recruiter.id(), RoleName.of("Recruiter"));

        assertThat(found(hr.id())).isEqualTo(before);
    }

    @Test
    void refusesARenameOntoAnotherRolesNameInTheGroup() {
        RoleGroup hr = group("HR");
        directory.addRole(hr.id(), RoleName.of("Recruiter"));
        Role payroll = directory.addRole(hr.id(), RoleName.of("Payroll"));
        RoleGroup before = found(hr.id());

        assertThatThrownBy(() -> directory.renameRole(payroll.id(), RoleName.of("Recruiter")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reason())
                        .isEqualTo(ConflictException.Reason.DUPLICATE_NAME));
        assertThat(found(hr.id())).isEqualTo(before);
    }

    @Test
    void allowsARenameOntoANameUsedInAnotherGroup() {
        RoleGroup hr = group("HR");
        RoleGroup it = group("IT");
        directory.addRole(hr.id(), RoleName.of("Lead"));
        Role admin = directory.addRole(it.id(), RoleName.of("Admin"));

        directory.renameRole(admin.id(), RoleName.of("Lead"));

        assertThat(roleNames(found(it.id()))).containsExactly("Lead");
    }

    @Test
    void reportsAnUnknownRoleWhenRenaming() {
        assertThatThrownBy(() -> directory.renameRole(RoleId.of(Long.MAX_VALUE - 3), RoleName.of("Ghost")))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.subject()).isEqualTo(NotFoundException.Subject.ROLE));
    }

    // ---- listing -------------------------------------------------------------------------------

    @Test
    void listsGroupsWithTheirRolesAsFindDoes() {
        RoleGroup hr = group("HR");
        directory.addRole(hr.id(), RoleName.of("Recruiter"));

        RoleGroupPage page = directory.listRoleGroups(PageRequest.first(PageRequest.MAX_SIZE));

        assertThat(page.groups()).contains(found(hr.id()), defaultGroup());
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void listsGroupsInCreationOrderAfterExistingOnes() {
        List<RoleGroupId> before = directory.allRoleGroups().map(RoleGroup::id).toList();
        RoleGroup first = group("First");
        RoleGroup second = group("Second");

        List<RoleGroupId> after = directory.allRoleGroups().map(RoleGroup::id).toList();

        assertThat(after).startsWith(before.toArray(RoleGroupId[]::new)).endsWith(first.id(), second.id());
    }

    @ParameterizedTest(name = "page size {0}")
    @ValueSource(ints = {1, 2, 7, 25, PageRequest.MAX_SIZE})
    void pagesSeeEveryGroupExactlyOnceAndHasMoreIsFalseOnlyOnTheLastPage(int size) {
        for (int i = 0; i < 24; i++) {
            group("G" + i);
        }
        List<RoleGroupId> expected = directory.allRoleGroups().map(RoleGroup::id).toList();

        List<RoleGroupId> seen = new ArrayList<>();
        List<Boolean> hasMore = new ArrayList<>();
        PageRequest request = PageRequest.first(size);
        RoleGroupPage page;
        do {
            page = directory.listRoleGroups(request);
            assertThat(page.groups()).hasSizeLessThanOrEqualTo(size);
            page.groups().forEach(g -> seen.add(g.id()));
            hasMore.add(page.hasMore());
            request = request.next();
        } while (page.hasMore() && hasMore.size() <= expected.size() + 1);

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(hasMore.subList(0, hasMore.size() - 1)).doesNotContain(false);
        assertThat(hasMore.get(hasMore.size() - 1)).isFalse();
        assertThat(hasMore).hasSize((expected.size() + size - 1) / size);
    }

    @Test
    void aPageBeyondTheEndIsEmptyWithoutMore() {
        long count = directory.allRoleGroups().count();

        RoleGroupPage page = directory.listRoleGroups(new PageRequest((int) count + 10, 20));

        assertThat(page.groups()).isEmpty();
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void theWalkSeesEveryGroupOnceAcrossManyPages() {
        int created = 205;
        for (int i = 0; i < created; i++) {
            group("Walk " + i);
        }

        List<RoleGroup> walked = directory.allRoleGroups().toList();

        assertThat(walked).doesNotHaveDuplicates();
        assertThat(walked.stream().filter(g -> g.name().value().startsWith("Walk "))).hasSize(created);
        assertThat(walked.stream().filter(RoleGroup::isDefault)).hasSize(1);
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

        assertThat(added).hasSize(threads * perThread);
        assertThat(added.stream().map(Role::id)).doesNotHaveDuplicates();
        assertThat(found(hr.id()).roles()).containsExactlyInAnyOrderElementsOf(added);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void concurrentWritersRacingForOneRoleNameLetExactlyOneWin() throws Exception {
        RoleGroup hr = group("HR");

        List<Object> outcomes = race(writerThreads(), t -> () -> attempt(
                () -> directory.addRole(hr.id(), RoleName.of("Contested"))));

        assertThat(outcomes).filteredOn(Role.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !(o instanceof Role)).allSatisfy(o -> assertThat(o)
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reason())
                        .isEqualTo(ConflictException.Reason.DUPLICATE_NAME)));
        assertThat(roleNames(found(hr.id()))).containsExactly("Contested");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void concurrentWritersRacingForOneGroupNameLetExactlyOneWin() throws Exception {
        List<Object> outcomes = race(writerThreads(), t -> () -> attempt(() -> group("Contested")));

        assertThat(outcomes).filteredOn(RoleGroup.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !(o instanceof RoleGroup))
                .allSatisfy(o -> assertThat(o).isInstanceOf(ConflictException.class));
        assertThat(directory.allRoleGroups().filter(g -> g.name().value().equals("Contested"))).hasSize(1);
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

        assertThat(outcomes).filteredOn(RoleId.class::isInstance).hasSize(1);
        assertThat(roleNames(found(hr.id()))).containsOnlyOnce("Contested");
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
