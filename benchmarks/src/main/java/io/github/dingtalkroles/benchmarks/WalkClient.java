package io.github.dingtalkroles.benchmarks;

import io.github.dingtalkroles.dingtalk.AccessToken;
import io.github.dingtalkroles.dingtalk.DingTalkRoleDirectory;
import io.github.dingtalkroles.port.RoleDirectory;
import io.github.dingtalkroles.port.RoleGroupWalk;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client side of item 2, meant for a small heap ({@code -Xmx64m}): walks every role group of the
 * emulator at {@code baseUrl} through {@link RoleDirectory#allRoleGroups()}'s walk
 * ({@link RoleGroupWalk}). Arguments: the base URL, the warm-up budget and the measured budget in
 * groups. Warm-up and measurement walk about that many groups each (whole walks, at least one), so
 * every directory size gets the same JIT warm-up; it prints the mean time of one
 * measured walk as {@code result groups=G roles=R pages=P nanos=T heapPeak=B oldPeak=B maxHeap=B}. Peak heap is read
 * from the heap pools' peak usage, reset after the warm-up: the sum over the pools is an upper bound
 * of the true peak (the pools peak at different moments); the old generation's peak is what the
 * walk retained.
 */
public final class WalkClient {
    private WalkClient() {
    }

    public static void main(String[] args) {
        String baseUrl = args[0];
        long warmupBudget = Long.parseLong(args[1]);
        long budget = Long.parseLong(args[2]);
        RoleDirectory directory = DingTalkRoleDirectory.builder()
                .baseUrl(baseUrl)
                .accessToken(AccessToken.of(EmulatorServer.TOKEN))
                .noRateLimit()
                .build();
        long size = RoleGroupWalk.over(directory).stream().count();
        long walks = Math.max(1, budget / size);
        for (long walked = size; walked < warmupBudget; walked += size) {
            RoleGroupWalk.over(directory).stream().count(); // warm-up: the same work at every size
        }
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        AtomicInteger pages = new AtomicInteger();
        long[] roles = new long[1];
        long groups = 0;
        long start = System.nanoTime();
        for (long w = 0; w < walks; w++) {
            pages.set(0);
            roles[0] = 0;
            groups = RoleGroupWalk.over(directory)
                    .onPage(page -> pages.incrementAndGet())
                    .stream()
                    .peek(group -> roles[0] += group.roles().size())
                    .count();
        }
        long nanos = (System.nanoTime() - start) / walks;
        long[] peaks = Stats.heapPeaks();
        long heapPeak = peaks[0];
        long oldPeak = peaks[1];
        System.out.printf("result groups=%d roles=%d pages=%d nanos=%d heapPeak=%d oldPeak=%d maxHeap=%d%n",
                groups, roles[0], pages.get(), nanos, heapPeak, oldPeak, Runtime.getRuntime().maxMemory());
    }
}
