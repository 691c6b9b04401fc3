package io.github.dingtalkroles.domain;

/**
 * The id of a role group, as DingTalk assigns it. Always positive.
 *
 * @param value the numeric id
 */
public record RoleGroupId(long value) {
    /**
     * Checks the id.
     *
     * @param value the numeric id; positive
     * @throws InvariantViolation ({@link Invariant#ID_POSITIVE}) if {@code value} is not positive
     */
    public RoleGroupId {
        Ids.requirePositive(value, "role group id");
    }

    /**
     * Same as the constructor, for fluent call sites.
     *
     * @param value the numeric id; positive
     * @return the role group id
     * @throws InvariantViolation ({@link Invariant#ID_POSITIVE}) if {@code value} is not positive
     */
    public static RoleGroupId of(long value) {
        return new RoleGroupId(value);
    }

    /** The bare number, as error messages and the command line print it. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
