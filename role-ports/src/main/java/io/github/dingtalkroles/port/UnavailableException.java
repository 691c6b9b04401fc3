package io.github.dingtalkroles.port;

/**
 * The backend could not be reached or could not answer properly: busy, server error, time-out,
 * connection lost, or an answer that could not be read. Usually retryable.
 *
 * <p>For a write, {@link #isOutcomeUnknown()} says whether the write may have taken effect although
 * the caller was not told (a lost reply that could not be reconciled).
 */
public final class UnavailableException extends RoleDirectoryException {
    private static final long serialVersionUID = 1L;

    /** Whether the same call may succeed later. */
    private final boolean retryable;
    /** Whether a write may have taken effect although its reply was lost. */
    private final boolean outcomeUnknown;

    /**
     * @param message what failed
     * @param retryable whether the same call may succeed later
     * @param outcomeUnknown whether a write may have taken effect
     * @param diagnostics what the backend said, or {@link BackendDiagnostics#NONE}
     * @param cause the underlying failure, or {@code null}; its message must hold no secret
     */
    public UnavailableException(String message, boolean retryable, boolean outcomeUnknown,
            BackendDiagnostics diagnostics, Throwable cause) {
        super(message, diagnostics, cause);
        this.retryable = retryable;
        this.outcomeUnknown = outcomeUnknown;
    }

    /**
     * A retryable failure whose write outcome is known (nothing was written).
     *
     * @param message what failed
     * @param diagnostics what the backend said, or {@link BackendDiagnostics#NONE}
     */
    public UnavailableException(String message, BackendDiagnostics diagnostics) {
        this(message, true, false, diagnostics, null);
    }

    /**
     * Whether a write may have taken effect although its reply was lost.
     *
     * @return {@code true} if a write may have taken effect
     */
    public boolean isOutcomeUnknown() {
        return outcomeUnknown;
    }

    @Override
    public boolean isRetryable() {
        return retryable;
    }
}
