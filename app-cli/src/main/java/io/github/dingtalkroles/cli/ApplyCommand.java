package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.port.RoleDirectoryException;
import io.github.dingtalkroles.sync.ApplyFailedException;
import io.github.dingtalkroles.sync.ApplyListener;
import io.github.dingtalkroles.sync.ApplyResult;
import io.github.dingtalkroles.sync.Change;
import io.github.dingtalkroles.sync.Plan;
import io.github.dingtalkroles.sync.RoleSync;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code roles apply}: plans as {@code roles plan} does, applies the plan, and prints what it did. On a
 * failure part-way it prints what was applied, says so on stderr, and exits with the failure's code; a
 * new {@code apply} finishes the job.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Bring the roles to a desired-state file: plan, apply, and show what was done.",
                "Safe to run again: after a failure part-way, run it again to finish."})
final class ApplyCommand implements Callable<Integer> {
    @ParentCommand
    RolesCommand roles;

    @Spec
    CommandSpec spec;

    @Mixin
    DesiredStateOptions desired;

    @Option(names = "--force", description = "Apply a prune that removes more than "
            + RoleSync.DEFAULT_PRUNE_LIMIT + " (role, user) pairs and roles.")
    boolean force;

    @Override
    public Integer call() {
        RoleSync sync = SyncBackend.sync(roles);
        Plan plan = desired.plan(sync, spec);
        if (plan.exceedsPruneLimit() && !force) {
            throw new ParameterException(spec.commandLine(), "the plan removes " + plan.removals()
                    + " (role, user) pairs and roles, more than the prune limit of " + plan.pruneLimit()
                    + "; nothing was applied ('roles plan --prune' lists them; --force applies them)");
        }
        PlanOutput output = PlanOutput.of(roles.output, spec.commandLine().getOut());
        Progress progress = Terminal.stderrIsTerminal() ? new Progress(roles.err()) : null;
        try {
            ApplyResult result = sync.apply(force ? plan.forced() : plan, progress == null ? ApplyListener.NONE : progress);
            if (progress != null) {
                progress.done();
            }
            output.applied(result.applied(), PlanOutput.ids(result));
            return ExitCode.OK;
        } catch (ApplyFailedException e) {
            if (progress != null) {
                progress.done();
            }
            output.applied(e.applied(), PlanOutput.Ids.NONE);
            roles.err().println("applied " + e.applied().size() + " of " + plan.changes().size()
                    + " changes before a failure; run 'roles apply' again to finish");
            roles.err().flush();
            throw e.failure() instanceof RoleDirectoryException failure ? failure : e;
        }
    }

    /** Changes applied so far, redrawn on one stderr line. */
    private static final class Progress implements ApplyListener {
        private final PrintWriter err;
        private boolean shown;

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void applied(Change change, int done, int total) {
            err.print("\rapplied " + done + " of " + total + " changes");
            err.flush();
            shown = true;
        }

        void done() {
            if (shown) {
                err.println();
                err.flush();
            }
        }
    }
}
