package io.github.dingtalkroles.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A UTC clock that a test moves by hand, so that code reading a {@link Clock} (token expiry, rate
 * windows) can be tested without sleeping. Starts at 2026-01-01T00:00:00Z.
 *
 * <p>Thread-safe: the time may be advanced while other threads read it.
 */
public final class MutableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    /** Moves the clock forward (or back, for a negative {@code duration}). */
    public void advance(Duration duration) {
        now = now.plus(Objects.requireNonNull(duration, "duration"));
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** @throws UnsupportedOperationException always: this clock is UTC only */
    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a MutableClock is UTC only");
    }
}
