package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.domain.RoleGroupName;
import java.nio.file.Path;

/** A separate process that adds groups W<n>, W<n+1>, ... to a local store until it is killed, n being the
 * number of groups it already holds besides Default. */
public final class StoreWriter {
    private StoreWriter() {
    }

    public static void main(String[] args) {
        LocalStore store = new LocalStore(Path.of(args[0])).open();
        for (long i = store.allRoleGroups().count() - 1; ; i++) {
            store.addRoleGroup(RoleGroupName.of("W" + i));
        }
    }
}
