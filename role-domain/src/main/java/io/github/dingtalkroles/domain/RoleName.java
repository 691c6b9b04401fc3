package io.github.dingtalkroles.domain;

/**
 * The name of a role: trimmed, non-blank, at most 64 characters (Unicode code points), with no
 * control characters. Two names are equal when their trimmed text is equal (case-sensitive).
 *
 * @param value the trimmed name
 */
public record RoleName(String value) {
    /**
     * Trims {@code value} and checks it.
     *
     * @param value the name; leading and trailing whitespace is trimmed
     * @throws InvariantViolation naming the broken rule
     */
    public RoleName {
        value = Names.requireValid(value, "role name");
    }

    /**
     * Same as the constructor, for fluent call sites.
     *
     * @param value the name; leading and trailing whitespace is trimmed
     * @return the role name
     * @throws InvariantViolation naming the broken rule
     */
    public static RoleName of(String value) {
        return new RoleName(value);
    }

    /** The bare text, as error messages and the command line print it. */
    @Override
    public String toString() {
        return value;
    }
}
