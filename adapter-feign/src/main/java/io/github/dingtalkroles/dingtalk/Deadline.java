package io.github.dingtalkroles.dingtalk;

import java.time.Duration;

/** The moment by which one operation, all its attempts and waits included, must be over. */
final class Deadline {
    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    /** Time left, never negative. */
    Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    /** Whether less than a millisecond is left: too little to send a request. */
    boolean hasExpired() {
        return remaining().toMillis() < 1;
    }
}
