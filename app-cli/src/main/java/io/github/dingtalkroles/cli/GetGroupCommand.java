package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.NotFoundException;
import picocli.CommandLine.Model.CommandSpec;

/** {@code roles get-group}. */
final class GetGroupCommand implements Runnable {
    private final RolesCommand roles;
    private long groupId;

    GetGroupCommand(RolesCommand roles) {
        this.roles = roles;
    }

    CommandSpec spec() {
        return Specs.command(this, "get-group", Specs.description("Show one role group and its roles."),
                Specs.option("--group-id", long.class, v -> groupId = (Long) v).required(true).paramLabel("ID")
                        .description("The group to show."));
    }

    @Override
    public void run() {
        RoleGroupId id = RoleGroupId.of(groupId);
        roles.out().group(roles.directory().findRoleGroup(id).orElseThrow(() -> new NotFoundException(
                NotFoundException.Subject.ROLE_GROUP, "role group " + id + " does not exist", BackendDiagnostics.NONE)));
    }
}
