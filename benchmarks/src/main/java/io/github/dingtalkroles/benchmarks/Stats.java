package io.github.dingtalkroles.benchmarks;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;

/** Percentiles over recorded nanosecond samples, allocation counters and formatting. */
final class Stats {
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Stats() {
    }

    /** The {@code p}-th percentile (0 &lt; p &lt;= 100) of {@code sorted}, nearest-rank. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static long[] sorted(long[] samples, int count) {
        long[] copy = Arrays.copyOf(samples, count);
        Arrays.sort(copy);
        return copy;
    }

    /**
     * {@code getTotalThreadAllocatedBytes()}, if this JVM has it: JDK 21 added it and 17.0.x updates
     * carry it as a backport, but it is not in the JDK 17 API this module compiles against.
     */
    private static final Method TOTAL = totalAllocatedMethod();

    private static Method totalAllocatedMethod() {
        try {
            Method method = ThreadMXBean.class.getMethod("getTotalThreadAllocatedBytes");
            return (long) method.invoke(THREADS) >= 0 ? method : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** How {@link #allocatedByAllThreads()} counts, for the report. */
    static String allocationMethod() {
        return TOTAL != null ? "ThreadMXBean.getTotalThreadAllocatedBytes()"
                : "sum of ThreadMXBean.getThreadAllocatedBytes over live threads";
    }

    /**
     * Bytes allocated so far by all threads of this JVM: {@code getTotalThreadAllocatedBytes()}
     * (threads that ended included) where the JVM has it, else the sum of
     * {@code getThreadAllocatedBytes} over {@code getAllThreadIds()} (threads that ended are lost).
     */
    static long allocatedByAllThreads() {
        if (TOTAL != null) {
            try {
                return (long) TOTAL.invoke(THREADS);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        long[] ids = THREADS.getAllThreadIds();
        long total = 0;
        for (long bytes : THREADS.getThreadAllocatedBytes(ids)) {
            if (bytes > 0) {
                total += bytes;
            }
        }
        return total;
    }

    static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1000.0);
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    /**
     * The heap pools' peak usage since the JVM started or the pools were reset: {@code [sum, old]}, the sum
     * over the heap pools (an upper bound of the true peak: they peak at different moments) and the old
     * generation's peak (what was retained).
     */
    static long[] heapPeaks() {
        long sum = 0;
        long old = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
                if (pool.getName().contains("Old") || pool.getName().contains("Tenured")) {
                    old = Math.max(old, pool.getPeakUsage().getUsed());
                }
            }
        }
        return new long[] {sum, old};
    }

    static double median(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        int n = copy.length;
        return n % 2 == 1 ? copy[n / 2] : (copy[n / 2 - 1] + copy[n / 2]) / 2;
    }
}
