package io.github.dingtalkroles.benchmarks;

import io.github.dingtalkroles.domain.Employee;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.emulator.DingTalkEmulator;
import io.github.dingtalkroles.emulator.EmulatorOperation;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.port.MemberPageRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Item 7: {@code roles --backend dingtalk members --role-id R --all --output json} of roles with 100
 * (one page: the baseline), 1,000 and 10,000 members, through the emulator (in this JVM) at DingTalk's
 * 20 calls/s per endpoint (errcode 90018 beyond) and no added latency. The command runs as users run it,
 * one JVM per run, with {@code -Xmx64m} ({@link MembersCliClient}); the sizes take turns (round-robin)
 * so that drift hits all alike, and the median run of each is shown. The walk fetches pages of 100 with
 * one member of overlap, so {@code n} members take {@code 1 + ceil((n - 100) / 99)} calls, and at 20
 * calls/s the floor is that over 20 s. Memory: the heap the command retained (old generation peak)
 * against the one-page baseline's.
 *
 * <p>Arguments: {@code quick} for one run of each size, else three.
 */
public final class MembersBenchmark {
    static final int QPS = 20;
    static final String TOKEN = "bench-token";
    static final String CLIENT_HEAP = "-Xmx64m";
    static final int[] SIZES = {100, 1_000, 10_000};

    private MembersBenchmark() {
    }

    /** Calls the member walk makes for {@code members} members: the first page, then 99 new per page. */
    static long calls(int members) {
        int page = MemberPageRequest.MAX_SIZE;
        return members <= page ? 1 : 1 + (members - page + page - 2) / (page - 1); // 1 + ceil((n - 100) / 99)
    }

    public static void main(String[] args) {
        boolean quick = args.length > 0 && args[0].equals("quick");
        int runs = quick ? 1 : 3;
        int largest = SIZES[SIZES.length - 1];
        InMemoryRoleDirectory.Builder roster = InMemoryRoleDirectory.builder();
        List<UserId> users = IntStream.rangeClosed(1, largest).mapToObj(i -> UserId.of("user" + i)).toList();
        users.forEach(id -> roster.employee(new Employee(id, "User " + id.value(), List.of())));
        InMemoryRoleDirectory backend = roster.build();
        RoleGroupId group = backend.addRoleGroup(RoleGroupName.of("Bench")).id();
        Map<Integer, RoleId> roles = new LinkedHashMap<>();
        for (int size : SIZES) {
            RoleId role = backend.addRole(group, RoleName.of("Members " + size)).id();
            backend.grant(List.of(role), users.subList(0, size));
            roles.put(size, role);
        }
        try (DingTalkEmulator emulator = DingTalkEmulator.builder().directory(backend).accessToken(TOKEN)
                .qpsLimitPerApp(QPS).start()) {
            Map<Integer, List<Map<String, Long>>> results = new LinkedHashMap<>();
            roles.keySet().forEach(size -> results.put(size, new ArrayList<>()));
            run(emulator, roles.get(SIZES[0]), SIZES[0]); // warms the file cache and the emulator, not shown
            for (int r = 0; r < runs; r++) {
                for (int k = 0; k < SIZES.length; k++) {
                    int size = SIZES[(r + k) % SIZES.length];
                    results.get(size).add(run(emulator, roles.get(size), size));
                }
            }
            print(results, runs);
        }
    }

    private static Map<String, Long> run(DingTalkEmulator emulator, RoleId role, int size) {
        emulator.resetRequestCounts();
        long started = System.nanoTime();
        Map<String, Long> result;
        try (ChildJvm client = ChildJvm.start(List.of(CLIENT_HEAP), MembersCliClient.class,
                "--backend", "dingtalk", "--base-url", emulator.baseUrl(), "--access-token", TOKEN,
                "--output", "json", "members", "--role-id", Long.toString(role.value()), "--all")) {
            result = ListingAtScale.parse(client.await("result"));
            int exit = client.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("roles members failed (exit " + exit + ")");
            }
        }
        result.put("wallNanos", System.nanoTime() - started);
        result.put("requests", emulator.requestCount(EmulatorOperation.LIST_MEMBERS));
        if (result.get("objects") != size + 1L) { // the document, then one object per member (no scopes)
            throw new IllegalStateException("listed " + (result.get("objects") - 1) + " of " + size + " members");
        }
        try {
            Thread.sleep(1_100); // the emulator's one-second window empties before the next run
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return result;
    }

    private static void print(Map<Integer, List<Map<String, Long>>> results, int runs) {
        System.out.printf("### `roles members --all` through the emulator (%d calls/s, no added latency; client"
                + " JVM %s; median of %d run%s)%n%n", QPS, CLIENT_HEAP, runs, runs == 1 ? "" : "s");
        System.out.println("| members | calls | 90018 answers (retried) | floor s (calls / 20) | command s"
                + " | vs floor | command s minus one-page run | vs floor | old gen peak MiB | vs one page"
                + " | heap peak MiB (sum of pools) | JSON bytes |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        double baseSeconds = 0;
        double baseOld = 0;
        for (Map.Entry<Integer, List<Map<String, Long>>> entry : results.entrySet()) {
            int size = entry.getKey();
            long calls = calls(size);
            double floor = (double) calls / QPS;
            double seconds = median(entry.getValue(), "nanos") / 1e9;
            double old = median(entry.getValue(), "oldPeak");
            if (baseSeconds == 0) {
                baseSeconds = seconds;
                baseOld = old;
            }
            double listing = seconds - baseSeconds;
            System.out.printf("| %,d | %d | %.0f | %.2f | %.2f | %s | %s | %s | %.1f | %s | %.1f | %,.0f |%n", size,
                    calls, median(entry.getValue(), "requests") - calls, floor, seconds, Stats.ratio(seconds / floor),
                    size == SIZES[0] ? "–" : String.format("%.2f", listing),
                    size == SIZES[0] ? "–" : Stats.ratio(listing / (floor - (double) calls(SIZES[0]) / QPS)),
                    mib(old), Stats.ratio(old / baseOld), mib(median(entry.getValue(), "heapPeak")),
                    median(entry.getValue(), "outBytes"));
            System.out.flush();
        }
        System.out.println();
        System.out.println("(\"command s\": from the command's main to its exit, JVM start-up not included; the"
                + " one-page run's time is the command's fixed cost (Guice, Feign, a token-free first call), and"
                + " \"minus one-page run\" is compared with the floor of the calls beyond the first; \"90018"
                + " answers\" are the emulator's throttling answers, which the command waits out and retries)");
        System.out.println();
    }

    private static double median(List<Map<String, Long>> runs, String key) {
        return Stats.median(runs.stream().mapToDouble(r -> r.get(key)).toArray());
    }

    private static double mib(double bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
