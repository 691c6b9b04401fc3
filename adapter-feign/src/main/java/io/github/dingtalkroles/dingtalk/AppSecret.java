package io.github.dingtalkroles.dingtalk;

import java.util.Objects;

/**
 * The secret of a DingTalk app ({@code appsecret}), which with the app key obtains access tokens.
 * Its {@link #toString()} is masked ({@code AppSecret[****]}); only {@link #reveal()} hands out the
 * value, for the {@code /gettoken} call.
 *
 * <p>Immutable and thread-safe. Two secrets are equal when their values are equal.
 */
public final class AppSecret {
    private final String value;

    private AppSecret(String value) {
        this.value = value;
    }

    /**
     * A secret with this value, e.g. read from the environment or a vault.
     *
     * @param value the app secret as DingTalk's developer console shows it
     * @return the secret
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is blank or contains whitespace or control
     *     characters (the message does not repeat the value)
     */
    public static AppSecret of(String value) {
        return new AppSecret(Secrets.requireWellFormed(value, "app secret"));
    }

    /**
     * The secret's value, to put on the wire. Never log it.
     *
     * @return the value
     */
    public String reveal() {
        return value;
    }

    /** Compares the secret values. */
    @Override
    public boolean equals(Object other) {
        return other instanceof AppSecret that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(AppSecret.class, value);
    }

    /** {@code AppSecret[****]}: never the value. */
    @Override
    public String toString() {
        return "AppSecret[****]";
    }
}
