package io.github.dingtalkroles.sync;

import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link RoleSync#apply} did: every change of the plan, in plan order, and the ids of the groups
 * and roles it created. Immutable.
 */
public final class ApplyResult {
    /** A role, by its group and name. */
    record RoleKey(RoleGroupName group, RoleName role) {
    }

    private final List<Change> applied;
    private final Map<RoleGroupName, RoleGroupId> createdGroups;
    private final Map<RoleKey, RoleId> addedRoles;

    ApplyResult(List<Change> applied, Map<RoleGroupName, RoleGroupId> createdGroups, Map<RoleKey, RoleId> addedRoles) {
        this.applied = List.copyOf(applied);
        this.createdGroups = Map.copyOf(createdGroups);
        this.addedRoles = Map.copyOf(addedRoles);
    }

    /**
     * The changes applied, in plan order: all of the plan's.
     *
     * @return the applied changes
     */
    public List<Change> applied() {
        return applied;
    }

    /**
     * The id of a group this apply created ({@link Change.CreateGroup}).
     *
     * @param group the group's name
     * @return its new id, or empty if this apply did not create it
     */
    public Optional<RoleGroupId> createdGroupId(RoleGroupName group) {
        return Optional.ofNullable(createdGroups.get(group));
    }

    /**
     * The id of a role this apply added ({@link Change.AddRole}).
     *
     * @param group the role's group
     * @param role the role's name
     * @return its new id, or empty if this apply did not add it
     */
    public Optional<RoleId> addedRoleId(RoleGroupName group, RoleName role) {
        return Optional.ofNullable(addedRoles.get(new RoleKey(group, role)));
    }

    @Override
    public String toString() {
        return "ApplyResult[" + applied.size() + " changes applied]";
    }
}
