package io.github.dingtalkroles.inmemory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The fault queue of one {@link InMemoryRoleDirectory}: makes the next calls of an operation (or of
 * any operation) fail as a remote backend would, so callers can test their own error handling. The
 * same shape as the DingTalk emulator's fault queue.
 *
 * <pre>{@code
 * directory.faults().next(InMemoryOperation.ADD_ROLE, InMemoryFault.LOST_REPLY, 1);   // a lost reply
 * directory.faults().next(InMemoryOperation.LIST_ROLE_GROUPS, InMemoryFault.THROTTLED);
 * directory.faults().nextOnAny(InMemoryFault.UNAVAILABLE, 2);   // the next two calls, whatever they are
 * }</pre>
 *
 * <p>Each call takes the oldest queued fault aimed at its operation or at any operation, so faults
 * strike in the order they were queued.
 *
 * <p>Thread-safe: faults may be queued while calls are being made.
 */
public final class InMemoryFaults {
    /** A fault queued for the next {@code times} calls; {@code operation} null means any operation. */
    private record Queued(InMemoryOperation operation, InMemoryFault fault, int times) {
        boolean hits(InMemoryOperation call) {
            return operation == null || operation == call;
        }
    }

    private final List<Queued> queued = new ArrayList<>();

    InMemoryFaults() {
    }

    /**
     * Makes the next {@code times} calls of {@code operation} fail with {@code fault}, after the faults
     * already queued.
     *
     * @param operation the operation to make fail
     * @param fault the failure its calls show
     * @param times how many calls fail; 0 queues nothing
     * @return this, to queue more
     * @throws IllegalArgumentException if {@code times} is negative
     */
    public InMemoryFaults next(InMemoryOperation operation, InMemoryFault fault, int times) {
        return queue(Objects.requireNonNull(operation, "operation"), fault, times);
    }

    /**
     * Same as {@code next(operation, fault, 1)}.
     *
     * @param operation the operation to make fail
     * @param fault the failure its next call shows
     * @return this, to queue more
     */
    public InMemoryFaults next(InMemoryOperation operation, InMemoryFault fault) {
        return next(operation, fault, 1);
    }

    /**
     * Makes the next {@code times} calls, of whichever operations, fail with {@code fault}.
     *
     * @param fault the failure the calls show
     * @param times how many calls fail; 0 queues nothing
     * @return this, to queue more
     * @throws IllegalArgumentException if {@code times} is negative
     */
    public InMemoryFaults nextOnAny(InMemoryFault fault, int times) {
        return queue(null, fault, times);
    }

    /** Forgets every queued fault that has not struck yet. */
    public synchronized void clear() {
        queued.clear();
    }

    /**
     * How many queued fault strikes have not happened yet, over all operations.
     *
     * @return the number of fault strikes still queued, zero or more
     */
    public synchronized int pending() {
        long sum = queued.stream().mapToLong(Queued::times).sum();
        return (int) Math.min(Integer.MAX_VALUE, sum);
    }

    private synchronized InMemoryFaults queue(InMemoryOperation operation, InMemoryFault fault, int times) {
        Objects.requireNonNull(fault, "fault");
        if (times < 0) {
            throw new IllegalArgumentException("times must be 0 or more (got " + times + ")");
        }
        if (times > 0) {
            queued.add(new Queued(operation, fault, times));
        }
        return this;
    }

    /** Takes the fault the next call of {@code operation} must show, if one is queued. */
    synchronized Optional<InMemoryFault> take(InMemoryOperation operation) {
        for (int i = 0; i < queued.size(); i++) {
            Queued first = queued.get(i);
            if (first.hits(operation)) {
                if (first.times() == 1) {
                    queued.remove(i);
                } else {
                    queued.set(i, new Queued(first.operation(), first.fault(), first.times() - 1));
                }
                return Optional.of(first.fault());
            }
        }
        return Optional.empty();
    }
}
