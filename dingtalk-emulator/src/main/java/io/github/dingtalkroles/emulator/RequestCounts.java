package io.github.dingtalkroles.emulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How many requests each endpoint has received, and how many of them the per-app QPS limit answered with
 * errcode 90018. Thread-safe.
 */
final class RequestCounts {
    private final AtomicLongArray counts = new AtomicLongArray(EmulatorOperation.values().length);
    private final AtomicLongArray throttled = new AtomicLongArray(EmulatorOperation.values().length);

    void increment(EmulatorOperation operation) {
        counts.incrementAndGet(operation.ordinal());
    }

    void throttled(EmulatorOperation operation) {
        throttled.incrementAndGet(operation.ordinal());
    }

    long get(EmulatorOperation operation) {
        return counts.get(operation.ordinal());
    }

    long throttledCount(EmulatorOperation operation) {
        return throttled.get(operation.ordinal());
    }

    void reset() {
        for (int i = 0; i < counts.length(); i++) {
            counts.set(i, 0);
            throttled.set(i, 0);
        }
    }

    /** Every endpoint's request count, in declaration order. */
    Map<EmulatorOperation, Long> snapshot() {
        return snapshot(counts);
    }

    /** Every endpoint's count of 90018 answers from the QPS limit, in declaration order. */
    Map<EmulatorOperation, Long> throttledSnapshot() {
        return snapshot(throttled);
    }

    private static Map<EmulatorOperation, Long> snapshot(AtomicLongArray array) {
        Map<EmulatorOperation, Long> all = new EnumMap<>(EmulatorOperation.class);
        for (EmulatorOperation operation : EmulatorOperation.values()) {
            all.put(operation, array.get(operation.ordinal()));
        }
        return all;
    }
}
