package io.github.dingtalkroles.localfile;

import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleName;
import java.nio.file.Path;

/**
 * The other processes of {@link LocalFileProcessTest}, started with this module's test class path:
 * {@code add-role FILE GROUP NAME} adds one role and exits; {@code write-forever FILE} adds groups
 * W<n>, W<n+1>, ... until it is killed, n being the number of groups the store already holds besides
 * Default (it prints {@code writing} first).
 */
public final class StoreProcesses {
    private StoreProcesses() {
    }

    public static void main(String[] args) {
        LocalFileRoleDirectory store = LocalFileRoleDirectory.builder(Path.of(args[1])).build();
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
