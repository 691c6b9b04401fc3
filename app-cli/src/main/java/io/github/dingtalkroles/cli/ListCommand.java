package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleDirectory;
import io.github.dingtalkroles.port.RoleGroupPage;
import io.github.dingtalkroles.port.RoleGroupWalk;
import java.io.PrintWriter;
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
        Progress progress = Terminal.stderrIsTerminal() ? new Progress(roles.err()) : null;
        RoleGroupWalk walk = RoleGroupWalk.over(directory);
        if (progress != null) {
            walk.onPage(page -> progress.page());
        }
        try {
            roles.out().groups(progress == null ? walk.stream() : walk.stream().peek(g -> progress.group()), false);
        } finally {
            if (progress != null) {
                progress.done();
            }
        }
    }

    /** Pages and groups fetched so far, redrawn on one stderr line. */
    private static final class Progress {
        private final PrintWriter err;
        private int pages;
        private long groups;

        Progress(PrintWriter err) {
            this.err = err;
        }

        void page() {
            pages++;
            show();
        }

        void group() {
            groups++;
        }

        private void show() {
            err.print("\rfetched " + pages + (pages == 1 ? " page, " : " pages, ") + groups + " role groups");
            err.flush();
        }

        void done() {
            if (pages > 0) {
                show();
                err.println();
                err.flush();
            }
        }
    }
}
