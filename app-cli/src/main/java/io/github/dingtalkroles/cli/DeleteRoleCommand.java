package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.domain.RoleId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "delete-role", mixinStandardHelpOptions = true,
        description = "Delete a role. Revoke it from its members first; built-in roles cannot be deleted.")
final class DeleteRoleCommand implements Runnable {
    @ParentCommand
    RolesCommand roles;

    @Option(names = "--role-id", required = true, paramLabel = "ID", description = "The role to delete.")
    long roleId;

    @Override
    public void run() {
        RoleId id = RoleId.of(roleId);
        roles.directory().deleteRole(id);
        roles.out().deleted(id);
    }
}
