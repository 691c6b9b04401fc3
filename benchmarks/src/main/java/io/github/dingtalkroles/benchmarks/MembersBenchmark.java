package io.github.dingtalkroles.benchmarks;

import io.github.dingtalkroles.dingtalk.AccessToken;
import io.github.dingtalkroles.dingtalk.DingTalkRoleDirectory;
import io.github.dingtalkroles.domain.Employee;
import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.emulator.DingTalkEmulator;
import io.github.dingtalkroles.emulator.EmulatorOperation;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.port.MemberPage;
import io.github.dingtalkroles.port.MemberPageRequest;
import io.github.dingtalkroles.port.RoleAssignments;
import java.util.ArrayList;
import java.util.Collection;
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
 * one member of overlap, so {@code n} members take {@code 1 + ceil((n - 100) / 99)} calls. Time: the
 * listing, from the first page the emulator serves to the last ({@link TimedMembers}), against its floor
 * at 20 calls/s, {@code (calls - 1) / 20} s; the command's time from {@code main} to exit is shown too,
 * but a fresh JVM's fixed cost (Guice, Feign, JIT) dominates it and drifts with the machine's load.
 * Memory: the heap the command retained (old generation peak) against the one-page baseline's.
 *
 * <p>Then where the listing's time goes: the same walk of 10,000 members through the DingTalk adapter
 * in this JVM, warm, with its default 19 calls/s smooth rate limit against the emulator at 20 calls/s
 * (what the command does), with {@code rateLimit(20)} (exactly the emulator's limit), and with
 * {@code rateLimit(20)} against an emulator without a limit (the walk's own cost at 20 calls/s).
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
        TimedMembers timed = new TimedMembers(backend);
        try (DingTalkEmulator emulator = DingTalkEmulator.builder().directory(backend).assignments(timed)
                .accessToken(TOKEN).qpsLimitPerApp(QPS).start()) {
            Map<Integer, List<Map<String, Long>>> results = new LinkedHashMap<>();
            roles.keySet().forEach(size -> results.put(size, new ArrayList<>()));
            run(emulator, timed, roles.get(SIZES[0]), SIZES[0]); // warms the file cache and the emulator, not shown
            for (int r = 0; r < runs; r++) {
                for (int k = 0; k < SIZES.length; k++) {
                    int size = SIZES[(r + k) % SIZES.length];
                    results.get(size).add(run(emulator, timed, roles.get(size), size));
                }
            }
            print(results, runs);
            adapterWalks(emulator, backend, roles.get(largest), largest, runs);
        }
    }

    private static void adapterWalks(DingTalkEmulator limited, InMemoryRoleDirectory backend, RoleId role, int size,
            int runs) {
        double floor = (calls(size) - 1.0) / QPS;
        System.out.printf("### The same walk of %,d members through the adapter, warm, in one JVM (median of %d)%n%n",
                size, runs);
        System.out.println("| client rate limit | emulator limit | calls (90018 answers) | listing s | vs floor ("
                + String.format("%.2f", floor) + " s) |");
        System.out.println("| --- | --- | ---: | ---: | ---: |");
        try (DingTalkEmulator unlimited = DingTalkEmulator.builder().directory(backend).accessToken(TOKEN).start()) {
            walks("19 calls/s, smooth (default)", "20 calls/s", limited, 0, role, size, runs, floor);
            walks("rateLimit(20)", "20 calls/s", limited, 20, role, size, runs, floor);
            walks("rateLimit(20)", "none", unlimited, 20, role, size, runs, floor);
        }
        System.out.println();
    }

    private static void walks(String client, String server, DingTalkEmulator emulator, int rateLimit, RoleId role,
            int size, int runs, double floor) {
        DingTalkRoleDirectory.Builder builder = DingTalkRoleDirectory.builder().baseUrl(emulator.baseUrl())
                .accessToken(AccessToken.of(TOKEN));
        if (rateLimit > 0) {
            builder.rateLimit(rateLimit);
        }
        try (DingTalkRoleDirectory directory = builder.build()) {
            directory.allMembers(role).limit(1_000).count(); // warm-up
            double[] seconds = new double[runs];
            double[] requests = new double[runs];
            for (int r = 0; r < runs; r++) {
                pause();
                emulator.resetRequestCounts();
                long started = System.nanoTime();
                long listed = directory.allMembers(role).count();
                seconds[r] = (System.nanoTime() - started) / 1e9;
                requests[r] = emulator.requestCount(EmulatorOperation.LIST_MEMBERS);
                if (listed != size) {
                    throw new IllegalStateException("walked " + listed + " of " + size + " members");
                }
            }
            double listing = Stats.median(seconds);
            System.out.printf("| %s | %s | %.0f (%.0f) | %.2f | %s |%n", client, server, Stats.median(requests),
                    Stats.median(requests) - calls(size), listing, Stats.ratio(listing / floor));
            System.out.flush();
        }
    }

    private static Map<String, Long> run(DingTalkEmulator emulator, TimedMembers timed, RoleId role, int size) {
        emulator.resetRequestCounts();
        timed.reset();
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
        result.put("listingNanos", timed.lastPage - timed.firstPage);
        if (result.get("objects") != size + 1L) { // the document, then one object per member (no scopes)
            throw new IllegalStateException("listed " + (result.get("objects") - 1) + " of " + size + " members");
        }
        pause();
        return result;
    }

    /** Lets the emulator's one-second window empty before the next run. */
    private static void pause() {
        try {
            Thread.sleep(1_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void print(Map<Integer, List<Map<String, Long>>> results, int runs) {
        System.out.printf("### `roles members --all` through the emulator (%d calls/s, no added latency; client"
                + " JVM %s; median of %d run%s)%n%n", QPS, CLIENT_HEAP, runs, runs == 1 ? "" : "s");
        System.out.println("| members | calls | 90018 answers (retried) | floor s: (calls - 1) / 20 | listing s"
                + " (first page to last) | vs floor | listing ms per page after the first | command s (main to exit)"
                + " | old gen peak MiB | vs one page | heap peak MiB (sum of pools) | JSON bytes |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        double baseOld = 0;
        for (Map.Entry<Integer, List<Map<String, Long>>> entry : results.entrySet()) {
            int size = entry.getKey();
            long calls = calls(size);
            double floor = (calls - 1.0) / QPS;
            double listing = median(entry.getValue(), "listingNanos") / 1e9;
            double old = median(entry.getValue(), "oldPeak");
            if (baseOld == 0) {
                baseOld = old;
            }
            System.out.printf("| %,d | %d | %.0f | %.2f | %.2f | %s | %s | %.2f | %.1f | %s | %.1f | %,.0f |%n", size,
                    calls, median(entry.getValue(), "requests") - calls, floor, listing,
                    calls == 1 ? "–" : Stats.ratio(listing / floor),
                    calls == 1 ? "–" : String.format("%.0f", listing * 1000 / (calls - 1)),
                    median(entry.getValue(), "nanos") / 1e9, mib(old), Stats.ratio(old / baseOld),
                    mib(median(entry.getValue(), "heapPeak")), median(entry.getValue(), "outBytes"));
            System.out.flush();
        }
        System.out.println();
        System.out.println("(\"listing s\": from the first page the emulator served to the last, the walk's own"
                + " time; \"command s\": from the command's main to its exit, JVM start-up not included, mostly"
                + " the fixed cost of a fresh JVM; \"90018 answers\" are the emulator's throttling answers, which"
                + " the command waits out (1 s each) and retries; the one-page run is the memory baseline)");
        System.out.println();
    }

    /**
     * The backend's membership port, noting when the emulator asks for a run's first and last page of
     * members (after its rate limit: throttled requests never reach it).
     */
    static final class TimedMembers implements RoleAssignments {
        private final RoleAssignments backend;
        private volatile long firstPage;
        private volatile long lastPage;

        TimedMembers(RoleAssignments backend) {
            this.backend = backend;
        }

        void reset() {
            firstPage = 0;
            lastPage = 0;
        }

        @Override
        public MemberPage listMembers(RoleId roleId, MemberPageRequest page) {
            long now = System.nanoTime();
            if (firstPage == 0) {
                firstPage = now;
            }
            lastPage = now;
            return backend.listMembers(roleId, page);
        }

        @Override
        public void grant(Collection<RoleId> roleIds, Collection<UserId> userIds) {
            backend.grant(roleIds, userIds);
        }

        @Override
        public void revoke(Collection<RoleId> roleIds, Collection<UserId> userIds) {
            backend.revoke(roleIds, userIds);
        }

        @Override
        public void setScope(RoleId roleId, UserId userId, ManagementScope scope) {
            backend.setScope(roleId, userId, scope);
        }
    }

    private static double median(List<Map<String, Long>> runs, String key) {
        return Stats.median(runs.stream().mapToDouble(r -> r.get(key)).toArray());
    }

    private static double mib(double bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
