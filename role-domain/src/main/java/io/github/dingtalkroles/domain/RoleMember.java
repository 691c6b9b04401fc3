package io.github.dingtalkroles.domain;

import java.util.List;
import java.util.Objects;

/**
 * An employee who holds a role, with the departments the role lets them manage.
 *
 * @param userId the member's user id
 * @param name the member's name (the rules of every name)
 * @param scope the departments they manage through the role, with their names; empty for the whole
 *     organisation; at most {@value ManagementScope#MAX_DEPARTMENTS}, without repeated ids
 */
public record RoleMember(UserId userId, String name, List<Department> scope) {
    /**
     * Checks the components and copies the scope.
     *
     * @param userId the member's user id; not null
     * @param name the member's name; trimmed and checked
     * @param scope the departments the member manages; not null; empty for the whole organisation
     * @throws InvariantViolation if the name or the scope breaks a rule
     * @throws NullPointerException if {@code userId} or {@code scope} is null
     * @throws IllegalArgumentException if a department appears twice in the scope
     */
    public RoleMember {
        Objects.requireNonNull(userId, "user id");
        name = Names.requireValid(name, "member name");
        scope = List.copyOf(Objects.requireNonNull(scope, "scope"));
        ManagementScope ids = new ManagementScope(scope.stream().map(Department::id).toList());
        if (ids.departments().size() != scope.size()) {
            throw new IllegalArgumentException("member " + userId + ": a department appears twice in the scope");
        }
    }

    /**
     * The member's scope as department ids.
     *
     * @return the ids of the {@link #scope} departments, in the same order
     */
    public ManagementScope managementScope() {
        return new ManagementScope(scope.stream().map(Department::id).toList());
    }
}
