package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.UserId;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "grant", mixinStandardHelpOptions = true,
        description = {"Grant every role given to every user given: any number of each.",
                "Granting a role a user holds changes nothing, so a grant is safe to repeat. If it fails "
                        + "part-way, the error says how many (role, user) pairs were applied."})
final class GrantCommand implements Runnable {
    @ParentCommand
    RolesCommand roles;

    @Option(names = "--role-id", required = true, split = ",", paramLabel = "ID",
            description = {"A role to grant.", IdOptions.REPEATABLE})
    List<Long> roleIds;

    @Option(names = "--user-id", required = true, split = ",", paramLabel = "USER",
            description = {"A user to grant it to.", IdOptions.REPEATABLE})
    List<String> userIds;

    @Override
    public void run() {
        List<RoleId> granted = IdOptions.roles(roleIds);
        List<UserId> to = IdOptions.users(userIds);
        roles.assignments().grant(granted, to);
        roles.out().assignments(granted, to);
    }
}
