package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.UserId;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "set-scope", mixinStandardHelpOptions = true,
        description = "Set the departments a member manages through a role (none: the whole organisation).")
final class SetScopeCommand implements Runnable {
    @ParentCommand
    RolesCommand roles;

    @Option(names = "--role-id", required = true, paramLabel = "ID", description = "The role.")
    long roleId;

    @Option(names = "--user-id", required = true, paramLabel = "USER", description = "A member of the role.")
    String userId;

    @Option(names = "--dept-id", split = ",", paramLabel = "D",
            description = {"A department they manage, at most 50; none for the whole organisation.",
                    IdOptions.REPEATABLE})
    List<Long> deptIds;

    @Override
    public void run() {
        RoleId role = RoleId.of(roleId);
        UserId user = UserId.of(userId);
        ManagementScope scope = new ManagementScope(IdOptions.departments(deptIds));
        roles.assignments().setScope(role, user, scope);
        roles.out().scope(role, user, scope);
    }
}
