package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.port.RoleAssignments;
import io.github.dingtalkroles.port.RoleDirectory;
import io.github.dingtalkroles.sync.yaml.DesiredStateYaml;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code roles export}: the current roles as a desired-state file, which {@code roles plan} finds unchanged. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the current role groups and roles as a desired-state file (YAML) on stdout.",
                "Each role is pinned by its id; 'roles plan --file' on the result shows no changes."})
final class ExportCommand implements Runnable {
    @ParentCommand
    RolesCommand roles;

    @Spec
    CommandSpec spec;

    @Option(names = "--members", description = "Also list each role's members and the departments they manage.")
    boolean members;

    @Override
    public void run() {
        RoleDirectory directory = roles.directory();
        if (members && !(directory instanceof RoleAssignments)) {
            throw new ParameterException(spec.commandLine(), "--members: the " + roles.backend
                    + " backend keeps no role members");
        }
        PrintWriter out = spec.commandLine().getOut();
        DesiredStateYaml.write(SyncBackend.sync(roles, directory).export(members), out);
        out.flush();
    }
}
