package io.github.dingtalkroles.domain;

/**
 * The name of a role: trimmed, non-blank, at most 64 characters (Unicode code points), with no
 * control characters. Two names are equal when their trimmed text is equal (case-sensitive).
 *
 * @param value the trimmed name
 */
public record RoleName(String value) {
    /** Trims {@code value} and checks it. @throws InvariantViolation naming the broken rule */
    public RoleName {
        value = Names.requireValid(value, "role name");
    }

    /** Same as the constructor, for fluent call sites. */
    public static RoleName of(String value) {
        return new RoleName(value);
    }

    // equals and hashCode are written out rather than generated: a record's generated ones are bootstrapped
    // through invokedynamic (java.lang.runtime.ObjectMethods) on first use, which costs a short-lived process
    // such as the roles command line several milliseconds. Same results as the generated ones.
    @Override
    public boolean equals(Object other) {
        return other instanceof RoleName that && that.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
