package io.github.dingtalkroles.dingtalk;

/**
 * What one write operation knows about its own effect across attempts. An ambiguous failure (a lost
 * reply) leaves the write <em>unresolved</em>: it may have been carried out. For {@code add_role} and
 * {@code add_role_group}, reading the directory resolves it; {@code update_role} is never resolved, as
 * repeating it is harmless. Confined to the thread running the operation.
 */
final class WriteOutcome {
    private boolean unresolved;
    private boolean hadAmbiguousFailure;

    /** An attempt failed in a way that may hide a carried-out write. */
    void ambiguousFailure() {
        unresolved = true;
        hadAmbiguousFailure = true;
    }

    /** A read showed that no earlier attempt took effect. */
    void resolvedAsNotDone() {
        unresolved = false;
    }

    /** Whether an earlier attempt may have taken effect, as far as anyone has checked. */
    boolean isUnresolved() {
        return unresolved;
    }

    /** Whether any attempt so far failed ambiguously (even if a later read resolved it). */
    boolean hadAmbiguousFailure() {
        return hadAmbiguousFailure;
    }
}
