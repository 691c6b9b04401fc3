package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleName;
import picocli.CommandLine.Model.CommandSpec;

/** {@code roles add-role}. */
final class AddRoleCommand implements Runnable {
    private final RolesCommand roles;
    private long groupId;
    private String name;

    AddRoleCommand(RolesCommand roles) {
        this.roles = roles;
    }

    CommandSpec spec() {
        return Specs.command(this, "add-role", Specs.description("Add a role to a role group."),
                Specs.option("--group-id", long.class, v -> groupId = (Long) v).required(true).paramLabel("ID")
                        .description("The group to add the role to."),
                Specs.option("--name", String.class, v -> name = (String) v).required(true).paramLabel("NAME")
                        .description("The new role's name."));
    }

    @Override
    public void run() {
        RoleGroupId group = RoleGroupId.of(groupId);
        RoleName roleName = RoleName.of(name);
        roles.out().role(roles.directory().addRole(group, roleName));
    }
}
