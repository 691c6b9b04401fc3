package io.github.dingtalkroles.inmemory;

import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The whole state of an {@link InMemoryRoleDirectory} as an immutable value: its groups in listing
 * order, and the next id it will assign. Taken with {@link InMemoryRoleDirectory#snapshot()} and
 * turned back into a directory with {@link InMemoryRoleDirectory#restore(DirectorySnapshot)}; a store
 * (such as the CLI's JSON file) can persist it.
 *
 * <p>Checked on construction, beyond each {@link RoleGroup}'s own invariants: exactly one Default
 * group; group ids, group names and role ids are unique across the directory; {@code nextId} is
 * greater than every id in use, so no id is ever handed out twice.
 *
 * @param groups the role groups, in listing order
 * @param nextId the next id the directory assigns to a new role or group
 */
public record DirectorySnapshot(List<RoleGroup> groups, long nextId) {

    /** @throws IllegalArgumentException naming the broken rule and the offending value */
    public DirectorySnapshot {
        groups = List.copyOf(Objects.requireNonNull(groups, "groups"));
        Set<RoleGroupId> groupIds = new HashSet<>();
        Set<RoleGroupName> groupNames = new HashSet<>();
        Set<RoleId> roleIds = new HashSet<>();
        long maxId = 0;
        int defaults = 0;
        for (RoleGroup group : groups) {
            if (!groupIds.add(group.id())) {
                throw new IllegalArgumentException("snapshot: role group id " + group.id() + " appears twice");
            }
            if (!groupNames.add(group.name())) {
                throw new IllegalArgumentException(
                        "snapshot: role group name \"" + group.name() + "\" appears twice");
            }
            if (group.isDefault()) {
                defaults++;
            }
            maxId = Math.max(maxId, group.id().value());
            for (Role role : group.roles()) {
                if (!roleIds.add(role.id())) {
                    throw new IllegalArgumentException("snapshot: role id " + role.id() + " appears twice");
                }
                maxId = Math.max(maxId, role.id().value());
            }
        }
        if (defaults != 1) {
            throw new IllegalArgumentException(
                    "snapshot: a directory holds exactly one Default group (found " + defaults + ")");
        }
        if (nextId <= maxId) {
            throw new IllegalArgumentException(
                    "snapshot: next id " + nextId + " must be greater than the largest id in use, " + maxId);
        }
    }
}
