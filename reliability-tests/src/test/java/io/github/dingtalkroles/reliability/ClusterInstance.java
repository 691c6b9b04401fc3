package io.github.dingtalkroles.reliability;

import io.github.dingtalkroles.dingtalk.AppSecret;
import io.github.dingtalkroles.dingtalk.DingTalkRoleDirectory;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleDirectoryException;
import io.github.dingtalkroles.port.UnavailableException;
import io.github.dingtalkroles.redis.RedisCoordination;
import io.github.dingtalkroles.testsupport.CapturedLogs;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One instance of a platform, for {@link ClusterCoordinationTest}: a JVM of its own (started with this module's test
 * class path) with a {@link DingTalkRoleDirectory} whose call permits and token cache are shared through Redis, and
 * {@value #THREADS} threads that call it on command. Commands come on stdin, one a line; answers go to stdout:
 *
 * <ul>
 *   <li>{@code LIST <millis>}: the threads list role groups until the time is up; answers {@code DONE ...}.</li>
 *   <li>{@code WRITES <millis> <group id>}: the threads add roles to the group and rename them; answers one
 *       {@code ROLE <id> <name>} per role created, then {@code DONE ...}.</li>
 *   <li>{@code BURST}: each thread makes one call, all at once; answers {@code DONE ...}.</li>
 *   <li>{@code STATUS}: answers {@code STATUS unavailable=<whether Redis is unavailable to this instance>}.</li>
 *   <li>{@code EXIT}.</li>
 * </ul>
 * {@code DONE ok=<calls that succeeded>} is followed by {@code <failure kind>=<count>} for each kind of failure a
 * caller got: the port exception's simple name, or {@code untyped:<class name>} for anything else.
 *
 * <p>Arguments: the emulator's base URL, the Redis URI, the app key, the instance's number, the number of
 * instances, the cluster's calls per second; the app secret comes in the environment
 * ({@code DINGTALK_APP_SECRET}), out of the process list.
 */
public final class ClusterInstance {
    static final int THREADS = 8;

    private final DingTalkRoleDirectory directory;
    private final RedisCoordination redis;
    private final int instance;
    private final PrintStream out;

    private ClusterInstance(DingTalkRoleDirectory directory, RedisCoordination redis, int instance, PrintStream out) {
        this.directory = directory;
        this.redis = redis;
        this.instance = instance;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String redisUri = args[1];
        String appKey = args[2];
        int instance = Integer.parseInt(args[3]);
        int instances = Integer.parseInt(args[4]);
        int callsPerSecond = Integer.parseInt(args[5]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        // this JVM's warnings (e.g. Redis outages) go to its stderr, which the test keeps in a file
        CapturedLogs.watch(line -> {
            if (line.startsWith("WARN") || line.startsWith("ERROR") || line.startsWith("INFO")) {
                System.err.println(line);
            }
            return false;
        });
        try (RedisCoordination redis = RedisCoordination.builder(redisUri)
                     .callsPerSecond(callsPerSecond).instances(instances).build();
             DingTalkRoleDirectory directory = DingTalkRoleDirectory.builder()
                     .baseUrl(baseUrl)
                     .appCredentials(appKey, AppSecret.of(System.getenv("DINGTALK_APP_SECRET")))
                     .callPermits(redis.callPermits())
                     .tokenCache(redis.tokenCache())
                     .build()) {
            new ClusterInstance(directory, redis, instance, out).serve(
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        }
    }

    private void serve(BufferedReader commands) throws Exception {
        directory.listRoleGroups(PageRequest.first()); // the first token and a warm JVM
        out.println("READY");
        String line;
        while ((line = commands.readLine()) != null) {
            String[] command = line.strip().split(" ");
            switch (command[0]) {
                case "LIST" -> run(Long.parseLong(command[1]), (thread, i) -> directory.listRoleGroups(
                        PageRequest.first()));
                case "WRITES" -> writes(Long.parseLong(command[1]), RoleGroupId.of(Long.parseLong(command[2])));
                case "BURST" -> burst();
                case "STATUS" -> out.println("STATUS unavailable=" + redis.isUnavailable());
                case "EXIT" -> {
                    return;
                }
                default -> out.println("UNKNOWN COMMAND " + command[0]);
            }
        }
    }

    /** One call of a thread. */
    @FunctionalInterface
    private interface Call {
        void run(int thread, int iteration);
    }

    private void writes(long millis, RoleGroupId group) throws InterruptedException {
        run(millis, (thread, i) -> {
            String name = "i" + instance + "-t" + thread + "-" + i;
            Role role = directory.addRole(group, RoleName.of(name));
            out.println("ROLE " + role.id().value() + " " + name);
            directory.renameRole(role.id(), RoleName.of(name + "-renamed"));
            out.println("RENAMED " + role.id().value() + " " + name + "-renamed");
            directory.findRoleGroup(group);
        });
    }

    private void burst() throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        Outcomes outcomes = new Outcomes();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    outcomes.call(() -> directory.listRoleGroups(PageRequest.first()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            threads.add(thread);
            thread.start();
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        out.println(outcomes.done());
    }

    private void run(long millis, Call call) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofMillis(millis).toNanos();
        Outcomes outcomes = new Outcomes();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                for (int i = 0; System.nanoTime() - until < 0; i++) {
                    int iteration = i;
                    outcomes.call(() -> call.run(thread, iteration));
                }
            });
            threads.add(worker);
            worker.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        out.println(outcomes.done());
    }

    /** What the callers got: successes, and failures by kind. Thread-safe. */
    private static final class Outcomes {
        private final AtomicLong ok = new AtomicLong();
        private final ConcurrentMap<String, AtomicLong> failures = new ConcurrentHashMap<>();

        void call(Runnable call) {
            try {
                call.run();
                ok.incrementAndGet();
            } catch (RoleDirectoryException e) {
                String kind = e.getClass().getSimpleName()
                        + (e instanceof UnavailableException u && u.isOutcomeUnknown() ? "(outcome unknown)" : "");
                failures.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            } catch (RuntimeException e) {
                failures.computeIfAbsent("untyped:" + e.getClass().getName(), k -> new AtomicLong())
                        .incrementAndGet();
            }
        }

        String done() {
            StringBuilder line = new StringBuilder("DONE ok=" + ok.get());
            Map<String, AtomicLong> sorted = new TreeMap<>(failures);
            sorted.forEach((kind, count) -> line.append(' ').append(kind.replace(' ', '_')).append('=')
                    .append(count.get()));
            return line.toString();
        }
    }
}
