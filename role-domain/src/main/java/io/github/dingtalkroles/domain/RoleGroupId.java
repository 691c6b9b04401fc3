package io.github.dingtalkroles.domain;

/**
 * The id of a role group, as DingTalk assigns it. Always positive.
 *
 * @param value the numeric id
 */
public record RoleGroupId(long value) {
    /** @throws InvariantViolation ({@link Invariant#ID_POSITIVE}) if {@code value} is not positive */
    public RoleGroupId {
        Ids.requirePositive(value, "role group id");
    }

    /** Same as the constructor, for fluent call sites. */
    public static RoleGroupId of(long value) {
        return new RoleGroupId(value);
    }

    // equals and hashCode are written out rather than generated: a record's generated ones are bootstrapped
    // through invokedynamic (java.lang.runtime.ObjectMethods) on first use, which costs a short-lived process
    // such as the roles command line several milliseconds. Same results as the generated ones.
    @Override
    public boolean equals(Object other) {
        return other instanceof RoleGroupId that && that.value == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
