package io.github.dingtalkroles.domain;

/**
 * The id of a role, as DingTalk assigns it. Always positive.
 *
 * @param value the numeric id
 */
public record RoleId(long value) {
    /**
     * Checks the id.
     *
     * @param value the numeric id; positive
     * @throws InvariantViolation ({@link Invariant#ID_POSITIVE}) if {@code value} is not positive
     */
    public RoleId {
        Ids.requirePositive(value, "role id");
    }

    /**
     * Same as the constructor, for fluent call sites.
     *
     * @param value the numeric id; positive
     * @return the role id
     * @throws InvariantViolation ({@link Invariant#ID_POSITIVE}) if {@code value} is not positive
     */
    public static RoleId of(long value) {
        return new RoleId(value);
    }

    /** The bare number, as error messages and the command line print it. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
