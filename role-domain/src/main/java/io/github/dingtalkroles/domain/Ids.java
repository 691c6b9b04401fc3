package io.github.dingtalkroles.domain;

/** The one place that says what an id is: a positive number. */
final class Ids {
    private Ids() {
    }

    static long requirePositive(long value, String subject) {
        if (value <= 0) {
            throw new InvariantViolation(Invariant.ID_POSITIVE, subject, value);
        }
        return value;
    }
}
