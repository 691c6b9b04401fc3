package io.github.dingtalkroles.port;

/** The role, role group, user or department named by the call does not exist. Not retryable. */
public final class NotFoundException extends RoleDirectoryException {
    private static final long serialVersionUID = 1L;

    /** What was not found. */
    public enum Subject {
        /** A role. */
        ROLE,
        /** A role group. */
        ROLE_GROUP,
        /** An employee (a user id). */
        USER,
        /** A department. */
        DEPARTMENT
    }

    /** What was not found. */
    private final Subject subject;

    /**
     * @param subject what was not found
     * @param message what was looked for, e.g. {@code "role group 42 does not exist"}
     * @param diagnostics what the backend said, or {@link BackendDiagnostics#NONE}
     */
    public NotFoundException(Subject subject, String message, BackendDiagnostics diagnostics) {
        super(message, diagnostics, null);
        this.subject = java.util.Objects.requireNonNull(subject, "subject");
    }

    /**
     * What was not found.
     *
     * @return the kind of thing not found, never null
     */
    public Subject subject() {
        return subject;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
