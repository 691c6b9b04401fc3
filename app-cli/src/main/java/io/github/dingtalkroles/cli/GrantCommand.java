package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.UserId;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "grant", mixinStandardHelpOptions = true,
        description = {"Grant every role given to every user given: any number of each.",
                "Granting a role a user holds changes nothing, so a grant is safe to repeat. If it fails "
                        + "part-way, the error says how many (role, user) pairs were applied."})
final class GrantCommand implements Runnable {
    @ParentCommand
    RolesCommand roles;

    @Mixin
    AssignmentOptions pairs;

    @Override
    public void run() {
        List<RoleId> roleIds = pairs.roles();
        List<UserId> userIds = pairs.users();
        roles.assignments().grant(roleIds, userIds);
        roles.out().assignments(roleIds, userIds);
    }
}
