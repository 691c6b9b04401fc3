package io.github.dingtalkroles.emulator;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * DingTalk's per-app, per-API QPS limit: at most {@code limit} calls of one endpoint by one app in
 * any sliding window of one second. Calls over the limit are refused and do not count.
 *
 * <p>Thread-safe.
 */
final class QpsLimiter {
    private static final long WINDOW_MILLIS = 1000;

    private record Key(String app, EmulatorOperation operation) {
    }

    private final int limit;
    private final Clock clock;
    private final ConcurrentMap<Key, Deque<Long>> calls = new ConcurrentHashMap<>();

    QpsLimiter(int limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Whether {@code app} may call {@code operation} now; if so, the call is counted. */
    boolean tryAcquire(String app, EmulatorOperation operation) {
        Deque<Long> window = calls.computeIfAbsent(new Key(app, operation), k -> new ArrayDeque<>());
        long now = clock.millis();
        synchronized (window) {
            while (!window.isEmpty() && window.peekFirst() <= now - WINDOW_MILLIS) {
                window.pollFirst();
            }
            if (window.size() >= limit) {
                return false;
            }
            window.addLast(now);
            return true;
        }
    }
}
