package io.github.dingtalkroles.sync;

import static io.github.dingtalkroles.sync.Organisation.group;
import static io.github.dingtalkroles.sync.Organisation.member;
import static io.github.dingtalkroles.sync.Organisation.role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.spy;

import io.github.dingtalkroles.domain.Employee;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.inmemory.DirectorySnapshot;
import io.github.dingtalkroles.inmemory.InMemoryFault;
import io.github.dingtalkroles.inmemory.InMemoryOperation;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.ConflictException;
import io.github.dingtalkroles.port.MemberPage;
import io.github.dingtalkroles.port.RoleDirectoryException;
import io.github.dingtalkroles.port.RoleGroupPage;
import io.github.dingtalkroles.port.UnavailableException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A plan comes from complete walks only: a walk of the role groups or of a role's members that fails
 * half-way, or finds the listing shifted under it, yields no plan, and nothing is changed.
 */
class FailedReadsTest {
    /** More groups than one page (200) holds, so that the group walk takes two pages. */
    private static final int GROUPS = 230;

    private InMemoryRoleDirectory org;
    private RoleId crowded;
    private DirectorySnapshot before;

    /** 230 groups; the last holds "Crowded", with all 30 employees as members, and "Spare". */
    @BeforeEach
    void organisation() {
        InMemoryRoleDirectory real = Organisation.withRoster();
        RoleGroupId last = null;
        for (int i = 1; i <= GROUPS; i++) {
            last = real.addRoleGroup(RoleGroupName.of("G" + i)).id();
        }
        crowded = real.addRole(last, RoleName.of("Crowded")).id();
        real.addRole(last, RoleName.of("Spare"));
        real.grant(List.of(crowded), IntStream.rangeClosed(1, Organisation.EMPLOYEES).mapToObj(Organisation::user).toList());
        org = spy(real);
        before = real.snapshot();
    }

    /** Keeps user1 only in Crowded, adds a role to G1 and a new group: a plan that, if made, would write. */
    private static DesiredState desired() {
        return DesiredState.of(group("G1", role("New", member(1))), group("G" + GROUPS, role("Crowded", member(1))),
                group("Fresh"));
    }

    @ParameterizedTest
    @EnumSource(value = InMemoryFault.class, names = {"UNAVAILABLE", "THROTTLED", "LOST_REPLY", "NOT_AUTHORIZED"})
    void aFailedGroupWalkYieldsNoPlanAndNoChange(InMemoryFault fault) {
        assertNoPlan(() -> org.faults().next(InMemoryOperation.LIST_ROLE_GROUPS, fault), RoleDirectoryException.class);
    }

    @ParameterizedTest
    @EnumSource(value = InMemoryFault.class, names = {"UNAVAILABLE", "THROTTLED", "LOST_REPLY", "NOT_AUTHORIZED"})
    void aFailedMemberWalkYieldsNoPlanAndNoChange(InMemoryFault fault) {
        assertNoPlan(() -> org.faults().next(InMemoryOperation.LIST_MEMBERS, fault), RoleDirectoryException.class);
    }

    @Test
    void aGroupWalkThatFailsOnItsSecondPageYieldsNoPlan() {
        doCallRealMethod()
                .doThrow(new UnavailableException("page 2 lost", BackendDiagnostics.NONE))
                .when(org).listRoleGroups(any());

        assertNoPlan(() -> { }, UnavailableException.class);
    }

    @Test
    void aGroupListingThatShiftsUnderTheWalkYieldsNoPlan() {
        // the second page no longer starts with the last group of the first: a group before it went away
        doCallRealMethod().doAnswer(call -> {
            RoleGroupPage page = (RoleGroupPage) call.callRealMethod();
            return new RoleGroupPage(page.request(), page.groups().subList(1, page.groups().size()), page.hasMore());
        }).when(org).listRoleGroups(any());

        assertThatThrownBy(() -> RoleSync.builder(org, org).build().plan(desired(), Prune.ON))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.LISTING_CHANGED));
        assertNothingChanged();
    }

    @Test
    void aMemberWalkThatFailsOnItsSecondPageYieldsNoPlan() {
        // the member walk reads pages of 100: two pages once Crowded has more members than that
        growCrowdedTo(150);
        doCallRealMethod()
                .doThrow(new UnavailableException("members page 2 lost", BackendDiagnostics.NONE))
                .when(org).listMembers(any(), any());

        assertNoPlan(() -> { }, UnavailableException.class);
    }

    @Test
    void aMemberListingThatShiftsUnderTheWalkYieldsNoPlan() {
        growCrowdedTo(150);
        doCallRealMethod().doAnswer(call -> {
            MemberPage page = (MemberPage) call.callRealMethod();
            return new MemberPage(page.request(), page.members().subList(1, page.members().size()), page.hasMore());
        }).when(org).listMembers(any(), any());

        assertThatThrownBy(() -> RoleSync.builder(org, org).build().plan(desired(), Prune.ON))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.LISTING_CHANGED));
        assertNothingChanged();
    }

    @Test
    void anExportWhoseWalkFailsExportsNothing() {
        org.faults().next(InMemoryOperation.LIST_MEMBERS, InMemoryFault.UNAVAILABLE);

        assertThatThrownBy(() -> RoleSync.builder(org, org).build().export(true)).isInstanceOf(UnavailableException.class);
    }

    private void growCrowdedTo(int members) {
        // the roster holds 30 employees; more members need more employees, so the backend is rebuilt
        InMemoryRoleDirectory.Builder builder = InMemoryRoleDirectory.builder();
        before.departments().forEach(builder::department);
        List<UserId> users = IntStream.rangeClosed(1, members).mapToObj(Organisation::user).toList();
        users.forEach(u -> builder.employee(new Employee(u, "U " + u, List.of())));
        InMemoryRoleDirectory real = builder.build();
        RoleGroupId group = real.addRoleGroup(RoleGroupName.of("G" + GROUPS)).id();
        crowded = real.addRole(group, RoleName.of("Crowded")).id();
        real.grant(List.of(crowded), users);
        org = spy(real);
        before = real.snapshot();
    }

    /** With one call at a time and with several, {@code arm} then plan: no plan, and {@code failure}. */
    private void assertNoPlan(Runnable arm, Class<? extends RoleDirectoryException> failure) {
        for (int concurrency : new int[] {1, RoleSync.DEFAULT_CONCURRENCY}) {
            RoleSync sync = RoleSync.builder(org, org).concurrency(concurrency).build();
            arm.run();
            assertThatThrownBy(() -> sync.plan(desired(), Prune.ON)).isInstanceOf(failure);
            org.faults().clear();
        }
        assertNothingChanged();
    }

    private void assertNothingChanged() {
        PortInteractionsTest.verifyNoWrite(org);
        assertThat(org.snapshot()).isEqualTo(before);
    }
}
