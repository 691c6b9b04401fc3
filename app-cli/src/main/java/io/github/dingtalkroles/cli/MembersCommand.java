package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.port.MemberPage;
import io.github.dingtalkroles.port.MemberPageRequest;
import io.github.dingtalkroles.port.MemberWalk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "members", mixinStandardHelpOptions = true,
        description = "List a role's members with the departments they manage: one page (DingTalk paging),"
                + " or all of them.")
final class MembersCommand implements Runnable {
    @ParentCommand
    RolesCommand roles;

    @Option(names = "--role-id", required = true, paramLabel = "ID", description = "The role.")
    long roleId;

    @Option(names = "--offset", defaultValue = "0", paramLabel = "N",
            description = "How many members to skip (default: ${DEFAULT-VALUE}).")
    int offset;

    @Option(names = "--size", defaultValue = "20", paramLabel = "N",
            description = "Page size, 1 to 100 (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--all", description = "Every member, paging under the hood; ignores --offset and --size.")
    boolean all;

    @Override
    public void run() {
        RoleId role = RoleId.of(roleId);
        if (all) {
            Progress progress = Progress.onTerminal(roles.err(), "members");
            MemberWalk walk = MemberWalk.of(roles.assignments(), role).onPage(page -> progress.page());
            try {
                roles.out().members(walk.stream().peek(m -> progress.item()), false);
            } finally {
                progress.done();
            }
        } else {
            MemberPageRequest request = new MemberPageRequest(offset, size);
            MemberPage page = roles.assignments().listMembers(role, request);
            roles.out().members(page.members().stream(), page.hasMore());
        }
    }
}
