package io.github.dingtalkroles.port;

import java.util.Objects;

/**
 * The directory's current state forbids the call. {@link #reason()} says which state.
 * Retryable only for {@link Reason#LISTING_CHANGED}.
 */
public final class ConflictException extends RoleDirectoryException {
    private static final long serialVersionUID = 1L;

    /** Why the call conflicts with the directory's state. */
    public enum Reason {
        /** The name is already taken (a role name in its group, or a role group name). */
        DUPLICATE_NAME,
        /** The Default group and its built-in roles cannot be changed, deleted, granted or revoked. */
        IMMUTABLE_DEFAULT_GROUP,
        /** The listing shifted while it was being walked page by page; walk again from the start. */
        LISTING_CHANGED,
        /** The role still has members; DingTalk deletes only a role whose members were all removed. */
        ROLE_HAS_MEMBERS,
        /** The user does not hold the role, so no management scope can be set for them in it. */
        NOT_A_MEMBER
    }

    /** Why the call conflicts. */
    private final Reason reason;

    /**
     * @param reason why the call conflicts
     * @param message what conflicted, naming the values involved
     * @param diagnostics what the backend said, or {@link BackendDiagnostics#NONE}
     */
    public ConflictException(Reason reason, String message, BackendDiagnostics diagnostics) {
        super(message, diagnostics, null);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Why the call conflicts.
     *
     * @return the reason, never null
     */
    public Reason reason() {
        return reason;
    }

    @Override
    public boolean isRetryable() {
        return reason == Reason.LISTING_CHANGED;
    }
}
