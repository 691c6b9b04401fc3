package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "update-role", mixinStandardHelpOptions = true, description = "Rename a role.")
final class UpdateRoleCommand implements Runnable {
    @ParentCommand
    RolesCommand roles;

    @Option(names = "--role-id", required = true, paramLabel = "ID", description = "The role to rename.")
    long roleId;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Its new name.")
    String name;

    @Override
    public void run() {
        RoleId role = RoleId.of(roleId);
        RoleName newName = RoleName.of(name);
        roles.directory().renameRole(role, newName);
        roles.out().renamed(role, newName);
    }
}
