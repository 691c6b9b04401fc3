package io.github.dingtalkroles.sync;

import io.github.dingtalkroles.domain.RoleAssignment;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.port.AssignmentFailedException;
import io.github.dingtalkroles.port.RoleAssignments;
import io.github.dingtalkroles.port.RoleDirectory;
import io.github.dingtalkroles.sync.ApplyResult.RoleKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Carries out one {@link Plan} through the ports: one phase per {@link Change.Action}, in order, each
 * finished before the next starts. Within a phase the calls are independent and run concurrently,
 * except renames, which run one at a time in plan order (one may free the name the next takes), and the
 * roles added to one group, which are added in plan order (so that they list in the file's order). Grants
 * and revokes go through the port's bulk calls: the roles that gain (or lose) the same users share one
 * call. At the first failure no further call starts; the calls running finish, and the apply stops.
 */
final class Applier {
    private final RoleDirectory directory;
    /** Null for a catalogue-only sync. */
    private final RoleAssignments assignments;
    private final int concurrency;

    Applier(RoleDirectory directory, RoleAssignments assignments, int concurrency) {
        this.directory = directory;
        this.assignments = assignments;
        this.concurrency = concurrency;
    }

    /** One change and its place in the plan. */
    private record Step(int index, Change change) {
    }

    /** One bulk grant or revoke: these roles x these users, the changes they carry out. */
    private record Batch(List<RoleId> roles, Set<UserId> users, Map<RoleAssignment, Step> steps) {
    }

    ApplyResult apply(Plan plan, ApplyListener listener) {
        if (plan.exceedsPruneLimit() && !plan.isForced()) {
            throw new PruneLimitExceededException(plan.removals(), plan.pruneLimit());
        }
        if (assignments == null && plan.changes().stream().anyMatch(Applier::isMembership)) {
            throw new ImpossibleChangeException(ImpossibleChangeException.Reason.NO_MEMBERSHIP,
                    "the plan grants, revokes or sets scopes, but this sync was built without RoleAssignments");
        }
        Run run = new Run(plan, listener);
        try (Workers workers = new Workers(concurrency)) {
            for (Change.Action action : Change.Action.values()) {
                List<Step> steps = run.steps(action);
                if (!steps.isEmpty()) {
                    phase(action, steps, run, workers);
                }
            }
        } catch (RuntimeException e) {
            throw new ApplyFailedException(run.applied(true), run.applied(false), e);
        }
        return new ApplyResult(run.applied(true), run.createdGroups, run.addedRoles);
    }

    private static boolean isMembership(Change change) {
        return change instanceof Change.Grant || change instanceof Change.Revoke || change instanceof Change.SetScope;
    }

    private void phase(Change.Action action, List<Step> steps, Run run, Workers workers) {
        switch (action) {
            case CREATE_GROUP -> workers.forEach(steps, step -> {
                Change.CreateGroup change = (Change.CreateGroup) step.change();
                run.createdGroups.put(change.group(), directory.addRoleGroup(change.group()).id());
                run.done(step);
            });
            case RENAME_ROLE -> steps.forEach(step -> {
                Change.RenameRole change = (Change.RenameRole) step.change();
                directory.renameRole(change.roleId(), change.to());
                run.done(step);
            });
            case ADD_ROLE -> workers.forEach(byGroup(steps), lane -> lane.forEach(step -> {
                Change.AddRole change = (Change.AddRole) step.change();
                RoleGroupId group = change.groupId().orElseGet(() -> run.groupId(change.group()));
                run.addedRoles.put(new RoleKey(change.group(), change.role()), directory.addRole(group, change.role()).id());
                run.done(step);
            }));
            case GRANT -> workers.forEach(batches(steps, run), batch -> bulk(batch, run, assignments::grant));
            case SET_SCOPE -> workers.forEach(steps, step -> {
                Change.SetScope change = (Change.SetScope) step.change();
                assignments.setScope(run.roleId(change.group(), change.role(), change.roleId()), change.user(),
                        change.to());
                run.done(step);
            });
            case REVOKE -> workers.forEach(batches(steps, run), batch -> bulk(batch, run, assignments::revoke));
            case DELETE_ROLE -> workers.forEach(steps, step -> {
                directory.deleteRole(((Change.DeleteRole) step.change()).roleId());
                run.done(step);
            });
        }
    }

    /** The steps of each group, in plan order: a group's roles are added one after another, so they list in file order. */
    private static List<List<Step>> byGroup(List<Step> steps) {
        Map<RoleGroupName, List<Step>> lanes = new LinkedHashMap<>();
        steps.forEach(step -> lanes.computeIfAbsent(step.change().group(), g -> new ArrayList<>()).add(step));
        return List.copyOf(lanes.values());
    }

    /** One bulk call; on a failure part-way, the pairs it applied are counted done before the failure is thrown. */
    private static void bulk(Batch batch, Run run, BiConsumer<Collection<RoleId>, Collection<UserId>> call) {
        try {
            call.accept(batch.roles(), batch.users());
        } catch (AssignmentFailedException e) {
            e.applied().stream().map(batch.steps()::get).filter(s -> s != null).forEach(run::done);
            throw e.failure();
        }
        batch.steps().values().forEach(run::done);
    }

    /** Grants (or revokes) grouped so that roles gaining (or losing) exactly the same users share one call. */
    private static List<Batch> batches(List<Step> steps, Run run) {
        Map<RoleId, Set<UserId>> usersOfRole = new LinkedHashMap<>();
        Map<RoleAssignment, Step> byPair = new HashMap<>();
        for (Step step : steps) {
            RoleAssignment pair = pair(step.change(), run);
            usersOfRole.computeIfAbsent(pair.roleId(), r -> new LinkedHashSet<>()).add(pair.userId());
            byPair.put(pair, step);
        }
        Map<Set<UserId>, List<RoleId>> rolesOfUsers = new LinkedHashMap<>();
        usersOfRole.forEach((role, users) -> rolesOfUsers.computeIfAbsent(users, u -> new ArrayList<>()).add(role));
        List<Batch> batches = new ArrayList<>();
        rolesOfUsers.forEach((users, roles) -> {
            Map<RoleAssignment, Step> carried = new LinkedHashMap<>();
            roles.forEach(role -> users.forEach(user -> {
                RoleAssignment pair = new RoleAssignment(role, user);
                carried.put(pair, byPair.get(pair));
            }));
            batches.add(new Batch(List.copyOf(roles), users, carried));
        });
        return batches;
    }

    private static RoleAssignment pair(Change change, Run run) {
        if (change instanceof Change.Grant grant) {
            return new RoleAssignment(run.roleId(grant.group(), grant.role(), grant.roleId()), grant.user());
        }
        Change.Revoke revoke = (Change.Revoke) change;
        return new RoleAssignment(revoke.roleId(), revoke.user());
    }

    /** The state of one apply: what is done, and the ids of what it created. */
    private static final class Run {
        private final Plan plan;
        private final ApplyListener listener;
        private final boolean[] done;
        private int doneCount;
        final Map<RoleGroupName, RoleGroupId> createdGroups = new ConcurrentHashMap<>();
        final Map<RoleKey, RoleId> addedRoles = new ConcurrentHashMap<>();

        Run(Plan plan, ApplyListener listener) {
            this.plan = plan;
            this.listener = listener;
            this.done = new boolean[plan.changes().size()];
        }

        List<Step> steps(Change.Action action) {
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < plan.changes().size(); i++) {
                if (plan.changes().get(i).action() == action) {
                    steps.add(new Step(i, plan.changes().get(i)));
                }
            }
            return steps;
        }

        synchronized void done(Step step) {
            if (!done[step.index()]) {
                done[step.index()] = true;
                doneCount++;
                listener.applied(step.change(), doneCount, done.length);
            }
        }

        /** The plan's changes that are (or are not) done, in plan order. */
        synchronized List<Change> applied(boolean applied) {
            List<Change> changes = new ArrayList<>();
            for (int i = 0; i < done.length; i++) {
                if (done[i] == applied) {
                    changes.add(plan.changes().get(i));
                }
            }
            return changes;
        }

        RoleGroupId groupId(RoleGroupName group) {
            RoleGroupId id = createdGroups.get(group);
            if (id == null) {
                throw new IllegalStateException("group \"" + group + "\" has no id: the plan adds a role to it"
                        + " without creating it");
            }
            return id;
        }

        RoleId roleId(RoleGroupName group, RoleName role, Optional<RoleId> known) {
            return known.orElseGet(() -> {
                RoleId id = addedRoles.get(new RoleKey(group, role));
                if (id == null) {
                    throw new IllegalStateException("role \"" + role + "\" of group \"" + group + "\" has no id: the"
                            + " plan uses it without adding it");
                }
                return id;
            });
        }
    }
}
