package io.github.dingtalkroles.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dingtalkroles.dingtalk.DingTalkRoleDirectory;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.emulator.DingTalkEmulator;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.port.ConflictException;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleDirectoryException;
import io.github.dingtalkroles.port.RoleGroupPage;
import io.github.dingtalkroles.testsupport.CapturedLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Several client threads run a random mix of every operation through one {@link DingTalkRoleDirectory}
 * against the emulator, with the emulator enforcing a per-app QPS limit and the client's own rate limit
 * set to the same rate. Each thread mostly works on groups of its own (so it can check what it reads),
 * and all threads race for a small set of shared names (so exactly one of them may win each).
 *
 * <p>Afterwards the emulator's directory must equal what a sequential model of the successful
 * operations predicts: nothing lost, nothing duplicated. The only failures allowed are the conflicts
 * of the race for shared names; no throttling error may reach a caller.
 *
 * <p>Size from system properties (see the module's pom): plain {@code verify} runs 8 threads x 150
 * operations at 100 calls/s; {@code -Preliability-full} the 8 x 2,000 at DingTalk's 20 calls/s.
 */
class MixedLoadTest {
    private static final int THREADS = Integer.getInteger("reliability.load.threads", 8);
    private static final int OPERATIONS = Integer.getInteger("reliability.load.operationsPerThread", 150);
    private static final int CALLS_PER_SECOND = Integer.getInteger("reliability.load.callsPerSecond", 100);
    private static final int SHARED_ROLE_NAMES = 40;
    private static final int SHARED_GROUP_NAMES = 10;
    private static final String THROTTLED_REPLY = "\"errcode\":90018";

    /** A successful write and what it returned, in the order its thread made it. */
    sealed interface Write {
    }

    record GroupAdded(RoleGroupId id, String name) implements Write {
    }

    record RoleAdded(RoleId id, String name, RoleGroupId groupId) implements Write {
    }

    record RoleRenamed(RoleId id, String name) implements Write {
    }

    /** What one thread did. */
    record Outcome(List<Write> writes, int conflicts, List<String> unexpected, int operations) {
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void concurrentMixedOperationsLoseNothingDuplicateNothingAndNeverSurfaceThrottling() throws Exception {
        CapturedLogs.Watch throttled = CapturedLogs.watch(line -> line.contains(THROTTLED_REPLY));
        InMemoryRoleDirectory backing = InMemoryRoleDirectory.create();
        RoleGroup shared = backing.addRoleGroup(RoleGroupName.of("Shared"));
        Map<Long, RoleGroup> initial = snapshot(backing);
        List<Outcome> outcomes = new ArrayList<>();
        long started = System.nanoTime();
        try (DingTalkEmulator emulator = Credentials.emulator().directory(backing)
                .qpsLimitPerApp(CALLS_PER_SECOND).start()) {
            DingTalkRoleDirectory client = DingTalkRoleDirectory.builder()
                    .baseUrl(emulator.baseUrl())
                    .appCredentials(Credentials.APP_KEY, Credentials.appSecret())
                    .rateLimit(CALLS_PER_SECOND)
                    .logHttpTraffic(true)
                    .build();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<Outcome>> futures = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        start.await();
                        return new Worker(client, thread, shared.id()).run();
                    }));
                }
                start.countDown();
                for (Future<Outcome> future : futures) {
                    outcomes.add(future.get(25, TimeUnit.MINUTES));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

        List<String> unexpected = outcomes.stream().flatMap(o -> o.unexpected().stream()).toList();
        assertThat(unexpected).as("unexpected errors (throttling included)").isEmpty();
        assertThat(outcomes).extracting(Outcome::operations).containsOnly(OPERATIONS);
        assertThat(snapshot(backing)).as("the directory against the sequential model of the successful writes")
                .isEqualTo(model(initial, outcomes));
        long writes = outcomes.stream().mapToLong(o -> o.writes().size()).sum();
        assertThat(writes).as("successful writes").isPositive();
        assertThat(outcomes.stream().mapToInt(Outcome::conflicts).sum()).as("lost races for shared names")
                .isPositive();
        NoSecrets.assertNoneLogged();
        throttled.close();
        summary(THREADS + " threads x " + OPERATIONS + " operations at " + CALLS_PER_SECOND + " calls/s: "
                + writes + " successful writes, " + outcomes.stream().mapToInt(Outcome::conflicts).sum()
                + " lost races, " + throttled.count()
                + " throttled replies (90018) absorbed by retries, " + seconds + " s");
    }

    /** One client thread's random walk. */
    private static final class Worker {
        private final DingTalkRoleDirectory client;
        private final int thread;
        private final RoleGroupId shared;
        private final Random random;
        private final List<Write> writes = new ArrayList<>();
        private final List<String> unexpected = new ArrayList<>();
        /** This thread's own groups as it believes they are: group id -> role id -> name. */
        private final Map<RoleGroupId, Map<RoleId, String>> own = new LinkedHashMap<>();
        private int conflicts;
        private int sequence;

        Worker(DingTalkRoleDirectory client, int thread, RoleGroupId shared) {
            this.client = client;
            this.thread = thread;
            this.shared = shared;
            this.random = new Random(7919L * (thread + 1));
        }

        Outcome run() {
            int done = 0;
            for (; done < OPERATIONS; done++) {
                int dice = random.nextInt(100);
                try {
                    if (dice < 15 || own.isEmpty()) {
                        addOwnGroup();
                    } else if (dice < 45) {
                        addOwnRole();
                    } else if (dice < 55) {
                        addSharedRole();
                    } else if (dice < 60) {
                        addSharedGroup();
                    } else if (dice < 72) {
                        renameOwnRole();
                    } else if (dice < 86) {
                        findOwnGroup();
                    } else {
                        listAPage();
                    }
                } catch (RoleDirectoryException e) {
                    NoSecrets.assertNoneIn(e);
                    unexpected.add("thread " + thread + ": " + e);
                } catch (AssertionError e) {
                    unexpected.add("thread " + thread + ": " + e.getMessage());
                }
            }
            return new Outcome(writes, conflicts, unexpected, done);
        }

        private void addOwnGroup() {
            String name = "t" + thread + "-g" + sequence++;
            RoleGroup group = client.addRoleGroup(RoleGroupName.of(name));
            writes.add(new GroupAdded(group.id(), name));
            own.put(group.id(), new LinkedHashMap<>());
        }

        private void addOwnRole() {
            RoleGroupId group = anyOwnGroup();
            String name = "t" + thread + "-r" + sequence++;
            Role role = client.addRole(group, RoleName.of(name));
            assertThat(role.groupId()).isEqualTo(group);
            writes.add(new RoleAdded(role.id(), name, group));
            own.get(group).put(role.id(), name);
        }

        private void addSharedRole() {
            String name = "shared-r" + random.nextInt(SHARED_ROLE_NAMES);
            try {
                Role role = client.addRole(shared, RoleName.of(name));
                writes.add(new RoleAdded(role.id(), name, shared));
            } catch (ConflictException e) {
                lostRace(e);
            }
        }

        private void addSharedGroup() {
            String name = "shared-g" + random.nextInt(SHARED_GROUP_NAMES);
            try {
                RoleGroup group = client.addRoleGroup(RoleGroupName.of(name));
                writes.add(new GroupAdded(group.id(), name));
            } catch (ConflictException e) {
                lostRace(e);
            }
        }

        private void lostRace(ConflictException e) {
            NoSecrets.assertNoneIn(e);
            assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_NAME);
            conflicts++;
        }

        private void renameOwnRole() {
            List<Map.Entry<RoleGroupId, RoleId>> roles = new ArrayList<>();
            own.forEach((g, rs) -> rs.keySet().forEach(r -> roles.add(Map.entry(g, r))));
            if (roles.isEmpty()) {
                addOwnRole();
                return;
            }
            Map.Entry<RoleGroupId, RoleId> pick = roles.get(random.nextInt(roles.size()));
            String name = "t" + thread + "-renamed" + sequence++;
            client.renameRole(pick.getValue(), RoleName.of(name));
            writes.add(new RoleRenamed(pick.getValue(), name));
            own.get(pick.getKey()).put(pick.getValue(), name);
        }

        /** Only this thread writes its groups, so it must read exactly what it wrote. */
        private void findOwnGroup() {
            RoleGroupId group = anyOwnGroup();
            RoleGroup found = client.findRoleGroup(group).orElseThrow(() -> new AssertionError(group + " vanished"));
            Map<RoleId, String> actual = found.roles().stream()
                    .collect(Collectors.toMap(Role::id, r -> r.name().value()));
            assertThat(actual).as("group " + group + " as thread " + thread + " wrote it").isEqualTo(own.get(group));
        }

        private void listAPage() {
            int size = 1 + random.nextInt(20);
            RoleGroupPage page = client.listRoleGroups(new PageRequest(random.nextInt(40), size));
            assertThat(page.groups().size()).isLessThanOrEqualTo(size);
        }

        private RoleGroupId anyOwnGroup() {
            List<RoleGroupId> ids = new ArrayList<>(own.keySet());
            return ids.get(random.nextInt(ids.size()));
        }
    }

    /** Group id -> the group, as a comparable value (roles by id). */
    private static Map<Long, RoleGroup> snapshot(InMemoryRoleDirectory directory) {
        Map<Long, RoleGroup> groups = new TreeMap<>();
        directory.allRoleGroups().forEach(g -> groups.put(g.id().value(), sorted(g)));
        return groups;
    }

    private static RoleGroup sorted(RoleGroup group) {
        List<Role> roles = new ArrayList<>(group.roles());
        roles.sort((a, b) -> Long.compare(a.id().value(), b.id().value()));
        return new RoleGroup(group.id(), group.name(), roles);
    }

    /**
     * Replays the successful writes on the initial state. Each thread's writes are replayed in its own
     * order; threads only rename their own roles, so the interleaving of threads does not matter.
     */
    private static Map<Long, RoleGroup> model(Map<Long, RoleGroup> initial, List<Outcome> outcomes) {
        Map<Long, String> groupNames = new HashMap<>();
        Map<Long, Map<Long, String>> roles = new HashMap<>();
        initial.values().forEach(g -> {
            groupNames.put(g.id().value(), g.name().value());
            Map<Long, String> rs = new HashMap<>();
            g.roles().forEach(r -> rs.put(r.id().value(), r.name().value()));
            roles.put(g.id().value(), rs);
        });
        Map<Long, Long> groupOfRole = new HashMap<>();
        Set<Long> seenIds = new TreeSet<>();
        for (Outcome outcome : outcomes) {
            for (Write write : outcome.writes()) {
                if (write instanceof GroupAdded added) {
                    assertThat(seenIds.add(added.id().value())).as("id handed out twice: " + added).isTrue();
                    assertThat(groupNames.put(added.id().value(), added.name())).isNull();
                    roles.put(added.id().value(), new HashMap<>());
                } else if (write instanceof RoleAdded added) {
                    assertThat(seenIds.add(added.id().value())).as("id handed out twice: " + added).isTrue();
                    roles.get(added.groupId().value()).put(added.id().value(), added.name());
                    groupOfRole.put(added.id().value(), added.groupId().value());
                } else if (write instanceof RoleRenamed renamed) {
                    roles.get(groupOfRole.get(renamed.id().value())).put(renamed.id().value(), renamed.name());
                }
            }
        }
        Map<Long, RoleGroup> expected = new TreeMap<>();
        groupNames.forEach((id, name) -> {
            List<Role> rs = new ArrayList<>();
            roles.get(id).forEach((roleId, roleName) -> rs.add(new Role(RoleId.of(roleId), RoleName.of(roleName),
                    RoleGroupId.of(id))));
            expected.put(id, sorted(new RoleGroup(RoleGroupId.of(id), RoleGroupName.of(name), rs)));
        });
        return expected;
    }

    private static void summary(String line) throws IOException {
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("mixed-load-summary.txt"), line + "\n");
        }
    }
}
