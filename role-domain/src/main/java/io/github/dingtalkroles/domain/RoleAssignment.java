package io.github.dingtalkroles.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

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

    /**
     * Every (role, user) pair of {@code roleIds} × {@code userIds}: what a grant or revoke of those roles to those
     * users covers.
     *
     * @param roleIds the roles
     * @param userIds the users
     * @return the pairs, role by role and within a role user by user, in the order given, each once; unmodifiable
     * @throws NullPointerException if a collection or an element is null
     */
    public static Set<RoleAssignment> every(Collection<RoleId> roleIds, Collection<UserId> userIds) {
        Set<RoleAssignment> pairs = new LinkedHashSet<>();
        roleIds.forEach(role -> userIds.forEach(user -> pairs.add(new RoleAssignment(role, user))));
        return Collections.unmodifiableSet(pairs);
    }

    @Override
    public String toString() {
        return "(role " + roleId + ", user " + userId + ")";
    }
}
