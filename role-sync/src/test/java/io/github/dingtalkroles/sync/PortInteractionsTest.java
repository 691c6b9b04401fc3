package io.github.dingtalkroles.sync;

import static io.github.dingtalkroles.sync.Organisation.group;
import static io.github.dingtalkroles.sync.Organisation.member;
import static io.github.dingtalkroles.sync.Organisation.role;
import static io.github.dingtalkroles.sync.Organisation.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.InOrder;

/**
 * Where the calls on the port are the behaviour: planning never writes, and applying writes in a safe
 * order with bulk calls. A Mockito spy of the real in-memory backend records them.
 */
class PortInteractionsTest {
    private InMemoryRoleDirectory org;
    private RoleId recruiter;
    private RoleId old;

    /** HR: Recruiter (user1, user2), Old (user3); IT: Admin. */
    @BeforeEach
    void organisation() {
        InMemoryRoleDirectory real = Organisation.withRoster();
        RoleGroupId hr = real.addRoleGroup(RoleGroupName.of("HR")).id();
        recruiter = real.addRole(hr, RoleName.of("Recruiter")).id();
        old = real.addRole(hr, RoleName.of("Old")).id();
        real.addRole(real.addRoleGroup(RoleGroupName.of("IT")).id(), RoleName.of("Admin"));
        real.grant(List.of(recruiter), List.of(user(1), user(2)));
        real.grant(List.of(old), List.of(user(3)));
        org = spy(real);
    }

    /** Each case: what it is, the desired state (given the Recruiter role's id), and whether it has changes. */
    static Stream<Arguments> desiredStates() {
        return Stream.of(
                Arguments.of("nothing", (Function<RoleId, DesiredState>) r -> DesiredState.empty(), false),
                Arguments.of("every kind of change", (Function<RoleId, DesiredState>) r -> DesiredState.of(
                        group("HR", DesiredRole.named(RoleName.of("Talent")).withId(r)
                                .withMembers(List.of(member(1, 1, 2), member(4))), role("Auditor", member(5))),
                        group("Sales", role("Rep", member(6, 3)))), true),
                Arguments.of("revoke everyone", (Function<RoleId, DesiredState>) r -> DesiredState.of(
                        group("HR", role("Recruiter"), role("Old"))), null),
                Arguments.of("catalogue only", (Function<RoleId, DesiredState>) r -> DesiredState.of(
                        DesiredGroup.of(RoleGroupName.of("New"), DesiredRole.named(RoleName.of("A")))), true),
                Arguments.of("the Default group changed (refused)", (Function<RoleId, DesiredState>) r ->
                        DesiredState.of(group("Default", role("Boss"))), false));
    }

    /**
     * {@code changes}: true if every plan has changes, false if none has (or, for the Default group, planning is
     * refused), null if only the prune plan has (revoking everyone is a change only with prune).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("desiredStates")
    void planningWritesNothingWithOrWithoutPrune(String what, Function<RoleId, DesiredState> state, Boolean changes) {
        RoleSync sync = RoleSync.builder(org, org).build();
        DesiredState desired = state.apply(recruiter);

        for (Prune prune : Prune.values()) {
            if (what.endsWith("(refused)")) {
                assertThatThrownBy(() -> sync.plan(desired, prune)).isInstanceOf(ImpossibleChangeException.class);
            } else {
                boolean expected = changes == null ? prune == Prune.ON : changes;
                assertThat(sync.plan(desired, prune).isEmpty()).as(prune + ": a plan with changes").isEqualTo(!expected);
            }
        }
        sync.export(true);

        verifyNoWrite(org);
    }

    @Test
    void appliesInTheSafeOrderGroupsRolesGrantsScopesRevokesDeletes() {
        RoleSync sync = RoleSync.builder(org, org).build();
        Plan plan = sync.plan(DesiredState.of(
                group("HR", DesiredRole.named(RoleName.of("Talent")).withId(recruiter)
                        .withMembers(List.of(member(1, 1, 2), member(4))), role("Auditor", member(5))),
                group("Sales", role("Rep", member(6, 3)))), Prune.ON);

        sync.apply(plan);

        InOrder order = inOrder(org);
        order.verify(org).addRoleGroup(RoleGroupName.of("Sales"));
        order.verify(org).renameRole(recruiter, RoleName.of("Talent"));
        order.verify(org, times(2)).addRole(any(), any());
        order.verify(org, times(3)).grant(anyCollection(), anyCollection());
        order.verify(org, times(2)).setScope(any(), any(), any());
        order.verify(org, times(2)).revoke(anyCollection(), anyCollection());
        order.verify(org).deleteRole(old);
        order.verifyNoMoreInteractions();
    }

    @Test
    void revokesARoleFromEveryMemberBeforeDeletingIt() {
        RoleSync sync = RoleSync.builder(org, org).build();

        sync.apply(sync.plan(DesiredState.of(group("HR", role("Recruiter", member(1), member(2)))), Prune.ON));

        InOrder order = inOrder(org);
        order.verify(org).revoke(List.of(old), Set.of(user(3)));
        order.verify(org).deleteRole(old);
    }

    @Test
    void rolesGainingTheSameUsersShareOneBulkGrantAndLosingThemOneBulkRevoke() {
        RoleSync sync = RoleSync.builder(org, org).build();
        List<DesiredMember> team = IntStream.rangeClosed(1, 25).mapToObj(Organisation::member).toList();
        DesiredState staffed = DesiredState.of(DesiredGroup.of(RoleGroupName.of("Team"),
                Stream.of("A", "B", "C", "D").map(n -> DesiredRole.named(RoleName.of(n)).withMembers(team))
                        .toArray(DesiredRole[]::new)));
        DesiredState emptied = DesiredState.of(DesiredGroup.of(RoleGroupName.of("Team"),
                Stream.of("A", "B", "C", "D").map(n -> DesiredRole.named(RoleName.of(n)).withMembers(List.of()))
                        .toArray(DesiredRole[]::new)));

        sync.apply(sync.plan(staffed));
        sync.apply(sync.plan(emptied, Prune.ON).forced());

        verify(org, times(1)).grant(argThat(c -> c.size() == 4), argThat(c -> c.size() == 25));
        verify(org, times(1)).revoke(argThat(c -> c.size() == 4), argThat(c -> c.size() == 25));
        assertThat(sync.plan(emptied, Prune.ON).isEmpty()).isTrue();
    }

    @Test
    void setsEachScopeWithItsOwnCall() {
        RoleSync sync = RoleSync.builder(org, org).build();

        sync.apply(sync.plan(DesiredState.of(group("HR", role("Recruiter", member(1, 4), member(2, 4, 5))))));

        verify(org).setScope(recruiter, user(1), ManagementScope.of(DeptId.of(4)));
        verify(org).setScope(eq(recruiter), eq(user(2)), eq(ManagementScope.of(DeptId.of(4), DeptId.of(5))));
        verify(org, never()).grant(anyCollection(), anyCollection());
    }

    @Test
    void aPlanRefusedForItsPruneLimitWritesNothing() {
        RoleSync strict = RoleSync.builder(org, org).pruneLimit(1).build();
        Plan plan = strict.plan(DesiredState.of(group("HR", role("Recruiter"))), Prune.ON);

        assertThatThrownBy(() -> strict.apply(plan)).isInstanceOf(PruneLimitExceededException.class);

        verifyNoWrite(org);
    }

    /** Every write method of both ports: never called. */
    static void verifyNoWrite(InMemoryRoleDirectory org) {
        verify(org, never()).addRoleGroup(any());
        verify(org, never()).addRole(any(), any());
        verify(org, never()).renameRole(any(), any());
        verify(org, never()).deleteRole(any());
        verify(org, never()).grant(anyCollection(), anyCollection());
        verify(org, never()).revoke(anyCollection(), anyCollection());
        verify(org, never()).setScope(any(), any(), any());
    }
}
