package io.github.dingtalkroles.benchmarks;

import io.github.dingtalkroles.dingtalk.AppSecret;
import io.github.dingtalkroles.dingtalk.DingTalkRoleDirectory;
import io.github.dingtalkroles.emulator.DingTalkEmulator;
import io.github.dingtalkroles.emulator.EmulatorOperation;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleDirectoryException;
import io.github.dingtalkroles.redis.RedisCoordination;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Item 7: how much of DingTalk's quota a cluster uses. Four JVM processes, 8 threads each, call {@code list} through
 * one emulator that allows 20 calls/s per app and endpoint (errcode 90018 past it) for a fixed time:
 *
 * <ol>
 *   <li>sharing one rate limit and one token through a local {@code redis-server} (roles-redis), at 19 and at 17
 *       calls/s for the cluster;</li>
 *   <li>the baseline, without Redis: each process limits itself to 20 calls/s, DingTalk's limit.</li>
 * </ol>
 * Reported per run: calls sent per second against the quota, calls served (not throttled) per second as a share of
 * the quota, the share of 90018 answers, the failures that reached callers, and {@code /gettoken} calls.
 *
 * <p>Arguments: {@code quick} for 8 s runs instead of 20 s. Needs {@code redis-server} on the {@code PATH}.
 */
public final class ClusterQuotaBenchmark {
    static final int INSTANCES = 4;
    static final int THREADS = 8;
    static final int QUOTA = 20;
    static final String APP_KEY = "bench-cluster-app";
    static final String APP_SECRET = "bench-cluster-secret";

    private ClusterQuotaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("instance")) {
            Instance.main(args);
            return;
        }
        int seconds = args.length > 0 && args[0].equals("quick") ? 8 : 20;
        System.out.printf("### Four processes x %d threads calling list for %d s (emulator: %d calls/s per app and"
                + " endpoint, 90018 past it)%n%n", THREADS, seconds, QUOTA);
        System.out.println("| cluster | calls sent /s | vs the quota | served /s | quota used | 90018 answers"
                + " | failures reaching callers | /gettoken |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Process redis = startRedis();
        try {
            String redisUri = "redis://127.0.0.1:" + redisPort;
            // a bucket keeps the settings it was made with until it expires: each run has keys of its own
            run("Redis, 19 calls/s shared", redisUri, 19, seconds, "bench-19:");
            run("Redis, 17 calls/s shared", redisUri, 17, seconds, "bench-17:");
            run("no Redis: each process 20 calls/s (baseline)", "none", 20, seconds, "-");
        } finally {
            redis.destroyForcibly();
            redis.waitFor();
        }
        System.out.println();
        System.out.println("(per second of the run, from GO until the last process is done; \"quota used\": calls the"
                + " emulator served, not throttled, per second, over its " + QUOTA + " calls/s; \"vs the quota\": calls"
                + " sent per second, retries of throttled calls included, over " + QUOTA + "; /gettoken: during the"
                + " run, after each process's first call)");
    }

    private static int redisPort;

    private static void run(String label, String redisUri, int rate, int seconds, String keyPrefix)
            throws Exception {
        try (DingTalkEmulator emulator = DingTalkEmulator.builder().directory(InMemoryRoleDirectory.create())
                .appCredentials(APP_KEY, APP_SECRET).qpsLimitPerApp(QUOTA).workerThreads(INSTANCES * THREADS)
                .start()) {
            List<ChildJvm> children = new ArrayList<>();
            try {
                for (int i = 0; i < INSTANCES; i++) {
                    children.add(ChildJvm.start(List.of("-Xmx256m"), Map.of("DINGTALK_APP_SECRET", APP_SECRET),
                            ClusterQuotaBenchmark.class, "instance", emulator.baseUrl(), redisUri,
                            Integer.toString(rate), Integer.toString(seconds), keyPrefix));
                }
                for (ChildJvm child : children) {
                    child.await("READY");
                }
                Thread.sleep(2000); // the warm-up calls' second has passed
                emulator.resetRequestCounts();
                long start = System.nanoTime();
                children.forEach(child -> child.send("GO"));
                long failures = 0;
                for (ChildJvm child : children) {
                    failures += Long.parseLong(child.await("FAILED"));
                }
                double elapsed = (System.nanoTime() - start) / 1e9; // the calls in flight at the end included
                long sent = emulator.requestCount(EmulatorOperation.LIST_ROLES);
                long throttled = emulator.throttledCount(EmulatorOperation.LIST_ROLES);
                double sentPerSecond = sent / elapsed;
                double servedPerSecond = (sent - throttled) / elapsed;
                System.out.printf("| %s | %.1f | %.2fx | %.1f | %.0f %% | %d (%.1f %%) | %d | %d |%n", label,
                        sentPerSecond, sentPerSecond / QUOTA, servedPerSecond, 100 * servedPerSecond / QUOTA,
                        throttled, sent == 0 ? 0 : 100.0 * throttled / sent, failures,
                        emulator.requestCount(EmulatorOperation.GETTOKEN));
            } finally {
                children.forEach(ChildJvm::close);
            }
        }
    }

    /** Starts {@code redis-server} on a free loopback port, nothing persisted; returns when it accepts connections. */
    private static Process startRedis() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            redisPort = socket.getLocalPort();
        }
        Path dir = Files.createTempDirectory("bench-redis-");
        Process process = new ProcessBuilder("redis-server", "--port", Integer.toString(redisPort), "--bind",
                "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--loglevel", "warning")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        for (int i = 0; i < 200; i++) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), redisPort)) {
                return process;
            } catch (IOException notYet) {
                Thread.sleep(25);
            }
        }
        throw new IllegalStateException("redis-server did not start");
    }

    /** One process of the cluster: 8 threads calling list from "GO" for the given seconds. */
    static final class Instance {
        private Instance() {
        }

        static void main(String[] args) throws Exception {
            String baseUrl = args[1];
            String redisUri = args[2];
            int rate = Integer.parseInt(args[3]);
            long seconds = Long.parseLong(args[4]);
            String keyPrefix = args[5];
            DingTalkRoleDirectory.Builder builder = DingTalkRoleDirectory.builder().baseUrl(baseUrl)
                    .appCredentials(APP_KEY, AppSecret.of(System.getenv("DINGTALK_APP_SECRET")));
            RedisCoordination redis = null;
            if (redisUri.equals("none")) {
                builder.rateLimit(rate);
            } else {
                redis = RedisCoordination.builder(redisUri).callsPerSecond(rate).instances(INSTANCES)
                        .keyPrefix(keyPrefix).build();
                builder.callPermits(redis.callPermits()).tokenCache(redis.tokenCache());
            }
            try (DingTalkRoleDirectory directory = builder.build()) {
                directory.listRoleGroups(PageRequest.first());
                System.out.println("READY");
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                if (!"GO".equals(in.readLine())) {
                    return;
                }
                long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
                AtomicLong failed = new AtomicLong();
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    Thread thread = new Thread(() -> {
                        while (System.nanoTime() - until < 0) {
                            try {
                                directory.listRoleGroups(PageRequest.first());
                            } catch (RoleDirectoryException e) {
                                failed.incrementAndGet();
                            }
                        }
                    });
                    threads.add(thread);
                    thread.start();
                }
                for (Thread thread : threads) {
                    thread.join();
                }
                System.out.println("FAILED " + failed.get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                if (redis != null) {
                    redis.close();
                }
            }
        }
    }
}
