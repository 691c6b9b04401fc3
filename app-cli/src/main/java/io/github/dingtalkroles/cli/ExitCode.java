package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.localfile.StoreFileException;
import io.github.dingtalkroles.port.AssignmentFailedException;
import io.github.dingtalkroles.port.ConflictException;
import io.github.dingtalkroles.port.NotAuthorizedException;
import io.github.dingtalkroles.port.NotFoundException;
import io.github.dingtalkroles.port.RejectedInputException;
import io.github.dingtalkroles.port.ThrottledException;
import io.github.dingtalkroles.port.UnavailableException;
import io.github.dingtalkroles.sync.ApplyFailedException;

/** The exit codes of {@code roles}; scripts depend on them. */
final class ExitCode {
    static final int OK = 0;
    static final int UNEXPECTED = 1;
    static final int USAGE = 2;
    static final int NOT_FOUND = 3;
    static final int CONFLICT = 4;
    static final int NOT_AUTHORIZED = 5;
    static final int UNAVAILABLE = 6;

    private ExitCode() {
    }

    /**
     * The exit code for a failure that reached the top of a command; for a grant, revoke or apply that
     * failed part-way, its failure's.
     */
    static int of(Throwable failure) {
        Throwable underlying = underlying(failure);
        if (underlying != failure) {
            return of(underlying);
        }
        if (causedBy(failure, StoreFileException.class)) {
            return UNEXPECTED;
        }
        if (failure instanceof MissingCredentialsException || failure instanceof NotAuthorizedException) {
            return NOT_AUTHORIZED;
        }
        if (failure instanceof IllegalArgumentException || failure instanceof RejectedInputException) {
            return USAGE;
        }
        if (failure instanceof NotFoundException) {
            return NOT_FOUND;
        }
        if (failure instanceof ConflictException) {
            return CONFLICT;
        }
        if (failure instanceof ThrottledException || failure instanceof UnavailableException) {
            return UNAVAILABLE;
        }
        return UNEXPECTED;
    }

    /**
     * What went wrong behind a failure part-way: a grant or revoke ({@link AssignmentFailedException}) or an
     * apply ({@link ApplyFailedException}) reports the kind of its failure; any other failure is itself.
     */
    static Throwable underlying(Throwable failure) {
        if (failure instanceof AssignmentFailedException partial) {
            return underlying(partial.failure());
        }
        if (failure instanceof ApplyFailedException partial) {
            return underlying(partial.failure());
        }
        return failure;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
