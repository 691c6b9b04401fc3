package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import picocli.CommandLine.Model.CommandSpec;

/** {@code roles update-role}. */
final class UpdateRoleCommand implements Runnable {
    private final RolesCommand roles;
    private long roleId;
    private String name;

    UpdateRoleCommand(RolesCommand roles) {
        this.roles = roles;
    }

    CommandSpec spec() {
        return Specs.command(this, "update-role", Specs.description("Rename a role."),
                Specs.option("--role-id", long.class, v -> roleId = (Long) v).required(true).paramLabel("ID")
                        .description("The role to rename."),
                Specs.option("--name", String.class, v -> name = (String) v).required(true).paramLabel("NAME")
                        .description("Its new name."));
    }

    @Override
    public void run() {
        RoleId role = RoleId.of(roleId);
        RoleName newName = RoleName.of(name);
        roles.directory().renameRole(role, newName);
        roles.out().renamed(role, newName);
    }
}
