package io.github.dingtalkroles.benchmarks;

import io.github.dingtalkroles.dingtalk.AccessToken;
import io.github.dingtalkroles.dingtalk.DingTalkRoleDirectory;
import io.github.dingtalkroles.domain.Employee;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.emulator.DingTalkEmulator;
import io.github.dingtalkroles.emulator.EmulatorOperation;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Item 6: a bulk grant of one role to 10,000 users through the emulator, which allows 20 calls/s per
 * endpoint (answering 90018 beyond) and answers every call after a constant 200 ms. DingTalk takes 20
 * users per {@code addrolesforemps} call, so the grant needs 500 calls: at 20 calls/s its floor is 25 s.
 * Measured: the directory's default (calls sent concurrently, 8 in flight, within its 19 calls/s rate
 * limit) against the same grant sent one call at a time ({@code bulkConcurrency(1)}), the baseline, in
 * the same run and JVM. Both use a fresh role; a short warm-up grant runs first.
 *
 * <p>Arguments: {@code quick} for 1,000 users and no sequential baseline (a smoke test).
 */
public final class BulkGrantBenchmark {
    static final int QPS = 20;
    static final Duration LATENCY = Duration.ofMillis(200);
    static final int USERS_PER_CALL = 20;

    private BulkGrantBenchmark() {
    }

    public static void main(String[] args) {
        boolean quick = args.length > 0 && args[0].equals("quick");
        int users = quick ? 1_000 : 10_000;
        InMemoryRoleDirectory.Builder roster = InMemoryRoleDirectory.builder();
        List<UserId> ids = IntStream.rangeClosed(1, users).mapToObj(i -> UserId.of("user" + i)).toList();
        ids.forEach(id -> roster.employee(new Employee(id, "User " + id.value(), List.of())));
        InMemoryRoleDirectory backend = roster.build();
        try (DingTalkEmulator emulator = DingTalkEmulator.builder().directory(backend).accessToken("bench-token")
                .qpsLimitPerApp(QPS).latency(LATENCY).workerThreads(32).start()) {
            double floor = (double) users / USERS_PER_CALL / QPS;
            System.out.printf("### Bulk grant of one role to %,d users (emulator: %d calls/s per endpoint, %d ms"
                    + " per call; %d users per call)%n%n", users, QPS, LATENCY.toMillis(), USERS_PER_CALL);
            System.out.println("| client | calls | wall s | vs the floor (" + String.format("%.0f", floor)
                    + " s) | 90018 answers (retried) | failures reaching the caller |");
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
            grant(emulator, backend, ids.subList(0, 200), 8, null, floor); // warm-up, not printed
            grant(emulator, backend, ids, 8, "concurrent (default: 8 in flight)", floor);
            if (!quick) {
                grant(emulator, backend, ids, 1, "one call at a time (baseline)", floor);
            }
            System.out.println();
            System.out.println("(the client is DingTalkRoleDirectory with its default 19 calls/s smooth rate limit;"
                    + " \"90018 answers\" are the emulator's throttling answers, which the client waits out and"
                    + " retries)");
        }
    }

    private static void grant(DingTalkEmulator emulator, InMemoryRoleDirectory backend, List<UserId> users,
            int concurrency, String label, double floor) {
        RoleId role = backend.addRole(backend.addRoleGroup(RoleGroupName.of("Bench " + System.nanoTime())).id(),
                RoleName.of("Bulk")).id();
        try (DingTalkRoleDirectory directory = DingTalkRoleDirectory.builder().baseUrl(emulator.baseUrl())
                .accessToken(AccessToken.of("bench-token")).bulkConcurrency(concurrency).build()) {
            emulator.resetRequestCounts();
            String failure = "0";
            long started = System.nanoTime();
            try {
                directory.grant(List.of(role), users);
            } catch (RuntimeException e) {
                failure = e.getClass().getSimpleName();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long calls = emulator.requestCount(EmulatorOperation.GRANT_ROLES);
            long members = backend.allMembers(role).count();
            if (members != users.size()) {
                throw new IllegalStateException("granted " + members + " of " + users.size() + " users");
            }
            if (label != null) {
                long expected = (users.size() + USERS_PER_CALL - 1) / USERS_PER_CALL;
                System.out.printf("| %s | %d | %.1f | %s | %d | %s |%n", label, calls, seconds,
                        Stats.ratio(seconds / floor), calls - expected, failure);
                System.out.flush();
            }
        }
    }
}
