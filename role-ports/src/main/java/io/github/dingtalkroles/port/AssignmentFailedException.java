package io.github.dingtalkroles.port;

import io.github.dingtalkroles.domain.RoleAssignment;
import java.util.Objects;
import java.util.Set;

/**
 * A grant or revoke ({@link RoleAssignments#grant}, {@link RoleAssignments#revoke}) failed, and this is
 * exactly how far it got: {@link #applied()} holds the (role, user) pairs the backend confirmed before
 * the failure, {@link #notApplied()} every other pair of the call (refused, not sent, or of unknown
 * outcome). {@link #failure()} (also the {@linkplain #getCause() cause}) says why, as the port's typed
 * exception; act on it as on any other failure. Calling the same grant or revoke again is safe: pairs
 * already applied are left as they are.
 *
 * <p>It is not a {@link RoleDirectoryException} because it reports a failure of part of a call, not a
 * kind of failure; the kind is {@link #failure()}'s. The message counts the pairs and includes the
 * failure's message; it never contains a secret.
 */
public final class AssignmentFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Set<RoleAssignment> applied;
    private final transient Set<RoleAssignment> notApplied;

    /**
     * @param operation {@code "grant"} or {@code "revoke"}, for the message
     * @param applied the pairs confirmed applied
     * @param notApplied the other pairs of the call
     * @param failure why the call failed
     */
    public AssignmentFailedException(String operation, Set<RoleAssignment> applied, Set<RoleAssignment> notApplied,
            RoleDirectoryException failure) {
        super(Objects.requireNonNull(operation, "operation") + " applied " + applied.size() + " of "
                + (applied.size() + notApplied.size()) + " (role, user) pairs, then failed: "
                + Objects.requireNonNull(failure, "failure").getMessage(), failure);
        this.applied = Set.copyOf(applied);
        this.notApplied = Set.copyOf(notApplied);
    }

    /**
     * The pairs the backend confirmed applied before the failure.
     *
     * @return the assignments known to be applied; possibly empty, never null
     */
    public Set<RoleAssignment> applied() {
        return applied;
    }

    /**
     * The call's other pairs: refused, not sent, or of unknown outcome.
     *
     * @return the assignments not known to be applied; possibly empty, never null
     */
    public Set<RoleAssignment> notApplied() {
        return notApplied;
    }

    /**
     * Why the call failed.
     *
     * @return the failure that ended the call
     */
    public RoleDirectoryException failure() {
        return (RoleDirectoryException) getCause();
    }

    /**
     * Whether the same call may succeed if made again unchanged (the {@link #failure()}'s answer).
     *
     * @return {@code true} if the failure is retryable
     */
    public boolean isRetryable() {
        return failure().isRetryable();
    }
}
