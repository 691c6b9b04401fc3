package io.github.dingtalkroles.port;

/**
 * The backend did not accept the caller's credentials, or they lack a permission (bad app key or
 * secret, invalid or expired token that could not be renewed, missing permission, IP not on the
 * allow-list). Not retryable: fix the set-up. The message never contains the credential itself.
 */
public final class NotAuthorizedException extends RoleDirectoryException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was refused
     * @param diagnostics what the backend said, or {@link BackendDiagnostics#NONE}
     */
    public NotAuthorizedException(String message, BackendDiagnostics diagnostics) {
        super(message, diagnostics, null);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
