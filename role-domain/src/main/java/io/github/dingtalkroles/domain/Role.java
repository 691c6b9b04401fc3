package io.github.dingtalkroles.domain;

import java.util.Objects;

/**
 * A role, in the role group it belongs to.
 *
 * @param id the role's id
 * @param name the role's name, unique within its group
 * @param groupId the id of the group holding the role
 */
public record Role(RoleId id, RoleName name, RoleGroupId groupId) {
    /** @throws NullPointerException if any component is null */
    public Role {
        Objects.requireNonNull(id, "role id");
        Objects.requireNonNull(name, "role name");
        Objects.requireNonNull(groupId, "role group id");
    }

    /** This role under another name. */
    public Role withName(RoleName newName) {
        return new Role(id, newName, groupId);
    }
}
