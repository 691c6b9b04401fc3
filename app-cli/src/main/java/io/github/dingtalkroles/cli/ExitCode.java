package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.localfile.StoreFileException;
import io.github.dingtalkroles.port.AssignmentFailedException;
import io.github.dingtalkroles.port.ConflictException;
import io.github.dingtalkroles.port.NotAuthorizedException;
import io.github.dingtalkroles.port.NotFoundException;
import io.github.dingtalkroles.port.RejectedInputException;
import io.github.dingtalkroles.port.ThrottledException;
import io.github.dingtalkroles.port.UnavailableException;

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
     * The exit code for a failure that reached the top of a command; for a grant or revoke that failed
     * part-way, its failure's.
     */
    static int of(Throwable failure) {
        if (failure instanceof AssignmentFailedException partial) {
            return of(partial.failure());
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

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
