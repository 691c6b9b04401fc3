package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.UserId;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = {"Revoke every role given from every user given: any number of each.",
                "Revoking a role a user does not hold changes nothing, so a revoke is safe to repeat. If it "
                        + "fails part-way, the error says how many (role, user) pairs were applied."})
final class RevokeCommand implements Runnable {
    @ParentCommand
    RolesCommand roles;

    @Option(names = "--role-id", required = true, split = ",", paramLabel = "ID",
            description = {"A role to revoke.", IdOptions.REPEATABLE})
    List<Long> roleIds;

    @Option(names = "--user-id", required = true, split = ",", paramLabel = "USER",
            description = {"A user to revoke it from.", IdOptions.REPEATABLE})
    List<String> userIds;

    @Override
    public void run() {
        List<RoleId> revoked = IdOptions.roles(roleIds);
        List<UserId> from = IdOptions.users(userIds);
        roles.assignments().revoke(revoked, from);
        roles.out().assignments(revoked, from);
    }
}
