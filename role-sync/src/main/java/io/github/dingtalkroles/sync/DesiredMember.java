package io.github.dingtalkroles.sync;

import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.UserId;
import java.util.Objects;

/**
 * A user who should hold a role, with the departments they should manage through it.
 *
 * @param user the user
 * @param scope the departments they manage through the role; {@link ManagementScope#wholeOrganisation()}
 *     (none named) for all of it
 */
public record DesiredMember(UserId user, ManagementScope scope) {
    /**
     * Checks the components.
     *
     * @param user the user; not null
     * @param scope the departments they manage; not null
     * @throws NullPointerException if a component is null
     */
    public DesiredMember {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(scope, "scope");
    }

    /**
     * A member who manages the whole organisation through the role, as a newly granted member does.
     *
     * @param user the user
     * @return the member, with the whole organisation as scope
     */
    public static DesiredMember of(UserId user) {
        return new DesiredMember(user, ManagementScope.wholeOrganisation());
    }
}
