package io.github.dingtalkroles.domain;

/**
 * The id of a role, as DingTalk assigns it. Always positive.
 *
 * @param value the numeric id
 */
public record RoleId(long value) {
    /** @throws InvariantViolation ({@link Invariant#ID_POSITIVE}) if {@code value} is not positive */
    public RoleId {
        Ids.requirePositive(value, "role id");
    }

    /** Same as the constructor, for fluent call sites. */
    public static RoleId of(long value) {
        return new RoleId(value);
    }

    /** The bare number, as error messages and the command line print it. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
