package io.github.dingtalkroles.sync;

import java.util.List;
import java.util.Objects;

/**
 * Applying a plan stopped at a failure, and this is how far it got: {@link #applied()} holds the changes
 * the backend confirmed, {@link #notApplied()} the others (failed, of unknown outcome, or not started).
 * {@link #failure()} (also the {@linkplain #getCause() cause}) says why: usually one of the port's typed
 * exceptions.
 *
 * <p>To finish, make a new plan and apply it: the new plan starts from what the backend now holds,
 * including anything a failed call did before its reply was lost, so it neither repeats nor duplicates
 * what was done.
 */
public final class ApplyFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Change> applied;
    private final transient List<Change> notApplied;

    /**
     * @param applied the changes the backend confirmed, in plan order
     * @param notApplied the plan's other changes, in plan order
     * @param failure why applying stopped
     */
    public ApplyFailedException(List<Change> applied, List<Change> notApplied, RuntimeException failure) {
        super("applied " + applied.size() + " of " + (applied.size() + notApplied.size())
                + " changes, then failed: " + Objects.requireNonNull(failure, "failure").getMessage()
                + " (plan again and apply to finish)", failure);
        this.applied = List.copyOf(applied);
        this.notApplied = List.copyOf(notApplied);
    }

    /**
     * The changes the backend confirmed before the failure, in plan order.
     *
     * @return the applied changes; possibly empty
     */
    public List<Change> applied() {
        return applied;
    }

    /**
     * The plan's other changes: failed, of unknown outcome, or not started.
     *
     * @return the changes not known to be applied
     */
    public List<Change> notApplied() {
        return notApplied;
    }

    /**
     * Why applying stopped.
     *
     * @return the failure: a {@code RoleDirectoryException} from the port, or another runtime exception
     */
    public RuntimeException failure() {
        return (RuntimeException) getCause();
    }
}
