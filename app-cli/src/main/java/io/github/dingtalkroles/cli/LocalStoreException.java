package io.github.dingtalkroles.cli;

import java.nio.file.Path;

/** The local store file cannot be used: unreadable, not a store, or from an unknown format version. */
final class LocalStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LocalStoreException(Path file, String problem, Throwable cause) {
        super("the local store " + file + " " + problem + "; it was left as it is", cause);
    }
}
