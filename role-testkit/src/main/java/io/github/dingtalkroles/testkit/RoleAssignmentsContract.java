package io.github.dingtalkroles.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.domain.Department;
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
import io.github.dingtalkroles.port.ConflictException;
import io.github.dingtalkroles.port.MemberPage;
import io.github.dingtalkroles.port.MemberPageRequest;
import io.github.dingtalkroles.port.NotFoundException;
import io.github.dingtalkroles.port.RoleAssignments;
import io.github.dingtalkroles.port.RoleDirectory;
import io.github.dingtalkroles.port.RoleDirectoryException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link RoleAssignments} must show, with the {@link RoleDirectory} of the same
 * organisation: the executable form of the membership port's Javadoc.
 *
 * <p>A backend's test extends this class and supplies, for each test, a fresh organisation (the Default
 * group with its built-in roles, as for {@link RoleDirectoryContract}) whose roster holds exactly the
 * {@link #DEPARTMENTS} and {@link #EMPLOYEES} given:
 *
 * <pre>{@code
 * class InMemoryRoleAssignmentsContractTest extends RoleAssignmentsContract {
 *     @Override
 *     protected Backend newBackend(List<Department> departments, List<Employee> employees) {
 *         InMemoryRoleDirectory.Builder builder = InMemoryRoleDirectory.builder();
 *         departments.forEach(builder::department);
 *         employees.forEach(builder::employee);
 *         InMemoryRoleDirectory directory = builder.build();
 *         return new Backend(directory, directory);
 *     }
 * }
 * }</pre>
 *
 * <p>Covered: grant, revoke and their repeat safety, the Default-group and not-found rules, the report
 * of a failed grant, member paging (size bounds, {@code hasMore}, each member once) and the all-members
 * walk, management scopes, and deleting a role with members. Every assertion names its rule. The kit
 * uses user id {@code "nobody-here"}, department id {@code Long.MAX_VALUE - 5} and role id
 * {@code Long.MAX_VALUE - 3} as ids that do not exist.
 */
public abstract class RoleAssignmentsContract {

    /** The departments the roster must hold. */
    protected static final List<Department> DEPARTMENTS = List.of(
            new Department(DeptId.of(910001), "Sales"),
            new Department(DeptId.of(910002), "Legal"),
            new Department(DeptId.of(910003), "Finance"));

    /** The employees the roster must hold: ann, bob, cy, then user-01 to user-45. */
    protected static final List<Employee> EMPLOYEES = employees();

    /**
     * The directory and membership port of one organisation under test.
     *
     * @param directory the directory port
     * @param assignments the membership port of the same organisation
     */
    public record Backend(RoleDirectory directory, RoleAssignments assignments) {
        /**
         * Checks the components.
         *
         * @param directory the directory port; not null
         * @param assignments the membership port of the same organisation; not null
         * @throws NullPointerException if either is null
         */
        public Backend {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(assignments, "assignments");
        }
    }

    /** The organisation under test, from {@link #newBackend}, fresh for each test. */
    protected Backend backend;
    private RoleDirectory directory;
    private RoleAssignments assignments;

    /** For subclasses: the backend's contract test. */
    protected RoleAssignmentsContract() {
    }

    /**
     * A fresh organisation, called once before each test: the Default group with at least one built-in
     * role and nothing else, no role members, and a roster of exactly these departments and employees.
     *
     * @param departments the departments to seed
     * @param employees the employees to seed
     * @return the organisation under test
     * @throws Exception if it cannot be made; the test then fails
     */
    protected abstract Backend newBackend(List<Department> departments, List<Employee> employees) throws Exception;

    /**
     * Releases what {@link #newBackend} acquired, called after each test; by default nothing.
     *
     * @param backend the organisation the test used
     * @throws Exception if releasing fails; the test then fails
     */
    protected void closeBackend(Backend backend) throws Exception {
    }

    @BeforeEach
    final void openBackend() throws Exception {
        backend = newBackend(DEPARTMENTS, EMPLOYEES);
        directory = backend.directory();
        assignments = backend.assignments();
    }

    @AfterEach
    final void releaseBackend() throws Exception {
        closeBackend(backend);
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static List<Employee> employees() {
        List<Employee> all = new ArrayList<>(List.of(
                new Employee(UserId.of("ann"), "Ann", List.of(DeptId.of(910001))),
                new Employee(UserId.of("bob"), "Bob", List.of(DeptId.of(910002))),
                new Employee(UserId.of("cy"), "Cy", List.of())));
        IntStream.rangeClosed(1, 45).forEach(i -> all.add(new Employee(bulkUser(i), "User " + i, List.of())));
        return List.copyOf(all);
    }

    private static UserId bulkUser(int i) {
        return UserId.of(String.format("user-%02d", i));
    }

    private static List<UserId> bulkUsers(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(RoleAssignmentsContract::bulkUser).toList();
    }

    private static final UserId ANN = UserId.of("ann");
    private static final UserId BOB = UserId.of("bob");
    private static final UserId CY = UserId.of("cy");
    private static final UserId NOBODY = UserId.of("nobody-here");
    private static final RoleId UNKNOWN_ROLE = RoleId.of(Long.MAX_VALUE - 3);
    private static final DeptId UNKNOWN_DEPT = DeptId.of(Long.MAX_VALUE - 5);
    private static final DeptId SALES = DeptId.of(910001);
    private static final DeptId LEGAL = DeptId.of(910002);

    private int roleCount;

    private Role role() {
        RoleGroup group = directory.addRoleGroup(RoleGroupName.of("Contract group " + (++roleCount)));
        return directory.addRole(group.id(), RoleName.of("Role " + roleCount));
    }

    private Role builtInRole() {
        List<Role> builtIn = directory.allRoleGroups().filter(RoleGroup::isDefault)
                .flatMap(g -> g.roles().stream()).toList();
        assertThat(builtIn).as("the Default group holds built-in roles (seed them in newBackend)").isNotEmpty();
        return builtIn.get(0);
    }

    private List<UserId> members(Role role) {
        return assignments.allMembers(role.id()).map(RoleMember::userId).toList();
    }

    private RoleMember member(Role role, UserId user) {
        List<RoleMember> found = assignments.allMembers(role.id()).filter(m -> m.userId().equals(user)).toList();
        assertThat(found).as("user %s holds role %s", user, role.id()).hasSize(1);
        return found.get(0);
    }

    private static <T extends RoleDirectoryException> T failure(String rule, Class<T> type, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("%s: expected %s", rule, type.getSimpleName()).isInstanceOf(type);
        return type.cast(thrown);
    }

    private static AssignmentFailedException assignmentFailure(String rule, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("%s: expected AssignmentFailedException", rule)
                .isInstanceOf(AssignmentFailedException.class);
        return (AssignmentFailedException) thrown;
    }

    private static Set<RoleAssignment> pairs(List<Role> roles, List<UserId> users) {
        Set<RoleAssignment> pairs = new HashSet<>();
        roles.forEach(r -> users.forEach(u -> pairs.add(new RoleAssignment(r.id(), u))));
        return pairs;
    }

    // ---- grant and revoke ----------------------------------------------------------------------------

    @Test
    void grantsARoleThatIsThenListedWithTheWholeOrganisationAsScope() {
        Role recruiter = role();

        assignments.grant(List.of(recruiter.id()), List.of(BOB, ANN));

        assertThat(members(recruiter)).as("members are listed in the order they were granted the role")
                .containsExactly(BOB, ANN);
        RoleMember ann = member(recruiter, ANN);
        assertThat(ann.name()).as("a member carries the employee's name").isEqualTo("Ann");
        assertThat(ann.scope()).as("a new member manages the whole organisation (empty scope)").isEmpty();
        assertThat(members(role())).as("granting one role leaves other roles without members").isEmpty();
    }

    @Test
    void repeatingAGrantOrARevokeChangesNothing() {
        Role recruiter = role();
        assignments.grant(List.of(recruiter.id()), List.of(ANN, BOB));
        assignments.setScope(recruiter.id(), ANN, ManagementScope.of(SALES));

        assignments.grant(List.of(recruiter.id(), recruiter.id()), List.of(ANN, ANN, BOB));

        assertThat(members(recruiter)).as("a repeated grant adds no member twice and keeps the order")
                .containsExactly(ANN, BOB);
        assertThat(member(recruiter, ANN).managementScope()).as("a repeated grant keeps the member's scope")
                .isEqualTo(ManagementScope.of(SALES));

        assignments.revoke(List.of(recruiter.id()), List.of(CY));
        assertThat(members(recruiter)).as("revoking a role from a user who does not hold it changes nothing")
                .containsExactly(ANN, BOB);
    }

    @Test
    void revokesARoleAndForgetsTheScope() {
        Role recruiter = role();
        assignments.grant(List.of(recruiter.id()), List.of(ANN, BOB, CY));
        assignments.setScope(recruiter.id(), BOB, ManagementScope.of(LEGAL));

        assignments.revoke(List.of(recruiter.id()), List.of(BOB));

        assertThat(members(recruiter)).as("revoke removes exactly the named member").containsExactly(ANN, CY);
        assignments.grant(List.of(recruiter.id()), List.of(BOB));
        assertThat(member(recruiter, BOB).scope()).as("a revoked member's scope is forgotten").isEmpty();
        assertThat(members(recruiter)).as("a member granted again comes last").containsExactly(ANN, CY, BOB);
    }

    @Test
    void grantsAndRevokesManyRolesToManyUsersInOneCall() {
        List<Role> roles = List.of(role(), role(), role());
        List<UserId> users = bulkUsers(45);

        assignments.grant(roles.stream().map(Role::id).toList(), users);

        for (Role role : roles) {
            assertThat(members(role)).as("a bulk grant (3 roles x 45 users, more than one call's limit) gives"
                    + " every role to every user").containsExactlyInAnyOrderElementsOf(users);
        }
        assignments.revoke(roles.stream().map(Role::id).toList(), users.subList(0, 40));
        for (Role role : roles) {
            assertThat(members(role)).as("a bulk revoke removes exactly the named users")
                    .containsExactlyInAnyOrderElementsOf(users.subList(40, 45));
        }
    }

    @Test
    void grantingOrRevokingNothingChangesNothing() {
        Role recruiter = role();

        assignments.grant(List.of(), List.of(ANN));
        assignments.grant(List.of(recruiter.id()), List.of());
        assignments.revoke(List.of(), List.of());

        assertThat(members(recruiter)).as("an empty grant grants nothing").isEmpty();
    }

    @Test
    void refusesToGrantOrRevokeARoleOfTheDefaultGroup() {
        Role builtIn = builtInRole();
        List<UserId> before = members(builtIn);

        AssignmentFailedException granted = assignmentFailure("granting a built-in role is refused",
                () -> assignments.grant(List.of(builtIn.id()), List.of(ANN)));
        assertThat(granted.failure()).as("a built-in role's grant fails as a conflict")
                .isInstanceOfSatisfying(ConflictException.class, c -> assertThat(c.reason())
                        .as("the conflict's reason").isEqualTo(ConflictException.Reason.IMMUTABLE_DEFAULT_GROUP));
        assertThat(granted.applied()).as("a refused grant applied nothing").isEmpty();
        AssignmentFailedException revoked = assignmentFailure("revoking a built-in role is refused",
                () -> assignments.revoke(List.of(builtIn.id()), List.of(ANN)));
        assertThat(revoked.failure()).as("a built-in role's revoke fails as a conflict")
                .isInstanceOfSatisfying(ConflictException.class, c -> assertThat(c.reason())
                        .as("the conflict's reason").isEqualTo(ConflictException.Reason.IMMUTABLE_DEFAULT_GROUP));
        assertThat(members(builtIn)).as("refused grants and revokes leave the built-in role's members")
                .isEqualTo(before);
    }

    @Test
    void anUnknownRoleOrUserIsNotFoundNamingIt() {
        Role recruiter = role();

        AssignmentFailedException unknownRole = assignmentFailure("granting an unknown role fails",
                () -> assignments.grant(List.of(UNKNOWN_ROLE), List.of(ANN)));
        assertThat(unknownRole.failure()).as("an unknown role is NotFound (ROLE), naming its id")
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.subject())
                        .isEqualTo(NotFoundException.Subject.ROLE))
                .hasMessageContaining(UNKNOWN_ROLE.toString());

        AssignmentFailedException unknownUser = assignmentFailure("granting to an unknown user fails",
                () -> assignments.grant(List.of(recruiter.id()), List.of(ANN, NOBODY)));
        assertThat(unknownUser.failure()).as("an unknown user is NotFound (USER), naming the id")
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.subject())
                        .isEqualTo(NotFoundException.Subject.USER))
                .hasMessageContaining(NOBODY.value());
        Set<RoleAssignment> all = pairs(List.of(recruiter), List.of(ANN, NOBODY));
        Set<RoleAssignment> reported = new HashSet<>(unknownUser.applied());
        reported.addAll(unknownUser.notApplied());
        assertThat(reported).as("a failed grant accounts for every pair: applied or not applied").isEqualTo(all);
        assertThat(unknownUser.notApplied()).as("a pair with an unknown user is never applied")
                .contains(new RoleAssignment(recruiter.id(), NOBODY));
        for (RoleAssignment applied : unknownUser.applied()) {
            assertThat(members(recruiter)).as("every pair reported applied took effect").contains(applied.userId());
        }

        AssignmentFailedException revokeUnknown = assignmentFailure("revoking an unknown role fails",
                () -> assignments.revoke(List.of(UNKNOWN_ROLE), List.of(ANN)));
        assertThat(revokeUnknown.failure()).as("revoke of an unknown role is NotFound (ROLE)")
                .isInstanceOf(NotFoundException.class);
        NotFoundException listing = failure("listing the members of an unknown role fails", NotFoundException.class,
                () -> assignments.listMembers(UNKNOWN_ROLE, MemberPageRequest.first()));
        assertThat(listing.subject()).as("an unknown role's listing is NotFound (ROLE)")
                .isEqualTo(NotFoundException.Subject.ROLE);
    }

    // ---- paging --------------------------------------------------------------------------------------

    @Test
    void pagesThroughMembersWithHasMoreFalseExactlyOnTheLastPage() {
        Role role = role();
        List<UserId> users = bulkUsers(45);
        assignments.grant(List.of(role.id()), users);
        List<UserId> listed = members(role);
        assertThat(listed).as("every member is listed once").containsExactlyInAnyOrderElementsOf(users);

        List<UserId> paged = new ArrayList<>();
        MemberPageRequest request = new MemberPageRequest(0, 20);
        while (true) {
            MemberPage page = assignments.listMembers(role.id(), request);
            page.members().forEach(m -> paged.add(m.userId()));
            boolean last = request.offset() + request.size() >= 45;
            assertThat(page.hasMore()).as("hasMore is false exactly on the page holding the last member"
                    + " (offset %s)", request.offset()).isEqualTo(!last);
            if (last) {
                break;
            }
            request = request.next();
        }
        assertThat(paged).as("pages of 20 list the members in the walk's order").isEqualTo(listed);
        MemberPage past = assignments.listMembers(role.id(), new MemberPageRequest(45, 100));
        assertThat(past.members()).as("a page past the end is empty").isEmpty();
        assertThat(past.hasMore()).as("a page past the end has no more").isFalse();
        MemberPage all = assignments.listMembers(role.id(), new MemberPageRequest(0, 100));
        assertThat(all.members()).as("a page of 100 holds all 45 members").hasSize(45);
        assertThat(all.hasMore()).as("a page holding every member has no more").isFalse();
        MemberPage one = assignments.listMembers(role.id(), new MemberPageRequest(44, 1));
        assertThat(one.members()).as("a page of 1 at offset 44 holds the last member").extracting(RoleMember::userId)
                .containsExactly(listed.get(44));
    }

    @Test
    void aRoleWithoutMembersListsAnEmptyPage() {
        MemberPage page = assignments.listMembers(role().id(), MemberPageRequest.first());

        assertThat(page.members()).as("a new role has no members").isEmpty();
        assertThat(page.hasMore()).as("an empty listing has no more").isFalse();
    }

    // ---- scopes --------------------------------------------------------------------------------------

    @Test
    void setsAndReplacesAMembersScope() {
        Role role = role();
        assignments.grant(List.of(role.id()), List.of(ANN, BOB));

        assignments.setScope(role.id(), ANN, ManagementScope.of(LEGAL, SALES));

        assertThat(member(role, ANN).scope()).as("setScope sets the departments, with their names, in order")
                .containsExactly(DEPARTMENTS.get(1), DEPARTMENTS.get(0));
        assertThat(member(role, BOB).scope()).as("setScope changes only the named member").isEmpty();
        assignments.setScope(role.id(), ANN, ManagementScope.of(LEGAL, SALES));
        assignments.setScope(role.id(), ANN, ManagementScope.wholeOrganisation());
        assertThat(member(role, ANN).scope()).as("an empty scope sets the whole organisation").isEmpty();
    }

    @Test
    void aScopeNeedsAMemberAKnownUserAndKnownDepartments() {
        Role role = role();
        assignments.grant(List.of(role.id()), List.of(ANN));

        ConflictException notMember = failure("setScope for a user who does not hold the role is refused",
                ConflictException.class, () -> assignments.setScope(role.id(), BOB, ManagementScope.of(SALES)));
        assertThat(notMember.reason()).as("the reason is NOT_A_MEMBER").isEqualTo(ConflictException.Reason.NOT_A_MEMBER);
        NotFoundException dept = failure("setScope naming an unknown department is refused", NotFoundException.class,
                () -> assignments.setScope(role.id(), ANN, ManagementScope.of(SALES, UNKNOWN_DEPT)));
        assertThat(dept.subject()).as("an unknown department is NotFound (DEPARTMENT)")
                .isEqualTo(NotFoundException.Subject.DEPARTMENT);
        assertThat(dept).as("the failure names the unknown department").hasMessageContaining(UNKNOWN_DEPT.toString());
        NotFoundException user = failure("setScope for an unknown user is refused", NotFoundException.class,
                () -> assignments.setScope(role.id(), NOBODY, ManagementScope.of(SALES)));
        assertThat(user.subject()).as("an unknown user is NotFound (USER)").isEqualTo(NotFoundException.Subject.USER);
        NotFoundException unknownRole = failure("setScope in an unknown role is refused", NotFoundException.class,
                () -> assignments.setScope(UNKNOWN_ROLE, ANN, ManagementScope.of(SALES)));
        assertThat(unknownRole.subject()).as("an unknown role is NotFound (ROLE)")
                .isEqualTo(NotFoundException.Subject.ROLE);
        assertThat(member(role, ANN).scope()).as("refused setScope calls leave the scope").isEmpty();
    }

    // ---- deleting a role with members ----------------------------------------------------------------

    @Test
    void aRoleWithMembersCannotBeDeletedUntilTheyAreRevoked() {
        Role role = role();
        assignments.grant(List.of(role.id()), List.of(ANN));

        ConflictException e = failure("deleteRole of a role with members is refused", ConflictException.class,
                () -> directory.deleteRole(role.id()));
        assertThat(e.reason()).as("the reason is ROLE_HAS_MEMBERS").isEqualTo(ConflictException.Reason.ROLE_HAS_MEMBERS);
        assertThat(directory.findRole(role.id())).as("a refused deleteRole keeps the role").contains(role);

        assignments.revoke(List.of(role.id()), List.of(ANN));
        directory.deleteRole(role.id());
        assertThat(directory.findRole(role.id())).as("a role without members can be deleted").isEmpty();
    }
}
