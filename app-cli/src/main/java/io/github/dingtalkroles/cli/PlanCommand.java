package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.sync.Plan;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code roles plan}: what {@code roles apply} would change, changing nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Show the changes that would bring the roles to a desired-state file; changes nothing.",
                "Lines start with + (adds), ~ (changes) or - (removes: only with --prune)."})
final class PlanCommand implements Callable<Integer> {
    /** The exit code of {@code --detailed-exitcode} when there are changes. */
    static final int CHANGES_PLANNED = 10;

    @ParentCommand
    RolesCommand roles;

    @Spec
    CommandSpec spec;

    @Mixin
    DesiredStateOptions desired;

    @Option(names = "--detailed-exitcode",
            description = "Exit 0 if there are no changes, " + CHANGES_PLANNED + " if there are.")
    boolean detailedExitCode;

    @Override
    public Integer call() {
        Plan plan = desired.plan(SyncBackend.sync(roles), spec);
        PlanOutput.of(roles.output, spec.commandLine().getOut()).plan(plan, desired.file.toString());
        return detailedExitCode && !plan.isEmpty() ? CHANGES_PLANNED : ExitCode.OK;
    }
}
