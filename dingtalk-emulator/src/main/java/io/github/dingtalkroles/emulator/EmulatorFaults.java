package io.github.dingtalkroles.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;

/**
 * The fault queue of one running {@link DingTalkEmulator}: makes the next calls of an operation (or of
 * any operation) misbehave.
 *
 * <pre>{@code
 * emulator.faults().next(EmulatorOperation.ADD_ROLE, EmulatorFault.COMMIT_THEN_BUSY, 1);   // a lost reply
 * emulator.faults().next(EmulatorOperation.LIST_ROLES, EmulatorFault.delay(Duration.ofSeconds(3)), 1);
 * emulator.faults().nextOnAny(EmulatorFault.BUSY, 2);                             // the next two calls, whatever they are
 * }</pre>
 *
 * <p>Each call of an operation takes the oldest queued fault aimed at that operation or at any operation
 * (first in, first out across both), so faults strike in the order they were queued. A call takes a
 * fault once the emulator has accepted its method and read its body; calls refused before that
 * (404, 405, body too large) and admin calls take none.
 *
 * <p>Thread-safe: faults may be queued while calls are being served.
 */
public final class EmulatorFaults {

    private static final class Entry {
        final EmulatorOperation operation; // null: any operation
        final EmulatorFault fault;
        int remaining;

        Entry(EmulatorOperation operation, EmulatorFault fault, int remaining) {
            this.operation = operation;
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final Deque<Entry> queue = new ArrayDeque<>();

    EmulatorFaults() {
    }

    /**
     * Makes the next {@code times} calls of {@code operation} show {@code fault}, after the faults
     * already queued for it.
     *
     * @param operation the endpoint to make misbehave
     * @param fault the fault its calls show
     * @param times how many calls show it; 0 queues nothing
     * @return this, to queue more
     * @throws IllegalArgumentException if {@code times} is negative
     */
    public EmulatorFaults next(EmulatorOperation operation, EmulatorFault fault, int times) {
        return add(Objects.requireNonNull(operation, "operation"), fault, times);
    }

    /**
     * Same as {@code next(operation, fault, 1)}.
     *
     * @param operation the endpoint to make misbehave
     * @param fault the fault its next call shows
     * @return this, to queue more
     */
    public EmulatorFaults next(EmulatorOperation operation, EmulatorFault fault) {
        return next(operation, fault, 1);
    }

    /**
     * Makes the next {@code times} calls, of whichever endpoints, show {@code fault}.
     *
     * @param fault the fault the calls show
     * @param times how many calls show it; 0 queues nothing
     * @return this, to queue more
     * @throws IllegalArgumentException if {@code times} is negative
     */
    public EmulatorFaults nextOnAny(EmulatorFault fault, int times) {
        return add(null, fault, times);
    }

    /** Forgets every queued fault that has not struck yet. */
    public synchronized void clear() {
        queue.clear();
    }

    /**
     * How many queued fault strikes have not happened yet, over all endpoints.
     *
     * @return the number of fault strikes still queued, zero or more
     */
    public synchronized int pending() {
        int sum = 0;
        for (Entry entry : queue) {
            sum += entry.remaining;
        }
        return sum;
    }

    private synchronized EmulatorFaults add(EmulatorOperation operation, EmulatorFault fault, int times) {
        Objects.requireNonNull(fault, "fault");
        if (times < 0) {
            throw new IllegalArgumentException("times must be 0 or more (got " + times + ")");
        }
        if (times > 0) {
            queue.addLast(new Entry(operation, fault, times));
        }
        return this;
    }

    /** Takes the fault the next call of {@code operation} must show, if one is queued. */
    synchronized Optional<EmulatorFault> take(EmulatorOperation operation) {
        for (Iterator<Entry> it = queue.iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (entry.operation == null || entry.operation == operation) {
                if (--entry.remaining == 0) {
                    it.remove();
                }
                return Optional.of(entry.fault);
            }
        }
        return Optional.empty();
    }
}
