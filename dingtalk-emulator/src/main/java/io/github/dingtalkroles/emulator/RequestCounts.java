package io.github.dingtalkroles.emulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** How many requests each endpoint has received. Thread-safe. */
final class RequestCounts {
    private final AtomicLongArray counts = new AtomicLongArray(Endpoint.values().length);

    void increment(Endpoint endpoint) {
        counts.incrementAndGet(endpoint.ordinal());
    }

    long get(Endpoint endpoint) {
        return counts.get(endpoint.ordinal());
    }

    void reset() {
        for (int i = 0; i < counts.length(); i++) {
            counts.set(i, 0);
        }
    }

    /** Every endpoint's count, in declaration order. */
    Map<Endpoint, Long> snapshot() {
        Map<Endpoint, Long> all = new EnumMap<>(Endpoint.class);
        for (Endpoint endpoint : Endpoint.values()) {
            all.put(endpoint, get(endpoint));
        }
        return all;
    }
}
