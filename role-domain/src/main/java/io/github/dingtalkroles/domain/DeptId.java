package io.github.dingtalkroles.domain;

/**
 * The id of a department, as DingTalk's contacts assign it. Always positive.
 *
 * @param value the numeric id
 */
public record DeptId(long value) {
    /**
     * Checks the id.
     *
     * @param value the numeric id; positive
     * @throws InvariantViolation ({@link Invariant#ID_POSITIVE}) if {@code value} is not positive
     */
    public DeptId {
        Ids.requirePositive(value, "department id");
    }

    /**
     * Same as the constructor, for fluent call sites.
     *
     * @param value the numeric id; positive
     * @return the department id
     * @throws InvariantViolation ({@link Invariant#ID_POSITIVE}) if {@code value} is not positive
     */
    public static DeptId of(long value) {
        return new DeptId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
