package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.UserId;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of {@code grant} and {@code revoke} (a picocli mixin): any number of roles and users. */
final class AssignmentOptions {
    @Option(names = "--role-id", required = true, split = ",", paramLabel = "ID",
            description = {"A role to ${COMMAND-NAME}.", IdOptions.REPEATABLE})
    List<Long> roleIds;

    @Option(names = "--user-id", required = true, split = ",", paramLabel = "USER",
            description = {"A user.", IdOptions.REPEATABLE})
    List<String> userIds;

    /** The roles given, each once. */
    List<RoleId> roles() {
        return IdOptions.roles(roleIds);
    }

    /** The users given, each once. */
    List<UserId> users() {
        return IdOptions.users(userIds);
    }
}
