package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.port.RoleAssignments;
import io.github.dingtalkroles.port.RoleDirectory;
import io.github.dingtalkroles.sync.DesiredState;
import io.github.dingtalkroles.sync.RoleSync;
import io.github.dingtalkroles.sync.yaml.DesiredStateYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * What {@code plan}, {@code apply} and {@code export} share: the sync over the chosen backend, and the
 * desired-state file.
 */
final class SyncBackend {
    private SyncBackend() {
    }

    /**
     * The sync over the global options' backend: with membership when the backend keeps it. The local
     * store is one file that serialises every write, so its calls go one at a time; DingTalk's go several
     * at once within the client's rate limit.
     */
    static RoleSync sync(RolesCommand roles) {
        return sync(roles, roles.directory());
    }

    /** The sync over {@code directory}, the global options' backend already composed. */
    static RoleSync sync(RolesCommand roles, RoleDirectory directory) {
        RoleSync.Builder builder = directory instanceof RoleAssignments assignments
                ? RoleSync.builder(directory, assignments)
                : RoleSync.catalogueOnly(directory);
        if (roles.backend == RolesCommand.Backend.LOCAL) {
            builder.concurrency(1);
        }
        return builder.build();
    }

    /**
     * The desired state in {@code file}.
     *
     * @throws ParameterException if the file does not exist or is not readable
     * @throws io.github.dingtalkroles.sync.yaml.DesiredStateFileException if it is malformed: file, line, column
     */
    static DesiredState read(CommandSpec command, Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ParameterException(command.commandLine(), "--file " + file + ": no such readable file");
        }
        return DesiredStateYaml.read(file);
    }
}
