package io.github.dingtalkroles.sync;

import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A role group as it should be: its name and the roles it should hold. Groups are identified by name.
 * Roles the group holds but this value does not list are left alone, unless the plan prunes.
 *
 * <p>The Default group ({@link RoleGroupName#isDefault()}) may be listed only as it is: each role it
 * lists must be one of its built-in roles under its current name, with its current members if members
 * are listed. Anything else is refused before a plan is made.
 *
 * @param name the group's name
 * @param roles the roles it should hold, in the order changes to them are planned
 */
public record DesiredGroup(RoleGroupName name, List<DesiredRole> roles) {
    /**
     * Copies the roles and checks that no role name or pinned id appears twice.
     *
     * @param name the group's name; not null
     * @param roles the group's roles; not null
     * @throws DesiredStateException ({@code roles[i].name} or {@code roles[i].id}) if a role name or a
     *     pinned role id appears twice
     * @throws NullPointerException if a component or a role is null
     */
    public DesiredGroup {
        Objects.requireNonNull(name, "name");
        roles = List.copyOf(roles);
        Set<RoleName> names = new HashSet<>();
        Set<RoleId> ids = new HashSet<>();
        for (int i = 0; i < roles.size(); i++) {
            DesiredRole role = roles.get(i);
            if (!names.add(role.name())) {
                throw new DesiredStateException("roles[" + i + "].name", "role \"" + role.name()
                        + "\" is listed twice in group \"" + name + "\"");
            }
            int index = i;
            role.id().filter(id -> !ids.add(id)).ifPresent(id -> {
                throw new DesiredStateException("roles[" + index + "].id", "role id " + id
                        + " is listed twice in group \"" + name + "\"");
            });
        }
    }

    /**
     * A group with these roles.
     *
     * @param name the group's name
     * @param roles its roles
     * @return the group
     * @throws DesiredStateException if a role name or a pinned role id appears twice
     */
    public static DesiredGroup of(RoleGroupName name, DesiredRole... roles) {
        return new DesiredGroup(name, List.of(roles));
    }

    /**
     * Whether this is the built-in Default group, which may be listed only as it is.
     *
     * @return {@code true} if the name is the Default group's
     */
    public boolean isDefault() {
        return name.isDefault();
    }
}
