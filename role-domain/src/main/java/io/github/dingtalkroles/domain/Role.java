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
    /**
     * Checks the components.
     *
     * @param id the role's id
     * @param name the role's name
     * @param groupId the id of the group holding the role
     * @throws NullPointerException if any component is null
     */
    public Role {
        Objects.requireNonNull(id, "role id");
        Objects.requireNonNull(name, "role name");
        Objects.requireNonNull(groupId, "role group id");
    }

    /**
     * This role under another name.
     *
     * @param newName the new name
     * @return a role with the same id and group and the name {@code newName}
     */
    public Role withName(RoleName newName) {
        return new Role(id, newName, groupId);
    }
}
