package io.github.dingtalkroles.cli;

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
 * failure part-way it prints what was applied; the error line says how many changes that was, and the
 * exit code is the failure's; a new {@code apply} finishes the job.
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
        AppliedSoFar progress = AppliedSoFar.onTerminal(roles.err());
        try {
            ApplyResult result = sync.apply(force ? plan.forced() : plan, progress);
            progress.done();
            output.applied(result.applied(), PlanOutput.ids(result));
            return ExitCode.OK;
        } catch (ApplyFailedException e) {
            progress.done();
            output.applied(e.applied(), PlanOutput.Ids.NONE);
            throw e; // one error line: how many changes were applied, and the failure (whose exit code it is)
        }
    }

    /** Changes applied so far, redrawn on one stderr line when stderr is a terminal. */
    private static final class AppliedSoFar implements ApplyListener {
        private final PrintWriter err;
        private final boolean terminal;
        private boolean shown;

        private AppliedSoFar(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        static AppliedSoFar onTerminal(PrintWriter err) {
            return new AppliedSoFar(err, Terminal.stderrIsTerminal());
        }

        @Override
        public void applied(Change change, int done, int total) {
            if (terminal) {
                err.print("\rapplied " + done + " of " + total + " changes");
                err.flush();
                shown = true;
            }
        }

        void done() {
            if (shown) {
                err.println();
                err.flush();
            }
        }
    }
}
