package io.github.dingtalkroles.benchmarks;

import io.github.dingtalkroles.cli.RolesCli;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The client side of item 7, meant for a small heap ({@code -Xmx64m}): runs the {@code roles} command
 * line ({@link RolesCli#main}) with the arguments given, as a user's shell would, with its stdout counted
 * rather than kept. When the command exits, a shutdown hook prints on the real stdout
 * {@code result nanos=T outBytes=B objects=N heapPeak=B oldPeak=B maxHeap=B}: the time from {@code main}
 * to exit, the bytes and JSON objects ({@code {}) the command wrote, and the heap pools' peak usage over
 * the whole run (their sum is an upper bound of the true peak; the old generation's peak is what the
 * run retained).
 */
public final class MembersCliClient {
    private MembersCliClient() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        PrintStream results = System.out;
        CountingStream counted = new CountingStream();
        System.setOut(new PrintStream(counted, false, StandardCharsets.UTF_8));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long nanos = System.nanoTime() - start;
            System.out.flush();
            long[] peaks = Stats.heapPeaks();
            results.printf("result nanos=%d outBytes=%d objects=%d heapPeak=%d oldPeak=%d maxHeap=%d%n", nanos,
                    counted.bytes, counted.objects, peaks[0], peaks[1], Runtime.getRuntime().maxMemory());
            results.flush();
        }, "members-client-result"));
        RolesCli.main(args); // exits the JVM with the command's exit code
    }

    /** Counts what the command writes: bytes, and JSON objects opened (every {@code '{'}). */
    private static final class CountingStream extends OutputStream {
        private volatile long bytes;
        private volatile long objects;

        @Override
        public synchronized void write(int b) {
            bytes++;
            if (b == '{') {
                objects++;
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '{') {
                    objects++;
                }
            }
        }
    }
}
