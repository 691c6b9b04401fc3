package io.github.dingtalkroles.localfile;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The store's file cannot be used: it cannot be read or written, is not a store, has an unknown format
 * version, or its directory is missing. {@link LocalFileRoleDirectory} reports it as the cause of an
 * {@link io.github.dingtalkroles.port.UnavailableException} (not retryable), so that callers who care
 * (a command line choosing its exit code, say) can tell a problem with the file from other failures.
 * The file itself is never replaced because of it.
 */
public final class StoreFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    StoreFileException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = Objects.requireNonNull(file, "file");
    }

    /** A file that exists but cannot be used as it is: the message says so, and that it was kept. */
    static StoreFileException unreadable(Path file, String problem, Throwable cause) {
        return new StoreFileException(file, "the local store " + file + " " + problem + "; it was left as it is", cause);
    }

    /** The store's file, as an absolute path. */
    public Path file() {
        return file;
    }
}
