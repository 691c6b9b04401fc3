package io.github.dingtalkroles.localfile;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The store's file cannot be used, for the {@link #reason()} given. {@link LocalFileRoleDirectory}
 * reports it as the cause of an {@link io.github.dingtalkroles.port.UnavailableException} (not
 * retryable), so that callers who care (a command line choosing its exit code, say) can tell a problem
 * with the file from other failures. The file itself is never replaced because of it.
 */
public final class StoreFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the store's file cannot be used. */
    public enum Reason {
        /** It cannot be read or written, is not a store, or has an unknown format version. */
        UNREADABLE,
        /** Its directory does not exist (and the builder may not create it). */
        MISSING_DIRECTORY,
        /** It is larger than the limit set with {@link LocalFileRoleDirectory.Builder#maxFileSize}. */
        TOO_LARGE,
        /** Another process held its lock for longer than {@link LocalFileRoleDirectory.Builder#lockTimeout}. */
        LOCKED,
        /** Its lock file or temporary file is a symbolic link, which the store never follows. */
        SYMBOLIC_LINK
    }

    /** Why the file cannot be used. */
    private final Reason reason;
    private final transient Path file;

    StoreFileException(Reason reason, Path file, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.file = Objects.requireNonNull(file, "file");
    }

    /** A file that exists but cannot be used as it is: the message says so, and that it was kept. */
    static StoreFileException unreadable(Reason reason, Path file, String problem, Throwable cause) {
        return new StoreFileException(reason, file,
                "the local store " + file + " " + problem + "; it was left as it is", cause);
    }

    /**
     * Why the file cannot be used.
     *
     * @return the reason, never null
     */
    public Reason reason() {
        return reason;
    }

    /**
     * The store's file, as an absolute path.
     *
     * @return the absolute path of the store's file
     */
    public Path file() {
        return file;
    }
}
