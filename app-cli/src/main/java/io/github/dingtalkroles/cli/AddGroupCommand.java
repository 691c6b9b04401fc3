package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.domain.RoleGroupName;
import picocli.CommandLine.Model.CommandSpec;

/** {@code roles add-group}. */
final class AddGroupCommand implements Runnable {
    private final RolesCommand roles;
    private String name;

    AddGroupCommand(RolesCommand roles) {
        this.roles = roles;
    }

    CommandSpec spec() {
        return Specs.command(this, "add-group", Specs.description("Create an empty role group."),
                Specs.option("--name", String.class, v -> name = (String) v).required(true).paramLabel("NAME")
                        .description("The new group's name."));
    }

    @Override
    public void run() {
        RoleGroupName groupName = RoleGroupName.of(name);
        roles.out().group(roles.directory().addRoleGroup(groupName));
    }
}
