package io.github.dingtalkroles.localfile;

import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleName;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The other processes of {@link LocalFileProcessTest}, started with this module's test class path:
 * {@code add-role FILE GROUP NAME} adds one role and exits; {@code write-forever FILE} adds groups
 * W<n>, W<n+1>, ... until it is killed, n being the number of groups the store already holds besides
 * Default (it prints {@code writing} first); {@code hold-lock FILE} takes a shared lock on the store's lock file, as any local user who
 * may read it could, prints {@code locked} and holds it until it is killed.
 */
public final class StoreProcesses {
    private StoreProcesses() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("hold-lock")) {
            try (FileChannel channel = FileChannel.open(Path.of(args[1] + ".lock"), StandardOpenOption.READ);
                    FileLock lock = channel.lock(0, Long.MAX_VALUE, true)) {
                System.out.println("locked");
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
            }
        }
        // A long lock timeout: sixteen cold JVMs on a busy machine may queue for longer than the default.
        LocalFileRoleDirectory store = LocalFileRoleDirectory.builder(Path.of(args[1]))
                .lockTimeout(Duration.ofMinutes(1)).build();
        switch (args[0]) {
            case "add-role" -> store.addRole(RoleGroupId.of(Long.parseLong(args[2])), RoleName.of(args[3]));
            case "write-forever" -> {
                System.out.println("writing");
                System.out.flush();
                for (long i = store.allRoleGroups().count() - 1; ; i++) {
                    store.addRoleGroup(RoleGroupName.of("W" + i));
                }
            }
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }
}
