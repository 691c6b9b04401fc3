package io.github.dingtalkroles.benchmarks;

import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleGroupPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Item 3: operations per second of {@link InMemoryRoleDirectory} on a directory of 1,000 groups of 5
 * roles. Reads: {@code findRoleGroup} of a random group and {@code listRoleGroups} of a random page of
 * 20. Write: {@code renameRole} of a role of the calling thread's own group, alternating two names
 * (adding would grow the directory without bound). Run with 1 and 2 threads by {@link InMemoryJmh}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class InMemoryDirectoryBenchmark {
    static final int GROUPS = 1_000;
    static final int ROLES = 5;

    /** The directory, shared by all benchmark threads. */
    @State(Scope.Benchmark)
    public static class Directory {
        InMemoryRoleDirectory directory;
        List<RoleGroup> groups;
        int nextGroup;

        @Setup
        public void build() {
            directory = InMemoryRoleDirectory.create();
            groups = new ArrayList<>(GROUPS);
            for (int g = 0; g < GROUPS; g++) {
                RoleGroup group = directory.addRoleGroup(RoleGroupName.of("Group " + g));
                for (int r = 0; r < ROLES; r++) {
                    directory.addRole(group.id(), RoleName.of("Role " + r));
                }
                groups.add(directory.findRoleGroup(group.id()).orElseThrow());
            }
        }

        synchronized RoleGroup takeGroup() {
            return groups.get(nextGroup++ % GROUPS);
        }
    }

    /** Each thread renames a role of its own group. */
    @State(Scope.Thread)
    public static class Writer {
        RoleId role;
        RoleName[] names = {RoleName.of("Recruiter"), RoleName.of("Talent Partner")};
        int turn;

        @Setup
        public void pick(Directory shared) {
            Role first = shared.takeGroup().roles().get(0);
            role = first.id();
        }
    }

    @Benchmark
    public Optional<RoleGroup> readFindRoleGroup(Directory shared) {
        RoleGroupId id = shared.groups.get(ThreadLocalRandom.current().nextInt(GROUPS)).id();
        return shared.directory.findRoleGroup(id);
    }

    @Benchmark
    public RoleGroupPage readListPageOf20(Directory shared) {
        int offset = ThreadLocalRandom.current().nextInt(GROUPS - 20);
        return shared.directory.listRoleGroups(new PageRequest(offset, 20));
    }

    @Benchmark
    public RoleId writeRenameRole(Directory shared, Writer writer) {
        shared.directory.renameRole(writer.role, writer.names[writer.turn++ & 1]);
        return writer.role;
    }
}
