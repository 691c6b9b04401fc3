package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.UserId;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = {"Revoke every role given from every user given: any number of each.",
                "Revoking a role a user does not hold changes nothing, so a revoke is safe to repeat. If it "
                        + "fails part-way, the error says how many (role, user) pairs were applied."})
final class RevokeCommand implements Runnable {
    @ParentCommand
    RolesCommand roles;

    @Mixin
    AssignmentOptions pairs;

    @Override
    public void run() {
        List<RoleId> roleIds = pairs.roles();
        List<UserId> userIds = pairs.users();
        roles.assignments().revoke(roleIds, userIds);
        roles.out().assignments(roleIds, userIds);
    }
}
