package io.github.dingtalkroles.domain;

import java.util.Objects;

/**
 * One role held by one employee: the unit that granting and revoking roles works in.
 *
 * @param roleId the role
 * @param userId the employee
 */
public record RoleAssignment(RoleId roleId, UserId userId) {
    /**
     * Checks the components.
     *
     * @param roleId the role
     * @param userId the employee
     * @throws NullPointerException if a component is null
     */
    public RoleAssignment {
        Objects.requireNonNull(roleId, "role id");
        Objects.requireNonNull(userId, "user id");
    }

    @Override
    public String toString() {
        return "(role " + roleId + ", user " + userId + ")";
    }
}
