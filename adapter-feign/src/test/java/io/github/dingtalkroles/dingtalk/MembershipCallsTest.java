package io.github.dingtalkroles.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dingtalkroles.domain.Employee;
import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleAssignment;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleMember;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.emulator.DingTalkEmulator;
import io.github.dingtalkroles.emulator.EmulatorFault;
import io.github.dingtalkroles.emulator.EmulatorOperation;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.port.AssignmentFailedException;
import io.github.dingtalkroles.port.MemberPage;
import io.github.dingtalkroles.port.MemberPageRequest;
import io.github.dingtalkroles.port.NotFoundException;
import io.github.dingtalkroles.port.RoleAssignments;
import io.github.dingtalkroles.port.UnavailableException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter's own promises on the membership calls and deleteRole, over real HTTP to the emulator:
 * lost replies, bulk splitting and concurrency, and the report of a bulk call that fails part-way.
 */
class MembershipCallsTest {
    private static final String KEY = "members-app";
    private static final String SECRET = "members-secret";

    private final InMemoryRoleDirectory backend = roster(60);
    private DingTalkEmulator emulator;
    private DingTalkRoleDirectory directory;

    private static InMemoryRoleDirectory roster(int users) {
        InMemoryRoleDirectory.Builder builder = InMemoryRoleDirectory.builder();
        IntStream.rangeClosed(1, users).forEach(i -> builder.employee(new Employee(user(i), "User " + i, List.of())));
        return builder.build();
    }

    private static UserId user(int i) {
        return UserId.of(String.format("u%03d", i));
    }

    private static List<UserId> users(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(MembershipCallsTest::user).toList();
    }

    private void start(RoleAssignments served, int bulkConcurrency) {
        DingTalkEmulator.Builder builder = DingTalkEmulator.builder().directory(backend).appCredentials(KEY, SECRET)
                .workerThreads(16);
        if (served != null) {
            builder.assignments(served);
        }
        emulator = builder.start();
        directory = DingTalkRoleDirectory.builder().baseUrl(emulator.baseUrl())
                .appCredentials(KEY, AppSecret.of(SECRET)).backoff(Duration.ofMillis(10)).noRateLimit()
                .bulkConcurrency(bulkConcurrency).build();
    }

    @AfterEach
    void stop() {
        if (directory != null) {
            directory.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private Role role(String name) {
        return backend.addRole(backend.addRoleGroup(RoleGroupName.of("G " + name)).id(), RoleName.of(name));
    }

    private Set<UserId> membersOf(Role role) {
        return backend.allMembers(role.id()).map(RoleMember::userId).collect(Collectors.toSet());
    }

    @Test
    void deletingARoleWhoseReplyWasLostSucceedsWhenTheRetryFindsItGone() {
        start(null, 2);
        Role role = role("Temp");
        emulator.faults().next(EmulatorOperation.DELETE_ROLE, EmulatorFault.COMMIT_THEN_BUSY, 1);

        directory.deleteRole(role.id());

        assertThat(backend.findRole(role.id())).isEmpty();
        assertThat(emulator.requestCount(EmulatorOperation.DELETE_ROLE)).isEqualTo(2);
    }

    @Test
    void deletingAnUnknownRoleWithoutALostReplyIsNotFound() {
        start(null, 2);

        assertThatThrownBy(() -> directory.deleteRole(RoleId.of(Long.MAX_VALUE - 3)))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.subject()).isEqualTo(NotFoundException.Subject.ROLE))
                .hasMessageContaining("33011");
    }

    @Test
    void aBulkGrantIsSplitIntoCallsOfTwentyByTwenty() {
        start(null, 4);
        List<Role> roles = IntStream.rangeClosed(1, 21).mapToObj(i -> role("R" + i)).toList();

        directory.grant(roles.stream().map(Role::id).toList(), users(1, 41));

        // 21 roles -> 2 role slices; 41 users -> 3 user slices: 6 calls
        assertThat(emulator.requestCount(EmulatorOperation.GRANT_ROLES)).isEqualTo(6);
        roles.forEach(r -> assertThat(membersOf(r)).containsExactlyInAnyOrderElementsOf(users(1, 41)));
        directory.revoke(roles.stream().map(Role::id).toList(), users(1, 41));
        // 2 role slices x 1 user slice of up to 100
        assertThat(emulator.requestCount(EmulatorOperation.REVOKE_ROLES)).isEqualTo(2);
        roles.forEach(r -> assertThat(membersOf(r)).isEmpty());
    }

    @Test
    void theCallsOfABulkGrantAreInFlightAtTheSameTime() throws Exception {
        CountDownLatch allInFlight = new CountDownLatch(3);
        AtomicInteger calls = new AtomicInteger();
        RoleAssignments gate = new Delegating(backend) {
            @Override
            public void grant(Collection<RoleId> roleIds, Collection<UserId> userIds) {
                calls.incrementAndGet();
                allInFlight.countDown();
                try {
                    // a sequential client would never bring the other two calls: the wait then gives up
                    allInFlight.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.grant(roleIds, userIds);
            }
        };
        start(gate, 3);
        Role role = role("Concurrent");

        directory.grant(List.of(role.id()), users(1, 60));

        assertThat(allInFlight.getCount()).as("three calls were in flight together").isZero();
        assertThat(calls).hasValue(3);
        assertThat(membersOf(role)).hasSize(60);
    }

    @Test
    void aBulkGrantThatFailsPartWayReportsExactlyThePairsApplied() {
        start(null, 1);
        Role role = role("Partial");
        List<UserId> requested = new java.util.ArrayList<>(users(1, 45));
        requested.set(25, UserId.of("not-an-employee")); // in the second call of 20

        AssignmentFailedException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                AssignmentFailedException.class, () -> directory.grant(List.of(role.id()), requested));

        assertThat(e.failure()).isInstanceOf(NotFoundException.class);
        Set<UserId> applied = e.applied().stream().map(RoleAssignment::userId).collect(Collectors.toSet());
        assertThat(applied).as("the first call's users (one call at a time: later calls not started)")
                .containsExactlyInAnyOrderElementsOf(requested.subList(0, 20));
        assertThat(membersOf(role)).as("what was reported applied is exactly what the backend holds")
                .isEqualTo(applied);
        assertThat(e.notApplied()).hasSize(25);
        assertThat(e.getMessage()).startsWith("grant applied 20 of 45 (role, user) pairs, then failed: ");

        directory.grant(List.of(role.id()), requested.stream().filter(u -> !u.value().startsWith("not")).toList());
        assertThat(membersOf(role)).as("re-running without the bad id completes the grant").hasSize(44);
    }

    @Test
    void aBulkCallWhoseReplyIsLostIsRetriedAndCompletes() {
        start(null, 2);
        Role role = role("Lossy");
        emulator.faults().next(EmulatorOperation.GRANT_ROLES, EmulatorFault.COMMIT_THEN_BUSY, 1);
        emulator.faults().next(EmulatorOperation.REVOKE_ROLES, EmulatorFault.DROP_CONNECTION, 1);

        directory.grant(List.of(role.id()), users(1, 30));
        assertThat(membersOf(role)).hasSize(30);
        directory.revoke(List.of(role.id()), users(1, 30));
        assertThat(membersOf(role)).isEmpty();
    }

    @Test
    void aScopeAndAMemberPageTravelWithTheirFields() {
        start(null, 2);
        Role role = role("Scoped");
        backend.grant(List.of(role.id()), users(1, 3));

        directory.setScope(role.id(), user(2), ManagementScope.wholeOrganisation());
        MemberPage page = directory.listMembers(role.id(), new MemberPageRequest(1, 1));

        assertThat(page.members()).extracting(RoleMember::userId).containsExactly(user(2));
        assertThat(page.members().get(0).name()).isEqualTo("User 2");
        assertThat(page.hasMore()).isTrue();
    }

    @Test
    void aFailedBulkCallOfUnknownOutcomeIsNotReportedApplied() {
        start(null, 1);
        Role role = role("Unknown");
        emulator.faults().nextOnAny(EmulatorFault.HTTP_500, 10);

        AssignmentFailedException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                AssignmentFailedException.class, () -> directory.grant(List.of(role.id()), users(1, 5)));

        assertThat(e.failure()).isInstanceOf(UnavailableException.class);
        assertThat(e.applied()).isEmpty();
        assertThat(e.notApplied()).hasSize(5);
    }

    /** Passes every call to another {@link RoleAssignments}. */
    private static class Delegating implements RoleAssignments {
        private final RoleAssignments to;

        Delegating(RoleAssignments to) {
            this.to = to;
        }

        @Override
        public void grant(Collection<RoleId> roleIds, Collection<UserId> userIds) {
            to.grant(roleIds, userIds);
        }

        @Override
        public void revoke(Collection<RoleId> roleIds, Collection<UserId> userIds) {
            to.revoke(roleIds, userIds);
        }

        @Override
        public MemberPage listMembers(RoleId roleId, MemberPageRequest page) {
            return to.listMembers(roleId, page);
        }

        @Override
        public void setScope(RoleId roleId, UserId userId, ManagementScope scope) {
            to.setScope(roleId, userId, scope);
        }
    }
}
