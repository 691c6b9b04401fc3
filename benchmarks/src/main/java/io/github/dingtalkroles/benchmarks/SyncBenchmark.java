package io.github.dingtalkroles.benchmarks;

import io.github.dingtalkroles.dingtalk.AccessToken;
import io.github.dingtalkroles.dingtalk.DingTalkRoleDirectory;
import io.github.dingtalkroles.domain.Employee;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.emulator.DingTalkEmulator;
import io.github.dingtalkroles.emulator.EmulatorOperation;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.sync.Change;
import io.github.dingtalkroles.sync.DesiredGroup;
import io.github.dingtalkroles.sync.DesiredMember;
import io.github.dingtalkroles.sync.DesiredRole;
import io.github.dingtalkroles.sync.DesiredState;
import io.github.dingtalkroles.sync.Plan;
import io.github.dingtalkroles.sync.Prune;
import io.github.dingtalkroles.sync.RoleSync;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Item 7: roles as code, applied to an empty organisation through the DingTalk adapter and the emulator,
 * which allows 20 calls/s per endpoint (90018 beyond) and answers every call after a constant 200 ms.
 * The catalogue: 50 groups of 4 roles (200 roles) and 5,000 assignments: each group's team of 25
 * employees holds all 4 of its roles. The plan needs one listing page, 50 {@code add_role_group}, 200
 * {@code add_role} and 100 {@code addrolesforemps} calls (DingTalk takes 20 roles x 20 users per call; a
 * group's 4 roles x 25 users need 2, and roles of two groups never share a call, as that would grant
 * across teams): 351 calls, the fewest possible. The emulator, like DingTalk, allows 20 calls/s per
 * endpoint and the phases run one endpoint at a time, so the floor is 351 / 20 = 17.55 s.
 *
 * <p>Measured: {@code RoleSync} with its default of 8 calls at once and the adapter's default rate limit (19
 * calls/s, one below the emulator's); the same with the client at exactly the emulator's 20 calls/s, to show
 * what the emulator's throttling answers cost; and the
 * same plan applied one call at a time ({@code concurrency(1)}), the baseline. Each on a fresh emulator
 * in the same JVM, after a 3-group warm-up run.
 *
 * <p>Arguments: {@code quick} for 10 groups (1,000 assignments) and no baseline (a smoke test).
 */
public final class SyncBenchmark {
    static final int QPS = 20;
    static final Duration LATENCY = Duration.ofMillis(200);
    static final int ROLES_PER_GROUP = 4;
    static final int TEAM = 25;
    static final int USERS_PER_CALL = 20;

    /** Each run's phase times, printed after the table. */
    private static final List<String> PHASES = new ArrayList<>();

    private SyncBenchmark() {
    }

    public static void main(String[] args) {
        boolean quick = args.length > 0 && args[0].equals("quick");
        int groups = quick ? 10 : 50;
        DesiredState desired = catalogue(groups);
        int grantCalls = groups * ((TEAM + USERS_PER_CALL - 1) / USERS_PER_CALL);
        long minimum = 1 + groups + (long) groups * ROLES_PER_GROUP + grantCalls;
        double floor = (double) minimum / QPS;
        System.out.printf("### Apply %d groups, %d roles and %,d assignments to an empty organisation (emulator: %d"
                        + " calls/s per endpoint, %d ms per call)%n%n", groups, groups * ROLES_PER_GROUP,
                groups * ROLES_PER_GROUP * TEAM, QPS, LATENCY.toMillis());
        System.out.printf("Fewest calls possible: %d (1 list, %d add_role_group, %d add_role, %d addrolesforemps);"
                + " floor at %d calls/s: %.2f s%n%n", minimum, groups, groups * ROLES_PER_GROUP, grantCalls, QPS, floor);
        System.out.println("| sync | plan s | apply s | plan + apply s | vs the floor | calls: list, groups, roles,"
                + " grants | calls vs the fewest | 90018 answers (retried) |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |");
        run(catalogue(3), 3, RoleSync.DEFAULT_CONCURRENCY, 0, null, 0, 0); // warm-up, not printed
        run(desired, groups, RoleSync.DEFAULT_CONCURRENCY, 0, "default: " + RoleSync.DEFAULT_CONCURRENCY
                + " calls at once, client 19 calls/s", minimum, floor);
        if (!quick) {
            run(desired, groups, RoleSync.DEFAULT_CONCURRENCY, QPS, "client limit " + QPS
                    + " calls/s (the emulator's)", minimum, floor);
            run(desired, groups, 1, 0, "one call at a time (baseline)", minimum, floor);
        }
        System.out.println();
        System.out.println("Phases (each from the end of the one before to its last change):");
        System.out.println();
        PHASES.forEach(line -> System.out.println("- " + line));
        System.out.println();
        System.out.println("(the client is DingTalkRoleDirectory with its default 19 calls/s smooth rate limit, 20 in"
                + " the second row, and bulk calls 8 at once; \"90018 answers\" are the emulator's throttling answers,"
                + " the calls beyond the fewest, which the client waited out (1 s) and retried)");
    }

    /** Group i holds roles 1..4, each held by the group's team of 25 employees. */
    static DesiredState catalogue(int groups) {
        List<DesiredGroup> result = new ArrayList<>();
        for (int g = 1; g <= groups; g++) {
            int group = g;
            List<DesiredMember> team = IntStream.rangeClosed(1, TEAM)
                    .mapToObj(u -> DesiredMember.of(user(group, u))).toList();
            List<DesiredRole> roles = IntStream.rangeClosed(1, ROLES_PER_GROUP)
                    .mapToObj(r -> DesiredRole.named(RoleName.of("Role " + r)).withMembers(team)).toList();
            result.add(new DesiredGroup(RoleGroupName.of("Group " + g), roles));
        }
        return new DesiredState(result);
    }

    private static UserId user(int group, int member) {
        return UserId.of("g" + group + "u" + member);
    }

    private static void run(DesiredState desired, int groups, int concurrency, int clientLimit, String label,
            long minimum, double floor) {
        InMemoryRoleDirectory.Builder roster = InMemoryRoleDirectory.builder();
        for (int g = 1; g <= groups; g++) {
            for (int u = 1; u <= TEAM; u++) {
                roster.employee(new Employee(user(g, u), "Employee " + g + "/" + u, List.of()));
            }
        }
        InMemoryRoleDirectory backend = roster.build();
        try (DingTalkEmulator emulator = DingTalkEmulator.builder().directory(backend).accessToken("bench-token")
                .qpsLimitPerApp(QPS).latency(LATENCY).workerThreads(32).start();
                DingTalkRoleDirectory directory = client(emulator, clientLimit)) {
            RoleSync sync = RoleSync.builder(directory, directory).concurrency(concurrency).build();
            long started = System.nanoTime();
            Plan plan = sync.plan(desired, Prune.OFF);
            long planned = System.nanoTime();
            Map<Change.Action, Long> lastDone = new EnumMap<>(Change.Action.class);
            sync.apply(plan, (change, done, all) -> lastDone.put(change.action(), System.nanoTime()));
            long applied = System.nanoTime();
            long list = emulator.requestCount(EmulatorOperation.LIST_ROLES);
            long groupCalls = emulator.requestCount(EmulatorOperation.ADD_ROLE_GROUP);
            long roleCalls = emulator.requestCount(EmulatorOperation.ADD_ROLE);
            long grantCalls = emulator.requestCount(EmulatorOperation.GRANT_ROLES);
            long calls = list + groupCalls + roleCalls + grantCalls;
            if (!sync.plan(desired, Prune.OFF).isEmpty()) {
                throw new IllegalStateException("the organisation is not as desired after the apply");
            }
            double total = (applied - started) / 1e9;
            if (label == null) {
                return;
            }
            System.out.printf("| %s | %.2f | %.1f | %.1f | %s | %d, %d, %d, %d | %d / %d | %d |%n", label,
                    (planned - started) / 1e9, (applied - planned) / 1e9, total, Stats.ratio(total / floor), list,
                    groupCalls, roleCalls, grantCalls, calls, minimum, calls - minimum);
            PHASES.add(label + ": " + phases(planned, lastDone));
            System.out.flush();
        }
    }

    /** How long each phase took, from the end of the one before it to its last change. */
    private static String phases(long start, Map<Change.Action, Long> lastDone) {
        List<String> parts = new ArrayList<>();
        long from = start;
        for (Map.Entry<Change.Action, Long> phase : lastDone.entrySet()) {
            parts.add(String.format("%s %.2f s", phase.getKey().label(), (phase.getValue() - from) / 1e9));
            from = phase.getValue();
        }
        return String.join(", ", parts);
    }

    /** The adapter against {@code emulator}: its default rate limit when {@code clientLimit} is 0, else that many calls/s. */
    private static DingTalkRoleDirectory client(DingTalkEmulator emulator, int clientLimit) {
        DingTalkRoleDirectory.Builder builder = DingTalkRoleDirectory.builder().baseUrl(emulator.baseUrl())
                .accessToken(AccessToken.of("bench-token"));
        return (clientLimit > 0 ? builder.rateLimit(clientLimit) : builder).build();
    }
}
