package io.github.dingtalkroles.domain;

import java.util.Objects;

/**
 * Thrown when a value or an operation would break one of the role model's {@link Invariant}s.
 *
 * <p>The message names the rule and the offending value, e.g.
 * {@code role name: names must not be blank (got "   ")}. It is an {@link IllegalArgumentException},
 * so callers that treat bad input generically still catch it.
 */
public final class InvariantViolation extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The rule that was broken. */
    private final Invariant invariant;

    /**
     * @param invariant the rule that was broken
     * @param subject what was being checked, e.g. {@code "role name"}
     * @param offendingValue the value that broke it, rendered safely into the message
     */
    public InvariantViolation(Invariant invariant, String subject, Object offendingValue) {
        super(subject + ": " + Objects.requireNonNull(invariant, "invariant").rule()
                + " (got " + Names.describe(offendingValue) + ")");
        this.invariant = invariant;
    }

    /**
     * The rule that was broken.
     *
     * @return the broken rule, never null
     */
    public Invariant invariant() {
        return invariant;
    }
}
