package io.github.dingtalkroles.sync;

import static io.github.dingtalkroles.sync.Organisation.group;
import static io.github.dingtalkroles.sync.Organisation.member;
import static io.github.dingtalkroles.sync.Organisation.role;
import static io.github.dingtalkroles.sync.Organisation.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.inmemory.DirectorySnapshot;
import io.github.dingtalkroles.inmemory.InMemoryFault;
import io.github.dingtalkroles.inmemory.InMemoryOperation;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.port.UnavailableException;
import io.github.dingtalkroles.sync.Change.AddRole;
import io.github.dingtalkroles.sync.Change.CreateGroup;
import io.github.dingtalkroles.sync.Change.DeleteRole;
import io.github.dingtalkroles.sync.Change.Grant;
import io.github.dingtalkroles.sync.Change.RenameRole;
import io.github.dingtalkroles.sync.Change.Revoke;
import io.github.dingtalkroles.sync.Change.SetScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plan, apply and export on the in-memory backend, through the public API. */
class RoleSyncTest {
    private static final RoleGroupName HR = RoleGroupName.of("HR");
    private static final RoleGroupName SALES = RoleGroupName.of("Sales");
    private static final ManagementScope WHOLE = ManagementScope.wholeOrganisation();

    private InMemoryRoleDirectory org;
    private RoleSync sync;
    private RoleGroupId hr;
    private RoleId recruiter;
    private RoleId old;
    private RoleId keep;

    /** HR: Recruiter (user1, user2 managing dept 1), Old (user3), Keep (no members). */
    @BeforeEach
    void organisation() {
        org = Organisation.withRoster();
        sync = RoleSync.builder(org, org).build();
        hr = org.addRoleGroup(HR).id();
        recruiter = org.addRole(hr, RoleName.of("Recruiter")).id();
        old = org.addRole(hr, RoleName.of("Old")).id();
        keep = org.addRole(hr, RoleName.of("Keep")).id();
        org.grant(List.of(recruiter), List.of(user(1), user(2)));
        org.setScope(recruiter, user(2), ManagementScope.of(DeptId.of(1)));
        org.grant(List.of(old), List.of(user(3)));
    }

    /** Recruiter renamed Talent (user1 managing 1 and 2, user4), Keep unmanaged, Auditor new; Sales new. */
    private static DesiredState desired() {
        return DesiredState.of(
                group("HR",
                        DesiredRole.named(RoleName.of("Talent")).withId(RoleId.of(1507113601))
                                .withMembers(List.of(member(1, 1, 2), member(4))),
                        DesiredRole.named(RoleName.of("Keep")),
                        role("Auditor", member(5))),
                group("Sales", role("Rep", member(6, 3))));
    }

    @Test
    void plansEveryKindOfChangeInTheSafeOrderAndListsExactlyWhatPruneRemoves() {
        assertThat(recruiter).isEqualTo(RoleId.of(1507113601)); // the id desired() pins

        Plan plan = sync.plan(desired(), Prune.ON);

        RoleName talent = RoleName.of("Talent");
        assertThat(plan.changes()).containsExactly(
                new CreateGroup(SALES),
                new RenameRole(HR, recruiter, RoleName.of("Recruiter"), talent),
                new AddRole(HR, Optional.of(hr), RoleName.of("Auditor")),
                new AddRole(SALES, Optional.empty(), RoleName.of("Rep")),
                new Grant(HR, talent, Optional.of(recruiter), user(4)),
                new Grant(HR, RoleName.of("Auditor"), Optional.empty(), user(5)),
                new Grant(SALES, RoleName.of("Rep"), Optional.empty(), user(6)),
                new SetScope(HR, talent, Optional.of(recruiter), user(1), WHOLE,
                        ManagementScope.of(DeptId.of(1), DeptId.of(2))),
                new SetScope(SALES, RoleName.of("Rep"), Optional.empty(), user(6), WHOLE, ManagementScope.of(DeptId.of(3))),
                new Revoke(HR, talent, recruiter, user(2)),
                new Revoke(HR, RoleName.of("Old"), old, user(3)),
                new DeleteRole(HR, RoleName.of("Old"), old));
        assertThat(plan.removals()).isEqualTo(3);
        assertThat(plan.summary()).containsEntry(Change.Action.GRANT, 3).containsEntry(Change.Action.DELETE_ROLE, 1)
                .containsEntry(Change.Action.RENAME_ROLE, 1).hasSize(Change.Action.values().length);
    }

    @Test
    void withoutPruneNothingIsRevokedOrDeleted() {
        Plan plan = sync.plan(desired(), Prune.OFF);

        assertThat(plan.changes()).noneMatch(c -> c.action().isRemoval());
        assertThat(plan.removals()).isZero();
        assertThat(plan.count(Change.Action.GRANT)).isEqualTo(3);

        sync.apply(plan);
        assertThat(members(recruiter)).containsExactly(user(1), user(2), user(4));
        assertThat(members(old)).containsExactly(user(3));
        assertThat(sync.plan(desired()).isEmpty()).isTrue();
    }

    @Test
    void applyReachesTheDesiredStateAndASecondPlanIsEmpty() {
        ApplyResult result = sync.apply(sync.plan(desired(), Prune.ON));

        RoleGroup hrGroup = org.findRoleGroup(hr).orElseThrow();
        assertThat(hrGroup.roles()).extracting(Role::name).extracting(RoleName::value)
                .containsExactly("Talent", "Keep", "Auditor");
        assertThat(members(recruiter)).containsExactly(user(1), user(4));
        assertThat(org.allMembers(recruiter).filter(m -> m.userId().equals(user(1))).findFirst().orElseThrow()
                .managementScope()).isEqualTo(ManagementScope.of(DeptId.of(1), DeptId.of(2)));
        RoleGroupId sales = result.createdGroupId(SALES).orElseThrow();
        RoleId rep = result.addedRoleId(SALES, RoleName.of("Rep")).orElseThrow();
        assertThat(org.findRole(rep).orElseThrow().groupId()).isEqualTo(sales);
        assertThat(org.findRole(old)).isEmpty();
        assertThat(result.applied()).hasSize(12);
        assertThat(result.createdGroupId(HR)).isEmpty();

        assertThat(sync.plan(desired(), Prune.ON).changes()).isEmpty();
    }

    @Test
    void neverTouchesGroupsTheDesiredStateDoesNotListNorMembersOfRolesThatDoNotListThem() {
        RoleGroupId it = org.addRoleGroup(RoleGroupName.of("IT")).id();
        RoleId admin = org.addRole(it, RoleName.of("Admin")).id();
        org.grant(List.of(admin), List.of(user(9)));
        org.grant(List.of(keep), List.of(user(8)));
        DirectorySnapshot before = org.snapshot();

        Plan plan = sync.plan(DesiredState.of(group("HR",
                role("Recruiter", member(1), member(2, 1)),
                role("Old", member(3)),
                DesiredRole.named(RoleName.of("Keep")))), Prune.ON);

        assertThat(plan.isEmpty()).as(plan.changes().toString()).isTrue();
        sync.apply(plan);
        assertThat(org.snapshot()).isEqualTo(before);
    }

    @Test
    void comparesScopesAsSetsOfDepartments() {
        org.setScope(recruiter, user(1), ManagementScope.of(DeptId.of(3), DeptId.of(4)));

        Plan plan = sync.plan(DesiredState.of(group("HR", role("Recruiter", member(1, 4, 3), member(2, 1)))));

        assertThat(plan.isEmpty()).isTrue();
    }

    @Test
    void refusesToApplyAPruneAboveTheLimitUnlessForcedAndAppliesNothing() {
        RoleGroupId big = org.addRoleGroup(RoleGroupName.of("Big")).id();
        RoleId crowded = org.addRole(big, RoleName.of("Crowded")).id();
        org.grant(List.of(crowded), IntStream.rangeClosed(1, 11).mapToObj(Organisation::user).toList());
        DirectorySnapshot before = org.snapshot();
        DesiredState desired = DesiredState.of(group("Big", role("Crowded")), group("New"));

        Plan plan = sync.plan(desired, Prune.ON);

        assertThat(plan.removals()).isEqualTo(11);
        assertThat(plan.exceedsPruneLimit()).isTrue();
        assertThatThrownBy(() -> sync.apply(plan))
                .isInstanceOfSatisfying(PruneLimitExceededException.class, e -> {
                    assertThat(e.removals()).isEqualTo(11);
                    assertThat(e.limit()).isEqualTo(10);
                });
        assertThat(org.snapshot()).isEqualTo(before);

        sync.apply(plan.forced());
        assertThat(members(crowded)).isEmpty();
        assertThat(sync.plan(desired, Prune.ON).isEmpty()).isTrue();
    }

    @Test
    void appliesAPruneAtTheLimitAndHonoursAConfiguredLimit() {
        RoleGroupId big = org.addRoleGroup(RoleGroupName.of("Big")).id();
        RoleId crowded = org.addRole(big, RoleName.of("Crowded")).id();
        org.grant(List.of(crowded), IntStream.rangeClosed(1, 10).mapToObj(Organisation::user).toList());
        DesiredState desired = DesiredState.of(group("Big", role("Crowded")));

        Plan atTheLimit = sync.plan(desired, Prune.ON);
        Plan strict = RoleSync.builder(org, org).pruneLimit(0).build().plan(desired, Prune.ON);

        assertThat(atTheLimit.exceedsPruneLimit()).isFalse();
        assertThat(strict.exceedsPruneLimit()).isTrue();
        assertThatThrownBy(() -> RoleSync.builder(org, org).pruneLimit(0).build().apply(strict))
                .isInstanceOf(PruneLimitExceededException.class);
        sync.apply(atTheLimit);
        assertThat(members(crowded)).isEmpty();
    }

    @Test
    void ordersRenamesSoThatEachNameIsFreedFirstAndAddsANewRoleUnderAFreedName() {
        // Recruiter -> Old's name is taken by Old, which itself becomes "Archive"; a new "Recruiter" is added
        DesiredState desired = DesiredState.of(group("HR",
                DesiredRole.named(RoleName.of("Old")).withId(recruiter),
                DesiredRole.named(RoleName.of("Archive")).withId(old),
                DesiredRole.named(RoleName.of("Recruiter"))));

        Plan plan = sync.plan(desired);

        assertThat(plan.changes()).containsExactly(
                new RenameRole(HR, old, RoleName.of("Old"), RoleName.of("Archive")),
                new RenameRole(HR, recruiter, RoleName.of("Recruiter"), RoleName.of("Old")),
                new AddRole(HR, Optional.of(hr), RoleName.of("Recruiter")));
        sync.apply(plan);
        assertThat(org.findRole(recruiter).orElseThrow().name()).isEqualTo(RoleName.of("Old"));
        assertThat(sync.plan(desired).isEmpty()).isTrue();
    }

    @Test
    void refusesRenamesThatSwapNamesOrTakeANameAnotherRoleKeeps() {
        DesiredState swap = DesiredState.of(group("HR",
                DesiredRole.named(RoleName.of("Old")).withId(recruiter),
                DesiredRole.named(RoleName.of("Recruiter")).withId(old)));
        DesiredState taken = DesiredState.of(group("HR", DesiredRole.named(RoleName.of("Keep")).withId(recruiter)));

        assertThatThrownBy(() -> sync.plan(swap)).isInstanceOfSatisfying(ImpossibleChangeException.class,
                e -> assertThat(e.reason()).isEqualTo(ImpossibleChangeException.Reason.RENAME_CYCLE));
        assertThatThrownBy(() -> sync.plan(taken, Prune.ON)).isInstanceOfSatisfying(ImpossibleChangeException.class, e -> {
            assertThat(e.reason()).isEqualTo(ImpossibleChangeException.Reason.NAME_TAKEN);
            assertThat(e.getMessage()).contains("cannot be renamed to \"Keep\": role " + keep + " keeps that name");
        });
    }

    @Test
    void refusesAPinnedIdThatDoesNotExistOrBelongsToAnotherGroup() {
        RoleGroupId it = org.addRoleGroup(RoleGroupName.of("IT")).id();
        RoleId admin = org.addRole(it, RoleName.of("Admin")).id();

        assertThatThrownBy(() -> sync.plan(DesiredState.of(group("HR",
                DesiredRole.named(RoleName.of("Ghost")).withId(RoleId.of(42))))))
                .isInstanceOfSatisfying(ImpossibleChangeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ImpossibleChangeException.Reason.UNKNOWN_ROLE_ID);
                    assertThat(e.getMessage()).contains("role id 42");
                });
        assertThatThrownBy(() -> sync.plan(DesiredState.of(group("HR", DesiredRole.named(RoleName.of("Admin")).withId(admin)))))
                .isInstanceOfSatisfying(ImpossibleChangeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ImpossibleChangeException.Reason.ROLE_IN_ANOTHER_GROUP);
                    assertThat(e.getMessage()).contains("belongs to group \"IT\"");
                });
        assertThatThrownBy(() -> sync.plan(DesiredState.of(group("New", DesiredRole.named(RoleName.of("A")).withId(admin)))))
                .isInstanceOfSatisfying(ImpossibleChangeException.class,
                        e -> assertThat(e.reason()).isEqualTo(ImpossibleChangeException.Reason.ROLE_IN_ANOTHER_GROUP));
    }

    @Test
    void acceptsTheDefaultGroupListedAsItIsAndRefusesAnyChangeToItBeforePlanning() {
        RoleGroup defaults = org.findRoleGroup(RoleGroupId.of(InMemoryRoleDirectory.DEFAULT_GROUP_ID)).orElseThrow();
        Role owner = defaults.roles().get(0);
        DesiredRole asItIs = DesiredRole.named(owner.name()).withId(owner.id()).withMembers(List.of());

        assertThat(sync.plan(DesiredState.of(new DesiredGroup(RoleGroupName.DEFAULT, List.of(asItIs))), Prune.ON)
                .isEmpty()).isTrue();
        assertThat(sync.plan(DesiredState.of(new DesiredGroup(RoleGroupName.of("默认"),
                List.of(DesiredRole.named(owner.name())))), Prune.ON).isEmpty()).isTrue();

        for (DesiredRole change : List.of(
                DesiredRole.named(RoleName.of("Boss")),
                DesiredRole.named(RoleName.of("Boss")).withId(owner.id()),
                asItIs.withMembers(List.of(member(1))))) {
            assertThatThrownBy(() -> sync.plan(DesiredState.of(new DesiredGroup(RoleGroupName.DEFAULT, List.of(change)))))
                    .as(change.toString())
                    .isInstanceOfSatisfying(ImpossibleChangeException.class, e -> {
                        assertThat(e.reason()).isEqualTo(ImpossibleChangeException.Reason.DEFAULT_GROUP_CHANGED);
                        assertThat(e.getMessage()).contains("the Default group may be listed only as it is");
                    });
        }
    }

    @Test
    void aDefaultRoleListedWithMembersMeansAtLeastTheseWithoutPruneAndExactlyTheseWithIt() {
        // an export lists the Default group's members; one added since (in DingTalk's own console) is no change
        RoleGroup defaults = org.findRoleGroup(RoleGroupId.of(InMemoryRoleDirectory.DEFAULT_GROUP_ID)).orElseThrow();
        Role owner = defaults.roles().get(0);
        DirectorySnapshot now = org.snapshot();
        List<DirectorySnapshot.Membership> memberships = new ArrayList<>(now.memberships());
        memberships.add(new DirectorySnapshot.Membership(owner.id(), user(5), WHOLE));
        InMemoryRoleDirectory withOwner = InMemoryRoleDirectory.restore(new DirectorySnapshot(now.groups(),
                now.nextId(), now.departments(), now.employees(), memberships));
        RoleSync onIt = RoleSync.builder(withOwner, withOwner).build();
        DesiredRole exported = DesiredRole.named(owner.name()).withId(owner.id()).withMembers(List.of());
        DesiredState stale = DesiredState.of(new DesiredGroup(RoleGroupName.DEFAULT, List.of(exported)));

        assertThat(onIt.plan(stale).isEmpty()).as("without prune").isTrue();
        assertThat(onIt.plan(DesiredState.of(new DesiredGroup(RoleGroupName.DEFAULT,
                List.of(exported.withMembers(List.of(member(5))))))).isEmpty()).as("listed as held").isTrue();
        assertThatThrownBy(() -> onIt.plan(stale, Prune.ON)).as("with prune: user5 would have to be revoked")
                .isInstanceOfSatisfying(ImpossibleChangeException.class,
                        e -> assertThat(e.reason()).isEqualTo(ImpossibleChangeException.Reason.DEFAULT_GROUP_CHANGED));
    }

    @Test
    void exportThenPlanShowsNoChangesWithAndWithoutMembers() {
        org.setScope(recruiter, user(1), ManagementScope.of(DeptId.of(5), DeptId.of(6)));

        DesiredState withMembers = sync.export(true);
        DesiredState catalogue = sync.export(false);

        assertThat(sync.plan(withMembers, Prune.ON).changes()).isEmpty();
        assertThat(sync.plan(catalogue, Prune.ON).changes()).isEmpty();
        DesiredGroup exportedHr = withMembers.groups().get(1);
        assertThat(withMembers.groups().get(0).isDefault()).isTrue();
        assertThat(exportedHr.roles().get(0)).isEqualTo(DesiredRole.named(RoleName.of("Recruiter")).withId(recruiter)
                .withMembers(List.of(member(1, 5, 6), member(2, 1))));
        assertThat(catalogue.groups().get(1).roles()).allMatch(r -> r.members().isEmpty() && r.id().isPresent());
    }

    @Test
    void aCatalogueOnlySyncPlansRolesAndRefusesMembers() {
        RoleSync catalogue = RoleSync.catalogueOnly(org).build();

        assertThatThrownBy(() -> catalogue.plan(desired()))
                .isInstanceOfSatisfying(ImpossibleChangeException.class,
                        e -> assertThat(e.reason()).isEqualTo(ImpossibleChangeException.Reason.NO_MEMBERSHIP));
        assertThatThrownBy(() -> catalogue.export(true)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> catalogue.apply(sync.plan(desired()))).isInstanceOf(ImpossibleChangeException.class);

        DesiredState roles = DesiredState.of(DesiredGroup.of(SALES, DesiredRole.named(RoleName.of("Rep"))));
        catalogue.apply(catalogue.plan(roles));
        assertThat(catalogue.plan(roles).isEmpty()).isTrue();
        assertThat(catalogue.plan(catalogue.export(false), Prune.ON).isEmpty()).isTrue();
    }

    @Test
    void reportsEachAppliedChangeToTheListenerWithItsCount() {
        Plan plan = sync.plan(desired(), Prune.ON);
        List<String> heard = new ArrayList<>();

        sync.apply(plan, (change, done, total) -> heard.add(change.action().label() + " " + done + "/" + total));

        assertThat(heard).hasSize(12).startsWith("create-group 1/12", "rename-role 2/12").endsWith("delete-role 12/12");
    }

    @Test
    void aFailurePartWaySaysWhatWasAppliedAndANewPlanFinishesTheJobWithoutDuplicates() {
        RoleSync oneAtATime = RoleSync.builder(org, org).concurrency(1).build();
        org.faults().next(InMemoryOperation.ADD_ROLE, InMemoryFault.LOST_REPLY, 1); // Auditor is added, unconfirmed
        Plan plan = oneAtATime.plan(desired(), Prune.ON);

        assertThatThrownBy(() -> oneAtATime.apply(plan, ApplyListener.NONE))
                .isInstanceOfSatisfying(ApplyFailedException.class, e -> {
                    assertThat(e.applied()).containsExactly(plan.changes().get(0), plan.changes().get(1));
                    assertThat(e.notApplied()).hasSize(10);
                    assertThat(e.failure()).isInstanceOf(UnavailableException.class);
                    assertThat(e.getMessage()).startsWith("applied 2 of 12 changes, then failed: ");
                });

        Plan rest = sync.plan(desired(), Prune.ON);
        assertThat(rest.changes()).doesNotContain(plan.changes().get(0), plan.changes().get(1))
                .doesNotContain(new AddRole(HR, Optional.of(hr), RoleName.of("Auditor")))
                .anyMatch(c -> c instanceof AddRole add && add.group().equals(SALES) && add.role().value().equals("Rep"));
        sync.apply(rest);
        assertThat(sync.plan(desired(), Prune.ON).isEmpty()).isTrue();
        assertThat(org.findRoleGroup(hr).orElseThrow().roles()).extracting(Role::name).extracting(RoleName::value)
                .containsExactly("Talent", "Keep", "Auditor");
    }

    @Test
    void aFailedGrantCountsThePairsTheBackendConfirmed() {
        UserId stranger = UserId.of("stranger");
        DesiredState desired = DesiredState.of(group("HR",
                DesiredRole.named(RoleName.of("Keep")).withMembers(List.of(DesiredMember.of(stranger)))));
        Plan plan = sync.plan(desired);

        assertThatThrownBy(() -> sync.apply(plan))
                .isInstanceOfSatisfying(ApplyFailedException.class, e -> {
                    assertThat(e.applied()).isEmpty();
                    assertThat(e.notApplied()).containsExactly(new Grant(HR, RoleName.of("Keep"), Optional.of(keep), stranger));
                    assertThat(e.failure()).isInstanceOf(io.github.dingtalkroles.port.NotFoundException.class);
                });
    }

    private List<UserId> members(RoleId role) {
        return org.allMembers(role).map(m -> m.userId()).toList();
    }
}
