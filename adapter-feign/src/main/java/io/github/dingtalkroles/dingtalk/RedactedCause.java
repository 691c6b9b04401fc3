package io.github.dingtalkroles.dingtalk;

/**
 * Stands in for a technology exception (I/O, Feign, Jackson) as the cause of a port exception: same
 * class name, message and stack trace, with credentials removed. Feign's own exceptions name the
 * request URL, {@code access_token} included, so they are never attached as they are.
 */
final class RedactedCause extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private RedactedCause(Throwable original, String... secrets) {
        super(original.getClass().getName()
                + (original.getMessage() == null ? "" : ": " + Redaction.redact(original.getMessage(), secrets)),
                original.getCause() == null || original.getCause() == original
                        ? null : new RedactedCause(original.getCause(), secrets));
        setStackTrace(original.getStackTrace());
    }

    /** A redacted copy of {@code original} and its causes, or {@code null} for {@code null}. */
    static RedactedCause of(Throwable original, String... secrets) {
        return original == null ? null : new RedactedCause(original, secrets);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
