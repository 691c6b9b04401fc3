package io.github.dingtalkroles.emulator;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How many requests each client address has in progress (from the end of its head until its answer
 * is written), capped: one address cannot take all the connection threads. Thread-safe.
 */
final class ClientLimit {
    private final int maxPerClient;
    private final ConcurrentMap<InetAddress, Integer> inProgress = new ConcurrentHashMap<>();

    ClientLimit(int maxPerClient) {
        this.maxPerClient = maxPerClient;
    }

    /** Counts a request of {@code client} in, unless it has the most it may; then {@code false}. */
    boolean tryEnter(InetAddress client) {
        boolean[] entered = {false};
        inProgress.compute(client, (address, count) -> {
            int now = count == null ? 0 : count;
            if (now >= maxPerClient) {
                return now;
            }
            entered[0] = true;
            return now + 1;
        });
        return entered[0];
    }

    /** Counts a request of {@code client} out; pairs with a successful {@link #tryEnter}. */
    void exit(InetAddress client) {
        inProgress.computeIfPresent(client, (address, count) -> count <= 1 ? null : count - 1);
    }
}
