package io.github.dingtalkroles.sync;

import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleMember;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.port.RoleAssignments;
import io.github.dingtalkroles.port.RoleDirectory;
import io.github.dingtalkroles.sync.ImpossibleChangeException.Reason;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes a {@link Plan}: reads the whole current state through the ports (complete walks only; a walk
 * that fails or finds the listing changed under it throws, and no plan is made), matches the desired
 * groups and roles to it, and lists the changes in {@link Change.Action}'s order. Never writes.
 */
final class Planner {
    private final RoleDirectory directory;
    /** Null for a catalogue-only sync. */
    private final RoleAssignments assignments;
    private final int concurrency;

    Planner(RoleDirectory directory, RoleAssignments assignments, int concurrency) {
        this.directory = directory;
        this.assignments = assignments;
        this.concurrency = concurrency;
    }

    /** A desired role and the existing role it is, or null if it is to be added. */
    private record RoleMatch(DesiredRole desired, Role current) {
        Optional<RoleId> id() {
            return current == null ? Optional.empty() : Optional.of(current.id());
        }
    }

    /** A desired group, the existing group it is (or null), its role matches, and the roles it leaves out. */
    private record GroupMatch(DesiredGroup desired, RoleGroup current, List<RoleMatch> roles, List<Role> leftOut) {
    }

    Plan plan(DesiredState desired, boolean prune, int pruneLimit) {
        if (assignments == null && desired.managesMembers()) {
            throw new ImpossibleChangeException(Reason.NO_MEMBERSHIP, "the desired state lists role members, but"
                    + " this backend keeps no membership (the sync was built without RoleAssignments)");
        }
        List<RoleGroup> current = directory.allRoleGroups().toList();
        Map<RoleId, RoleGroup> groupOfRole = new HashMap<>();
        current.forEach(g -> g.roles().forEach(r -> groupOfRole.put(r.id(), g)));

        List<GroupMatch> matches = new ArrayList<>();
        for (DesiredGroup group : desired.groups()) {
            matches.add(match(group, current, groupOfRole));
        }
        // a Default role renamed or added is refused before any member walk
        matches.stream().filter(m -> m.desired().isDefault()).forEach(Planner::checkDefaultRoles);
        Map<RoleId, List<RoleMember>> members = readMembers(membersToRead(matches, prune));
        matches.stream().filter(m -> m.desired().isDefault()).forEach(m -> checkDefaultMembers(m, members, prune));

        Map<Change.Action, List<Change>> changes = new EnumMap<>(Change.Action.class);
        for (Change.Action action : Change.Action.values()) {
            changes.put(action, new ArrayList<>());
        }
        for (GroupMatch match : matches) {
            if (!match.desired().isDefault()) {
                plan(match, members, prune, changes);
            }
        }
        List<Change> ordered = new ArrayList<>();
        changes.values().forEach(ordered::addAll);
        return new Plan(ordered, prune, pruneLimit, false);
    }

    private GroupMatch match(DesiredGroup group, List<RoleGroup> current, Map<RoleId, RoleGroup> groupOfRole) {
        RoleGroup existing = current.stream()
                .filter(g -> group.isDefault() ? g.isDefault() : g.name().equals(group.name()))
                .findFirst().orElse(null);
        Set<RoleId> claimed = new HashSet<>();
        Map<DesiredRole, Role> pinned = new HashMap<>();
        for (DesiredRole role : group.roles()) {
            if (role.id().isEmpty()) {
                continue;
            }
            RoleId id = role.id().get();
            RoleGroup holder = groupOfRole.get(id);
            if (holder == null) {
                throw new ImpossibleChangeException(Reason.UNKNOWN_ROLE_ID, "role \"" + role.name() + "\" of group \""
                        + group.name() + "\" names role id " + id + ", which does not exist (leave the id out to add"
                        + " the role)");
            }
            if (existing == null || !holder.id().equals(existing.id())) {
                throw new ImpossibleChangeException(Reason.ROLE_IN_ANOTHER_GROUP, "role \"" + role.name()
                        + "\" of group \"" + group.name() + "\" names role id " + id + ", which belongs to group \""
                        + holder.name() + "\" (roles cannot move between groups)");
            }
            pinned.put(role, holder.role(id).orElseThrow());
            claimed.add(id);
        }
        List<RoleMatch> roles = new ArrayList<>();
        for (DesiredRole role : group.roles()) {
            Role found = pinned.get(role);
            if (found == null && existing != null) {
                found = existing.roles().stream()
                        .filter(r -> r.name().equals(role.name()) && !claimed.contains(r.id()))
                        .findFirst().orElse(null);
                if (found != null) {
                    claimed.add(found.id());
                }
            }
            roles.add(new RoleMatch(role, found));
        }
        List<Role> leftOut = existing == null ? List.of()
                : existing.roles().stream().filter(r -> !claimed.contains(r.id())).toList();
        return new GroupMatch(group, existing, roles, leftOut);
    }

    /** The roles whose members the plan needs: those whose members are managed, and those a prune deletes. */
    private Set<RoleId> membersToRead(List<GroupMatch> matches, boolean prune) {
        Set<RoleId> read = new LinkedHashSet<>();
        for (GroupMatch match : matches) {
            for (RoleMatch role : match.roles()) {
                if (role.current() != null && role.desired().members().isPresent()) {
                    read.add(role.current().id());
                }
            }
            if (prune && assignments != null && !match.desired().isDefault()) {
                match.leftOut().forEach(r -> read.add(r.id()));
            }
        }
        return read;
    }

    /** Every member of each role, each role's walk complete, several roles at once. */
    private Map<RoleId, List<RoleMember>> readMembers(Set<RoleId> roles) {
        Map<RoleId, List<RoleMember>> members = new ConcurrentHashMap<>();
        try (Workers workers = new Workers(concurrency)) {
            workers.forEach(List.copyOf(roles), role -> members.put(role, assignments.allMembers(role).toList()));
        }
        return members;
    }

    private static String defaultGroup(GroupMatch match) {
        return "the Default group (\"" + match.desired().name() + "\")";
    }

    /** The Default group's roles as listed: each one exists, under its own name. */
    private static void checkDefaultRoles(GroupMatch match) {
        String group = defaultGroup(match);
        for (RoleMatch role : match.roles()) {
            Role current = role.current();
            if (current == null) {
                throw defaultChanged(group + " has no role \"" + role.desired().name() + "\""
                        + role.desired().id().map(id -> " with id " + id).orElse("") + " and cannot be given one");
            }
            if (!current.name().equals(role.desired().name())) {
                throw defaultChanged("role " + current.id() + " of " + group + " is named \"" + current.name()
                        + "\" and cannot be renamed to \"" + role.desired().name() + "\"");
            }
        }
    }

    /**
     * The Default group's members as listed: held, with the listed scopes. As for any role, a list means "at least
     * these" without prune (a member added since an export is no change) and "exactly these" with it.
     */
    private static void checkDefaultMembers(GroupMatch match, Map<RoleId, List<RoleMember>> members, boolean prune) {
        for (RoleMatch role : match.roles()) {
            if (role.desired().members().isEmpty()) {
                continue;
            }
            Map<UserId, Set<DeptId>> held = heldScopes(members.get(role.current().id()));
            Map<UserId, Set<DeptId>> listed = desiredScopes(role.desired().members().get());
            if (prune ? !held.equals(listed) : !held.entrySet().containsAll(listed.entrySet())) {
                throw defaultChanged("the members of role \"" + role.current().name() + "\" of " + defaultGroup(match)
                        + " differ from the ones listed; its members cannot be granted"
                        + (prune ? " or revoked" : "") + " here");
            }
        }
    }

    private static ImpossibleChangeException defaultChanged(String message) {
        return new ImpossibleChangeException(Reason.DEFAULT_GROUP_CHANGED, message
                + " (the Default group may be listed only as it is)");
    }

    /** Each member's departments as a set: the order a scope names them in does not matter. */
    private static Map<UserId, Set<DeptId>> heldScopes(List<RoleMember> members) {
        Map<UserId, Set<DeptId>> map = new HashMap<>();
        members.forEach(m -> map.put(m.userId(), Set.copyOf(m.managementScope().departments())));
        return map;
    }

    private static Map<UserId, Set<DeptId>> desiredScopes(List<DesiredMember> members) {
        Map<UserId, Set<DeptId>> map = new HashMap<>();
        members.forEach(m -> map.put(m.user(), Set.copyOf(m.scope().departments())));
        return map;
    }

    private void plan(GroupMatch match, Map<RoleId, List<RoleMember>> members, boolean prune,
            Map<Change.Action, List<Change>> changes) {
        RoleGroupName group = match.desired().name();
        if (match.current() == null) {
            changes.get(Change.Action.CREATE_GROUP).add(new Change.CreateGroup(group));
        } else {
            group = match.current().name();
            changes.get(Change.Action.RENAME_ROLE).addAll(renames(match));
        }
        for (RoleMatch role : match.roles()) {
            if (role.current() == null) {
                changes.get(Change.Action.ADD_ROLE).add(new Change.AddRole(group,
                        Optional.ofNullable(match.current()).map(RoleGroup::id), role.desired().name()));
            }
            if (role.desired().members().isPresent()) {
                List<RoleMember> held = role.current() == null ? List.of() : members.get(role.current().id());
                planMembers(group, role, role.desired().members().get(), held, prune, changes);
            }
        }
        if (prune) {
            for (Role leftOut : match.leftOut()) {
                for (RoleMember member : members.getOrDefault(leftOut.id(), List.of())) {
                    changes.get(Change.Action.REVOKE).add(
                            new Change.Revoke(group, leftOut.name(), leftOut.id(), member.userId()));
                }
                changes.get(Change.Action.DELETE_ROLE).add(new Change.DeleteRole(group, leftOut.name(), leftOut.id()));
            }
        }
    }

    private static void planMembers(RoleGroupName group, RoleMatch role, List<DesiredMember> desired,
            List<RoleMember> held, boolean prune, Map<Change.Action, List<Change>> changes) {
        RoleName name = role.desired().name();
        Map<UserId, ManagementScope> current = new LinkedHashMap<>();
        held.forEach(m -> current.put(m.userId(), m.managementScope()));
        for (DesiredMember member : desired) {
            ManagementScope scope = current.get(member.user());
            if (scope == null) {
                changes.get(Change.Action.GRANT).add(new Change.Grant(group, name, role.id(), member.user()));
                scope = ManagementScope.wholeOrganisation();
            }
            if (!Set.copyOf(scope.departments()).equals(Set.copyOf(member.scope().departments()))) {
                changes.get(Change.Action.SET_SCOPE).add(
                        new Change.SetScope(group, name, role.id(), member.user(), scope, member.scope()));
            }
        }
        if (prune) {
            Set<UserId> wanted = new HashSet<>();
            desired.forEach(m -> wanted.add(m.user()));
            for (UserId user : current.keySet()) {
                if (!wanted.contains(user)) {
                    changes.get(Change.Action.REVOKE).add(new Change.Revoke(group, name, role.current().id(), user));
                }
            }
        }
    }

    /**
     * The group's renames, each after the rename that frees its new name. A new name another role keeps is
     * refused, and so are renames that go round in a cycle.
     */
    private static List<Change> renames(GroupMatch match) {
        Map<RoleName, Role> byCurrentName = new HashMap<>();
        match.current().roles().forEach(r -> byCurrentName.put(r.name(), r));
        Map<RoleId, RoleName> renamedTo = new LinkedHashMap<>();
        for (RoleMatch role : match.roles()) {
            if (role.current() != null && !role.current().name().equals(role.desired().name())) {
                renamedTo.put(role.current().id(), role.desired().name());
            }
        }
        List<Change> ordered = new ArrayList<>();
        Set<RoleId> done = new HashSet<>();
        for (RoleId id : renamedTo.keySet()) {
            addRename(id, match, byCurrentName, renamedTo, done, new LinkedHashSet<>(), ordered);
        }
        return ordered;
    }

    private static void addRename(RoleId id, GroupMatch match, Map<RoleName, Role> byCurrentName,
            Map<RoleId, RoleName> renamedTo, Set<RoleId> done, Set<RoleId> visiting, List<Change> ordered) {
        if (done.contains(id)) {
            return;
        }
        Role role = match.current().role(id).orElseThrow();
        RoleName to = renamedTo.get(id);
        if (!visiting.add(id)) {
            throw new ImpossibleChangeException(Reason.RENAME_CYCLE, "roles " + visiting + " of group \""
                    + match.current().name() + "\" would swap names; rename one of them to a name no role has first");
        }
        Role holder = byCurrentName.get(to);
        if (holder != null) {
            if (!renamedTo.containsKey(holder.id())) {
                throw new ImpossibleChangeException(Reason.NAME_TAKEN, "role " + id + " (\"" + role.name()
                        + "\") of group \"" + match.current().name() + "\" cannot be renamed to \"" + to + "\": role "
                        + holder.id() + " keeps that name (rename it, or delete it first)");
            }
            addRename(holder.id(), match, byCurrentName, renamedTo, done, visiting, ordered);
        }
        visiting.remove(id);
        done.add(id);
        ordered.add(new Change.RenameRole(match.current().name(), id, role.name(), to));
    }
}
