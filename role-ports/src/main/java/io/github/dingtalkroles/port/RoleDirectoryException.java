package io.github.dingtalkroles.port;

import java.util.Objects;
import java.util.Optional;

/**
 * Root of the failures a {@link RoleDirectory} reports. The subclass says what the caller can do:
 *
 * <ul>
 *   <li>{@link NotFoundException}: the role, group, user or department does not exist; fix the id.</li>
 *   <li>{@link ConflictException}: the directory's state forbids it (name taken, Default group);
 *       change the request.</li>
 *   <li>{@link RejectedInputException}: the backend refused the input; fix the input.</li>
 *   <li>{@link NotAuthorizedException}: credentials or permissions are wrong; fix the set-up.</li>
 *   <li>{@link ThrottledException}: too many calls; wait and retry, unless the quota is spent.</li>
 *   <li>{@link UnavailableException}: the backend could not be reached or failed; retry later.</li>
 * </ul>
 *
 * <p>{@link #isRetryable()} says whether the same call may succeed later unchanged. Where the
 * failure came from a backend answer, {@link #diagnostics()} keeps its code, sub-code and request id;
 * the message includes them. No message ever contains a secret.
 */
public abstract sealed class RoleDirectoryException extends RuntimeException
        permits NotFoundException, ConflictException, RejectedInputException, NotAuthorizedException,
                ThrottledException, UnavailableException {
    private static final long serialVersionUID = 1L;

    private final transient BackendDiagnostics diagnostics;

    RoleDirectoryException(String message, BackendDiagnostics diagnostics, Throwable cause) {
        super(Objects.requireNonNull(message, "message")
                + Objects.requireNonNull(diagnostics, "diagnostics").describe(), cause);
        this.diagnostics = diagnostics;
    }

    /**
     * Whether the same call, unchanged, may succeed if tried again later.
     *
     * @return {@code true} if retrying the unchanged call may succeed
     */
    public abstract boolean isRetryable();

    /**
     * What the backend said about the failure; {@link BackendDiagnostics#NONE} if nothing.
     *
     * @return the backend's diagnostics, never null
     */
    public BackendDiagnostics diagnostics() {
        return diagnostics == null ? BackendDiagnostics.NONE : diagnostics;
    }

    /**
     * The backend's error code (DingTalk's {@code errcode}), if any.
     *
     * @return the backend's error code, or empty
     */
    public Optional<String> backendCode() {
        return diagnostics().codeIfPresent();
    }

    /**
     * The backend's request id, if any.
     *
     * @return the backend's request id, or empty
     */
    public Optional<String> requestId() {
        return diagnostics().requestIdIfPresent();
    }
}
