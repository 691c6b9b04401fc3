package io.github.dingtalkroles.dingtalk;

import java.util.Objects;

/**
 * A DingTalk access token: the credential that every role call carries in its {@code access_token}
 * query parameter. Its {@link #toString()} is masked ({@code AccessToken[****]}), so a token that
 * ends up in a log line or a message by accident does not leak. Only {@link #reveal()} hands out the
 * value, for the wire.
 *
 * <p>Immutable and thread-safe. Two tokens are equal when their values are equal.
 */
public final class AccessToken {
    private final String value;

    private AccessToken(String value) {
        this.value = value;
    }

    /**
     * A token with this value, e.g. one your own token service obtained.
     *
     * @param value the token as DingTalk issued it
     * @return the token
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is blank or contains whitespace or control
     *     characters (the message does not repeat the value)
     */
    public static AccessToken of(String value) {
        return new AccessToken(Secrets.requireWellFormed(value, "access token"));
    }

    /**
     * The token's value, to put on the wire. Never log it.
     *
     * @return the value
     */
    public String reveal() {
        return value;
    }

    /** Compares the token values. */
    @Override
    public boolean equals(Object other) {
        return other instanceof AccessToken that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(AccessToken.class, value);
    }

    /** {@code AccessToken[****]}: never the value. */
    @Override
    public String toString() {
        return "AccessToken[****]";
    }
}
