package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.NotFoundException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "get-group", mixinStandardHelpOptions = true, description = "Show one role group and its roles.")
final class GetGroupCommand implements Runnable {
    @ParentCommand
    RolesCommand roles;

    @Option(names = "--group-id", required = true, paramLabel = "ID", description = "The group to show.")
    long groupId;

    @Override
    public void run() {
        RoleGroupId id = RoleGroupId.of(groupId);
        roles.out().group(roles.directory().findRoleGroup(id).orElseThrow(() -> new NotFoundException(
                NotFoundException.Subject.ROLE_GROUP, "role group " + id + " does not exist", BackendDiagnostics.NONE)));
    }
}
