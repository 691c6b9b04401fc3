package io.github.dingtalkroles.sync;

/**
 * Told of each change as the backend confirms it, e.g. to show progress. The applier calls it from its
 * worker threads, one call at a time, so an implementation need not be thread-safe; it should return
 * quickly. An exception it throws stops the apply like a failed change.
 */
@FunctionalInterface
public interface ApplyListener {
    /** A listener that does nothing. */
    ApplyListener NONE = (change, done, total) -> { };

    /**
     * A change was applied.
     *
     * @param change the change the backend confirmed
     * @param done how many changes of the plan are applied so far, this one included
     * @param total how many changes the plan holds
     */
    void applied(Change change, int done, int total);
}
