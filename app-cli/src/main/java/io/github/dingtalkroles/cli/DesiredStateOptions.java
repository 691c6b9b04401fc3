package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.sync.DesiredState;
import io.github.dingtalkroles.sync.Plan;
import io.github.dingtalkroles.sync.Prune;
import io.github.dingtalkroles.sync.RoleSync;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options {@code plan} and {@code apply} share (a picocli mixin): the desired-state file, and pruning. */
final class DesiredStateOptions {
    @Option(names = "--file", required = true, paramLabel = "FILE", description = "The desired state (YAML).")
    Path file;

    @Option(names = "--prune", description = "Also revoke members a role's list leaves out, and revoke and "
            + "delete the roles a listed group holds but the file leaves out.")
    boolean prune;

    /** The plan from the file to what {@code sync} reads. */
    Plan plan(RoleSync sync, CommandSpec command) {
        DesiredState desired = SyncBackend.read(command, file);
        return sync.plan(desired, prune ? Prune.ON : Prune.OFF);
    }
}
