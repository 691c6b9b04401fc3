package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.NotFoundException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "get-role", mixinStandardHelpOptions = true, description = "Show one role and its group.")
final class GetRoleCommand implements Runnable {
    @ParentCommand
    RolesCommand roles;

    @Option(names = "--role-id", required = true, paramLabel = "ID", description = "The role to show.")
    long roleId;

    @Override
    public void run() {
        RoleId id = RoleId.of(roleId);
        roles.out().role(roles.directory().findRole(id).orElseThrow(() -> new NotFoundException(
                NotFoundException.Subject.ROLE, "role " + id + " does not exist", BackendDiagnostics.NONE)));
    }
}
