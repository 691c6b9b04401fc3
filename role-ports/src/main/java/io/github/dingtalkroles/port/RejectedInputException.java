package io.github.dingtalkroles.port;

/**
 * The backend refused the call's input (a value it considers invalid although the domain accepts
 * it, or a request it could not understand). Not retryable: change the input.
 */
public final class RejectedInputException extends RoleDirectoryException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was refused
     * @param diagnostics what the backend said, or {@link BackendDiagnostics#NONE}
     */
    public RejectedInputException(String message, BackendDiagnostics diagnostics) {
        super(message, diagnostics, null);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
