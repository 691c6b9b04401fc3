package io.github.dingtalkroles.sync;

/**
 * A plan removes more than its prune limit and was not {@link Plan#forced()}, so nothing of it was
 * applied. Look at what it removes ({@link Plan#changes()}); if that is meant, apply
 * {@link Plan#forced()}.
 */
public final class PruneLimitExceededException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** How many removals the plan holds. */
    private final int removals;
    /** The limit it exceeds. */
    private final int limit;

    /**
     * @param removals how many (role, user) pairs and roles the plan removes
     * @param limit the prune limit it exceeds
     */
    public PruneLimitExceededException(int removals, int limit) {
        super("the plan removes " + removals + " (role, user) pairs and roles, more than the prune limit of "
                + limit + "; nothing was applied (apply it forced if the removals are meant)");
        this.removals = removals;
        this.limit = limit;
    }

    /**
     * How many (role, user) pairs and roles the plan removes.
     *
     * @return the plan's removals
     */
    public int removals() {
        return removals;
    }

    /**
     * The prune limit the plan exceeds.
     *
     * @return the limit
     */
    public int limit() {
        return limit;
    }
}
