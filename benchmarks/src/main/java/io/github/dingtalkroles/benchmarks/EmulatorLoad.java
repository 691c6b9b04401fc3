package io.github.dingtalkroles.benchmarks;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Item 4: requests per second and latency of the emulator under 8 concurrent clients on loopback,
 * each posting {@code /topapi/role/list} (a page of 20 groups of 5 roles) over a kept-alive
 * {@code HttpURLConnection}, against the same load on {@link CannedServer} (fixed bytes, no work) as
 * the baseline. Each server runs in its own JVM; on 2 cores the clients and the server share the CPU.
 *
 * <p>Arguments: {@code quick} for a short run.
 */
public final class EmulatorLoad {
    static final int CLIENTS = 8;

    private EmulatorLoad() {
    }

    /** One run's outcome. */
    record Outcome(double perSecond, long p50, long p99, long requests) {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = args.length > 0 && args[0].equals("quick");
        long warmupMillis = quick ? 2_000 : 5_000;
        long measureMillis = quick ? 3_000 : 10_000;
        System.setProperty("http.maxConnections", String.valueOf(CLIENTS * 2)); // keep all 8 alive
        Outcome emulator;
        Outcome canned;
        try (ChildJvm server = ChildJvm.start(List.of("-Xmx512m"), EmulatorServer.class, "100", "5", "8")) {
            URL url = new URL(server.await("url") + "/topapi/role/list?access_token=" + EmulatorServer.TOKEN);
            emulator = load(url, warmupMillis, measureMillis);
        }
        try (ChildJvm server = ChildJvm.start(List.of("-Xmx512m"), CannedServer.class)) {
            URL url = new URL("http://127.0.0.1:" + server.await("port") + "/topapi/role/list?access_token=t");
            canned = load(url, warmupMillis, measureMillis);
        }
        System.out.printf("### Emulator under load (%s; %d clients, HttpURLConnection keep-alive, %,d ms warm-up,"
                + " %,d ms measured)%n%n", quick ? "quick" : "full", CLIENTS, warmupMillis, measureMillis);
        System.out.println("| server | requests | requests/s | p50 µs | p99 µs |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        row("emulator (100 groups x 5 roles, 8 workers)", emulator);
        row("canned server (fixed bytes)", canned);
        System.out.println();
        System.out.println("| ratio | requests/s | p50 | p99 |");
        System.out.println("| --- | ---: | ---: | ---: |");
        System.out.printf("| emulator / canned | %s | %s | %s |%n",
                Stats.ratio(emulator.perSecond() / canned.perSecond()),
                Stats.ratio((double) emulator.p50() / canned.p50()), Stats.ratio((double) emulator.p99() / canned.p99()));
        System.out.println();
    }

    private static void row(String name, Outcome outcome) {
        System.out.printf("| %s | %,d | %s | %s | %s |%n", name, outcome.requests(), Stats.number(outcome.perSecond()),
                Stats.micros(outcome.p50()), Stats.micros(outcome.p99()));
    }

    static Outcome load(URL url, long warmupMillis, long measureMillis) throws InterruptedException {
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> samples = new ArrayList<>();
        int[] counts = new int[CLIENTS];
        CountDownLatch done = new CountDownLatch(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            long[] mine = new long[4_000_000];
            samples.add(mine);
            int index = c;
            Thread thread = new Thread(() -> {
                int n = 0;
                try {
                    while (!stop.get()) {
                        long start = System.nanoTime();
                        PerCallBenchmark.post(url, "size=20&offset=0");
                        long took = System.nanoTime() - start;
                        if (measuring.get() && n < mine.length) {
                            mine[n++] = took;
                        }
                    }
                } finally {
                    counts[index] = n;
                    done.countDown();
                }
            }, "load-" + c);
            thread.start();
        }
        Thread.sleep(warmupMillis);
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(measureMillis);
        measuring.set(false);
        long elapsed = System.nanoTime() - start;
        stop.set(true);
        done.await();
        int total = 0;
        for (int n : counts) {
            total += n;
        }
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < CLIENTS; c++) {
            System.arraycopy(samples.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        long[] sorted = Stats.sorted(all, total);
        return new Outcome(total / (elapsed / 1e9), Stats.percentile(sorted, 50), Stats.percentile(sorted, 99), total);
    }

}
