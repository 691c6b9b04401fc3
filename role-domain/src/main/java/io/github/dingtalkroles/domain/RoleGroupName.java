package io.github.dingtalkroles.domain;

/**
 * The name of a role group, under the same rules as a {@link RoleName}.
 *
 * <p>Every organisation has one role group named {@code "Default"} (shown as {@code "默认"} in
 * DingTalk's Chinese locale) holding the built-in roles; {@link #isDefault()} recognises both
 * spellings.
 *
 * @param value the trimmed name
 */
public record RoleGroupName(String value) {
    /** The name of the built-in Default role group. */
    public static final RoleGroupName DEFAULT = new RoleGroupName("Default");

    private static final String DEFAULT_CHINESE = "默认";

    /**
     * Trims {@code value} and checks it.
     *
     * @param value the name; leading and trailing whitespace is trimmed
     * @throws InvariantViolation naming the broken rule
     */
    public RoleGroupName {
        value = Names.requireValid(value, "role group name");
    }

    /**
     * Same as the constructor, for fluent call sites.
     *
     * @param value the name; leading and trailing whitespace is trimmed
     * @return the role group name
     * @throws InvariantViolation naming the broken rule
     */
    public static RoleGroupName of(String value) {
        return new RoleGroupName(value);
    }

    /**
     * Whether this is the name of the built-in, immutable Default group.
     *
     * @return {@code true} for {@code "Default"} and {@code "默认"}
     */
    public boolean isDefault() {
        return DEFAULT.value.equals(value) || DEFAULT_CHINESE.equals(value);
    }

    /** The bare text, as error messages and the command line print it. */
    @Override
    public String toString() {
        return value;
    }
}
