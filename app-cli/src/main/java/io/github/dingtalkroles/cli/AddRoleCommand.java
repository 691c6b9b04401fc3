package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "add-role", mixinStandardHelpOptions = true, description = "Add a role to a role group.")
final class AddRoleCommand implements Runnable {
    @ParentCommand
    RolesCommand roles;

    @Option(names = "--group-id", required = true, paramLabel = "ID", description = "The group to add the role to.")
    long groupId;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The new role's name.")
    String name;

    @Override
    public void run() {
        RoleGroupId group = RoleGroupId.of(groupId);
        RoleName roleName = RoleName.of(name);
        roles.out().role(roles.directory().addRole(group, roleName));
    }
}
