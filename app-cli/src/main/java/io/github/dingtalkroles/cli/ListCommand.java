package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleDirectory;
import io.github.dingtalkroles.port.RoleGroupPage;
import io.github.dingtalkroles.port.RoleGroupWalk;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** {@code roles list}. */
final class ListCommand implements Runnable {
    private final RolesCommand roles;
    private int offset;
    private int size;
    private boolean all;

    ListCommand(RolesCommand roles) {
        this.roles = roles;
    }

    CommandSpec spec() {
        return Specs.command(this, "list",
                Specs.description("List role groups with their roles: one page (DingTalk paging), or all of them."),
                Specs.option("--offset", int.class, v -> offset = (Integer) v).defaultValue("0").paramLabel("N")
                        .description("How many groups to skip (default: ${DEFAULT-VALUE})."),
                Specs.option("--size", int.class, v -> size = (Integer) v).defaultValue("20").paramLabel("N")
                        .description("Page size, 1 to 200 (default: ${DEFAULT-VALUE})."),
                Specs.option("--all", boolean.class, v -> all = (Boolean) v)
                        .description("Every group, paging under the hood; ignores --offset and --size."));
    }

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
