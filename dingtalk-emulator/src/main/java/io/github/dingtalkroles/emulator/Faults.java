package io.github.dingtalkroles.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;

/**
 * The fault queue of one running {@link DingTalkEmulator}: makes the next calls of an endpoint (or of
 * any endpoint) misbehave.
 *
 * <pre>{@code
 * emulator.faults().next(Endpoint.ADD_ROLE, Fault.COMMIT_THEN_BUSY, 1);   // a lost reply
 * emulator.faults().next(Endpoint.LIST_ROLES, Fault.delay(Duration.ofSeconds(3)), 1);
 * emulator.faults().nextOnAny(Fault.BUSY, 2);                             // the next two calls, whatever they are
 * }</pre>
 *
 * <p>Each call of an endpoint takes the oldest queued fault aimed at that endpoint or at any endpoint
 * (first in, first out across both), so faults strike in the order they were queued. A call takes a
 * fault once the emulator has accepted its method and read its body; calls refused before that
 * (404, 405, body too large) and admin calls take none.
 *
 * <p>Thread-safe: faults may be queued while calls are being served.
 */
public final class Faults {

    private static final class Entry {
        final Endpoint endpoint; // null: any endpoint
        final Fault fault;
        int remaining;

        Entry(Endpoint endpoint, Fault fault, int remaining) {
            this.endpoint = endpoint;
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final Deque<Entry> queue = new ArrayDeque<>();

    Faults() {
    }

    /**
     * Makes the next {@code times} calls of {@code endpoint} show {@code fault}, after the faults
     * already queued for it.
     *
     * @return this, to queue more
     * @throws IllegalArgumentException if {@code times} is negative
     */
    public Faults next(Endpoint endpoint, Fault fault, int times) {
        return add(Objects.requireNonNull(endpoint, "endpoint"), fault, times);
    }

    /** Same as {@code next(endpoint, fault, 1)}. */
    public Faults next(Endpoint endpoint, Fault fault) {
        return next(endpoint, fault, 1);
    }

    /**
     * Makes the next {@code times} calls, of whichever endpoints, show {@code fault}.
     *
     * @return this, to queue more
     * @throws IllegalArgumentException if {@code times} is negative
     */
    public Faults nextOnAny(Fault fault, int times) {
        return add(null, fault, times);
    }

    /** Forgets every queued fault that has not struck yet. */
    public synchronized void clear() {
        queue.clear();
    }

    /** How many queued fault strikes have not happened yet, over all endpoints. */
    public synchronized int pending() {
        int sum = 0;
        for (Entry entry : queue) {
            sum += entry.remaining;
        }
        return sum;
    }

    private synchronized Faults add(Endpoint endpoint, Fault fault, int times) {
        Objects.requireNonNull(fault, "fault");
        if (times < 0) {
            throw new IllegalArgumentException("times must be 0 or more (got " + times + ")");
        }
        if (times > 0) {
            queue.addLast(new Entry(endpoint, fault, times));
        }
        return this;
    }

    /** Takes the fault the next call of {@code endpoint} must show, if one is queued. */
    synchronized Optional<Fault> take(Endpoint endpoint) {
        for (Iterator<Entry> it = queue.iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (entry.endpoint == null || entry.endpoint == endpoint) {
                if (--entry.remaining == 0) {
                    it.remove();
                }
                return Optional.of(entry.fault);
            }
        }
        return Optional.empty();
    }
}
