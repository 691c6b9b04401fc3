package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleDirectory;
import io.github.dingtalkroles.port.RoleGroupPage;
import io.github.dingtalkroles.port.RoleGroupWalk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List role groups with their roles: one page (DingTalk paging), or all of them.")
final class ListCommand implements Runnable {
    @ParentCommand
    RolesCommand roles;

    @Option(names = "--offset", defaultValue = "0", paramLabel = "N",
            description = "How many groups to skip (default: ${DEFAULT-VALUE}).")
    int offset;

    @Option(names = "--size", defaultValue = "20", paramLabel = "N",
            description = "Page size, 1 to 200 (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--all", description = "Every group, paging under the hood; ignores --offset and --size.")
    boolean all;

    @Override
    public void run() {
        if (all) {
            listAll();
        } else {
            PageRequest request = new PageRequest(offset, size);
            RoleGroupPage page = roles.directory().listRoleGroups(request);
            roles.out().groups(page.groups().stream(), page.hasMore());
        }
    }

    private void listAll() {
        RoleDirectory directory = roles.directory();
        Progress progress = Progress.onTerminal(roles.err(), "role groups");
        RoleGroupWalk walk = RoleGroupWalk.over(directory).onPage(page -> progress.page());
        try {
            roles.out().groups(walk.stream().peek(g -> progress.item()), false);
        } finally {
            progress.done();
        }
    }
}
