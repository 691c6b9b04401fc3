package io.github.dingtalkroles.benchmarks;

import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.emulator.DingTalkEmulator;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import java.io.IOException;

/**
 * The DingTalk emulator in its own JVM, in front of an in-memory directory of {@code groups} extra role
 * groups with {@code roles} roles each, built directly in {@link InMemoryRoleDirectory} (not through
 * HTTP). Accepts the fixed access token {@code t}. Prints {@code url BASE_URL} once serving and stops
 * when its stdin closes.
 *
 * <p>Arguments: {@code groups roles [workerThreads]}.
 */
public final class EmulatorServer {
    static final String TOKEN = "t";

    private EmulatorServer() {
    }

    static InMemoryRoleDirectory directory(int groups, int roles) {
        InMemoryRoleDirectory directory = InMemoryRoleDirectory.create();
        for (int g = 0; g < groups; g++) {
            RoleGroup group = directory.addRoleGroup(RoleGroupName.of("Group " + g));
            for (int r = 0; r < roles; r++) {
                directory.addRole(group.id(), RoleName.of("Role " + r));
            }
        }
        return directory;
    }

    public static void main(String[] args) throws IOException {
        int groups = Integer.parseInt(args[0]);
        int roles = Integer.parseInt(args[1]);
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        try (DingTalkEmulator emulator = DingTalkEmulator.builder()
                .directory(directory(groups, roles))
                .accessToken(TOKEN)
                .workerThreads(workers)
                .start()) {
            System.out.println("url " + emulator.baseUrl());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the parent closes our stdin
            }
        }
    }
}
