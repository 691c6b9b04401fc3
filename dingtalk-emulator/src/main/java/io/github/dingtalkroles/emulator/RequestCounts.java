package io.github.dingtalkroles.emulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** How many requests each endpoint has received. Thread-safe. */
final class RequestCounts {
    private final AtomicLongArray counts = new AtomicLongArray(EmulatorOperation.values().length);

    void increment(EmulatorOperation operation) {
        counts.incrementAndGet(operation.ordinal());
    }

    long get(EmulatorOperation operation) {
        return counts.get(operation.ordinal());
    }

    void reset() {
        for (int i = 0; i < counts.length(); i++) {
            counts.set(i, 0);
        }
    }

    /** Every endpoint's count, in declaration order. */
    Map<EmulatorOperation, Long> snapshot() {
        Map<EmulatorOperation, Long> all = new EnumMap<>(EmulatorOperation.class);
        for (EmulatorOperation operation : EmulatorOperation.values()) {
            all.put(operation, get(operation));
        }
        return all;
    }
}
