package io.github.dingtalkroles.localfile;

import io.github.dingtalkroles.domain.Department;
import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.domain.Employee;
import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleAssignment;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.inmemory.DirectorySnapshot;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.port.AssignmentFailedException;
import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.MemberPage;
import io.github.dingtalkroles.port.MemberPageRequest;
import io.github.dingtalkroles.port.NotFoundException;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleAssignments;
import io.github.dingtalkroles.port.RoleDirectory;
import io.github.dingtalkroles.port.RoleGroupPage;
import io.github.dingtalkroles.port.UnavailableException;
import io.github.dingtalkroles.localfile.StoreFileException.Reason;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A {@link RoleDirectory} and its {@link RoleAssignments} kept in one JSON file: the backend of the
 * {@code roles} command line, for anyone who wants roles and their members on disk without a DingTalk
 * account.
 *
 * <pre>{@code
 * LocalFileRoleDirectory store = LocalFileRoleDirectory.builder(Path.of("roles/directory.json")).build();
 * Role recruiter = store.addRole(store.addRoleGroup(RoleGroupName.of("HR")).id(), RoleName.of("Recruiter"));
 * store.addDepartment(new Department(DeptId.of(12), "Sales"));
 * store.addEmployee(new Employee(UserId.of("ann"), "Ann", List.of(DeptId.of(12))));
 * store.grant(List.of(recruiter.id()), List.of(UserId.of("ann")));
 * }</pre>
 *
 * <p><b>Roster:</b> the file holds the organisation's departments and employees, whom roles are granted
 * to, and answers unknown users and departments as DingTalk does ({@link NotFoundException} naming
 * which). DingTalk manages them in its contacts API, which the ports do not cover; here
 * {@link #addDepartment} and {@link #addEmployee} seed them. Grants and revokes are atomic: on a
 * failure nothing was applied.
 *
 * <p>Every rule is the in-memory backend's: each operation applies to an {@link InMemoryRoleDirectory}
 * restored from the file. A write takes an exclusive lock (a lock file beside the store, plus an
 * in-process lock), reads the file if it changed since this instance last read it, applies the
 * operation, writes the new state to a temporary file, forces it to disk and renames it over the store
 * atomically. A process killed at any point leaves the old or the new file, never a torn one;
 * concurrent processes are serialised, so no write is lost. A read takes no file lock: the file is only
 * ever replaced whole, so a reader sees one complete version.
 *
 * <p>Against other local users: directories the store creates are 0700 and its lock file 0600 (where
 * the file system has POSIX permissions; the store file itself is written through a temporary file,
 * which the JDK creates 0600). A write waits for the lock at most {@link Builder#lockTimeout} and then
 * fails naming the lock file, so a process that holds the lock cannot block writers forever. The lock
 * file is never opened through a symbolic link, and temporary files are created new (never through an
 * existing path). A file over {@link Builder#maxFileSize} is refused before it is read.
 *
 * <p>Nothing is created until the first write: reading a store that does not exist yet shows the
 * directory a new one would hold (the Default group and its built-in roles). The store's directory
 * must exist, unless the builder is told to create it ({@link Builder#createMissingDirectories}).
 * A file that cannot be read as a store is never replaced: operations fail with an
 * {@link UnavailableException} caused by a {@link StoreFileException}.
 *
 * <p>The file's format is version 2 (roles, roster, members and scopes); a version 1 file (roles
 * only, as earlier versions wrote it) is read with all its roles and an empty roster, and the first
 * write stores it as version 2, which earlier versions then refuse to read, naming the version.
 *
 * <p>Thread-safe; several instances, in one process or many, may share one file.
 */
public final class LocalFileRoleDirectory implements RoleDirectory, RoleAssignments {
    /** Default of {@link Builder#maxFileSize}: 64 MiB, about 200,000 groups of five roles. */
    public static final long DEFAULT_MAX_FILE_SIZE = 64L << 20;
    /** Default of {@link Builder#lockTimeout}. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);

    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final long LOCK_RETRY_MILLIS = 20;

    private final Path file;
    private final Path lockFile;
    private final boolean createMissingDirectories;
    private final long maxFileSize;
    private final Duration lockTimeout;
    private final ReentrantLock inProcess = new ReentrantLock();

    /** The last state read or written, and the version of the file it came from; guarded by inProcess. */
    private InMemoryRoleDirectory cached;
    private Object cachedVersion;

    private LocalFileRoleDirectory(Builder builder) {
        this.file = builder.file;
        this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
        this.createMissingDirectories = builder.createMissingDirectories;
        this.maxFileSize = builder.maxFileSize;
        this.lockTimeout = builder.lockTimeout;
    }

    /**
     * A builder for a store kept in {@code file} (made absolute; the lock file goes beside it).
     *
     * @param file the store's file; not null; need not exist yet
     * @return a new builder with every other setting at its default
     * @throws NullPointerException if {@code file} is null
     */
    public static Builder builder(Path file) {
        return new Builder(file);
    }

    /**
     * The store's file, as an absolute path.
     *
     * @return the absolute, normalised path of the store's file
     */
    public Path file() {
        return file;
    }

    @Override
    public RoleGroup addRoleGroup(RoleGroupName name) {
        return write(d -> d.addRoleGroup(name));
    }

    @Override
    public Role addRole(RoleGroupId groupId, RoleName name) {
        return write(d -> d.addRole(groupId, name));
    }

    @Override
    public void renameRole(RoleId roleId, RoleName newName) {
        write(d -> {
            d.renameRole(roleId, newName);
            return null;
        });
    }

    @Override
    public RoleGroupPage listRoleGroups(PageRequest page) {
        return read(d -> d.listRoleGroups(page));
    }

    @Override
    public Optional<RoleGroup> findRoleGroup(RoleGroupId groupId) {
        return read(d -> d.findRoleGroup(groupId));
    }

    @Override
    public Optional<Role> findRole(RoleId roleId) {
        return read(d -> d.findRole(roleId));
    }

    @Override
    public void deleteRole(RoleId roleId) {
        write(d -> {
            d.deleteRole(roleId);
            return null;
        });
    }

    @Override
    public void grant(Collection<RoleId> roleIds, Collection<UserId> userIds) {
        assign("grant", roleIds, userIds, d -> d.grant(roleIds, userIds));
    }

    @Override
    public void revoke(Collection<RoleId> roleIds, Collection<UserId> userIds) {
        assign("revoke", roleIds, userIds, d -> d.revoke(roleIds, userIds));
    }

    /**
     * Applies a grant or revoke; the in-memory directory reports its own refusals, and a store that
     * cannot be read or written is reported the same way, with no pair applied.
     */
    private void assign(String operation, Collection<RoleId> roleIds, Collection<UserId> userIds,
            Consumer<InMemoryRoleDirectory> change) {
        try {
            write(d -> {
                change.accept(d);
                return null;
            });
        } catch (UnavailableException e) {
            throw new AssignmentFailedException(operation, Set.of(), RoleAssignment.every(roleIds, userIds), e);
        }
    }

    @Override
    public MemberPage listMembers(RoleId roleId, MemberPageRequest page) {
        return read(d -> d.listMembers(roleId, page));
    }

    @Override
    public void setScope(RoleId roleId, UserId userId, ManagementScope scope) {
        write(d -> {
            d.setScope(roleId, userId, scope);
            return null;
        });
    }

    /**
     * Adds a department to the store's roster, or renames the one with that id (its employees and the
     * scopes naming it keep it). Adding a department exactly as it is changes nothing, so the call is
     * safe to repeat. DingTalk's role API has no such call (its contacts API manages departments): this
     * is how the local store's roster is seeded.
     *
     * @param department the department to add or rename; not null
     * @throws NullPointerException if {@code department} is null
     * @throws UnavailableException if the store cannot be read or written
     */
    public void addDepartment(Department department) {
        Objects.requireNonNull(department, "department");
        changeRoster(state -> new DirectorySnapshot(state.groups(), state.nextId(),
                replaced(state.departments(), department, Department::id), state.employees(), state.memberships()));
    }

    /**
     * Adds an employee to the store's roster, or replaces the name and departments of the one with that
     * user id (the roles they hold and their scopes are kept). Adding an employee exactly as they are
     * changes nothing, so the call is safe to repeat. Their departments must be in the roster. DingTalk's
     * role API has no such call (its contacts API manages employees): this is how the local store's
     * roster is seeded.
     *
     * @param employee the employee to add or replace; not null
     * @throws NotFoundException {@link NotFoundException.Subject#DEPARTMENT} naming the first of the
     *     employee's departments that is not in the roster
     * @throws NullPointerException if {@code employee} is null
     * @throws UnavailableException if the store cannot be read or written
     */
    public void addEmployee(Employee employee) {
        Objects.requireNonNull(employee, "employee");
        changeRoster(state -> {
            Set<DeptId> known = new HashSet<>();
            state.departments().forEach(d -> known.add(d.id()));
            for (DeptId dept : employee.departments()) {
                if (!known.contains(dept)) {
                    throw new NotFoundException(NotFoundException.Subject.DEPARTMENT, "department " + dept
                            + " does not exist (add it first)", BackendDiagnostics.NONE);
                }
            }
            return new DirectorySnapshot(state.groups(), state.nextId(), state.departments(),
                    replaced(state.employees(), employee, Employee::id), state.memberships());
        });
    }

    /** {@code list} with {@code value} in place of the element of the same id, or at the end. */
    private static <T> List<T> replaced(List<T> list, T value, Function<T, Object> id) {
        List<T> result = new ArrayList<>(list.size() + 1);
        boolean found = false;
        for (T element : list) {
            if (id.apply(element).equals(id.apply(value))) {
                result.add(value);
                found = true;
            } else {
                result.add(element);
            }
        }
        if (!found) {
            result.add(value);
        }
        return result;
    }

    @Override
    public String toString() {
        return "LocalFileRoleDirectory[" + file + "]";
    }

    private <T> T read(Function<InMemoryRoleDirectory, T> operation) {
        inProcess.lock();
        try {
            requireDirectory(false);
            return operation.apply(load());
        } catch (IOException e) {
            throw unavailable(StoreFileException.unreadable(Reason.UNREADABLE, file, "cannot be read (" + e + ")", e));
        } catch (StoreFileException e) {
            throw unavailable(e);
        } finally {
            inProcess.unlock();
        }
    }

    private <T> T write(Function<InMemoryRoleDirectory, T> operation) {
        return locked(directory -> {
            DirectorySnapshot before = directory.snapshot();
            try {
                return operation.apply(directory);
            } finally {
                DirectorySnapshot after = directory.snapshot();
                if (!after.equals(before)) {
                    persist(directory, after);
                }
            }
        });
    }

    /** Replaces the roster part of the state: a new snapshot from the current one, written if it differs. */
    private void changeRoster(UnaryOperator<DirectorySnapshot> change) {
        locked(directory -> {
            DirectorySnapshot before = directory.snapshot();
            DirectorySnapshot after = change.apply(before);
            if (!after.equals(before)) {
                persist(InMemoryRoleDirectory.restore(after), after);
            }
            return null;
        });
    }

    /** Runs {@code operation} on the current state under the store's exclusive lock. */
    private <T> T locked(LockedOperation<T> operation) {
        inProcess.lock();
        try {
            requireDirectory(true);
            try (FileChannel lockChannel = openLockFile();
                    FileLock ignored = lock(lockChannel)) {
                return operation.apply(load());
            }
        } catch (IOException e) {
            throw unavailable(StoreFileException.unreadable(Reason.UNREADABLE, file,
                    "cannot be read or written (" + e + ")", e));
        } catch (StoreFileException e) {
            throw unavailable(e);
        } finally {
            inProcess.unlock();
        }
    }

    /** A step under the lock that may write the file. */
    private interface LockedOperation<T> {
        T apply(InMemoryRoleDirectory current) throws IOException;
    }

    /**
     * Checks that the store's directory exists, or for a write creates it when allowed.
     *
     * @throws StoreFileException naming the missing directory
     */
    private void requireDirectory(boolean forWrite) throws IOException {
        Path directory = file.getParent();
        if (Files.isDirectory(directory)) {
            return;
        }
        if (!createMissingDirectories) {
            throw new StoreFileException(Reason.MISSING_DIRECTORY, file, "the local store " + file
                    + " cannot be used: its directory " + directory
                    + (Files.exists(directory) ? " is not a directory" : " does not exist"), null);
        }
        if (forWrite) {
            if (posix(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            } else {
                Files.createDirectories(directory);
            }
        }
    }

    /**
     * Opens (or creates, readable and writable by its owner only) the lock file, never through a
     * symbolic link: a link planted there would make the store create or lock a file elsewhere.
     */
    private FileChannel openLockFile() throws IOException {
        if (Files.isSymbolicLink(lockFile)) {
            throw symbolicLink(lockFile);
        }
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        try {
            return posix(lockFile.getParent())
                    ? FileChannel.open(lockFile, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
                    : FileChannel.open(lockFile, options);
        } catch (FileSystemException e) {
            if (Files.isSymbolicLink(lockFile)) {
                throw symbolicLink(lockFile); // planted between the check and the open
            }
            throw e;
        }
    }

    private StoreFileException symbolicLink(Path path) {
        return StoreFileException.unreadable(Reason.SYMBOLIC_LINK, file,
                "cannot be used: " + path + " is a symbolic link, which the store never follows (remove it)", null);
    }

    /**
     * Takes the exclusive lock, waiting at most the lock timeout for another holder (another process,
     * or another instance in this one) to let it go.
     */
    private FileLock lock(FileChannel channel) throws IOException {
        long deadline = System.nanoTime() + lockTimeout.toNanos();
        while (true) {
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return lock;
                }
            } catch (OverlappingFileLockException e) {
                // held by another instance in this JVM: wait for it like for another process
            }
            if (System.nanoTime() - deadline >= 0) {
                throw StoreFileException.unreadable(Reason.LOCKED, file, "is locked: another process held "
                        + lockFile + " for longer than " + lockTimeout.toMillis() + " ms", null);
            }
            try {
                Thread.sleep(LOCK_RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the lock on " + lockFile);
            }
        }
    }

    private static boolean posix(Path directory) {
        return directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * The current state: the cached directory if the file has not changed, else the file's; for a store
     * not created yet, a new directory (not written).
     */
    private InMemoryRoleDirectory load() throws IOException {
        Object version;
        try {
            version = versionOfFile();
        } catch (NoSuchFileException e) {
            cached = null;
            return InMemoryRoleDirectory.create();
        }
        if (cached != null && version.equals(cachedVersion)) {
            return cached;
        }
        cached = null;
        DirectorySnapshot snapshot;
        byte[] content;
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            if (size > maxFileSize) {
                throw StoreFileException.unreadable(Reason.TOO_LARGE, file, "is " + size
                        + " bytes, over the limit of " + maxFileSize + " bytes for a store", null);
            }
            content = readAll(channel, (int) size);
        } catch (NoSuchFileException e) {
            return InMemoryRoleDirectory.create(); // removed since: as if it had never been
        }
        try {
            snapshot = StoreFormat.read(content);
        } catch (IllegalArgumentException e) {
            throw StoreFileException.unreadable(Reason.UNREADABLE, file, e.getMessage(), e);
        }
        InMemoryRoleDirectory directory = InMemoryRoleDirectory.restore(snapshot);
        // Without the file lock (a read), another process may have replaced the file while it was read:
        // cache only what is known to be the version the attributes describe.
        if (version.equals(versionOfFileOrNull())) {
            cached = directory;
            cachedVersion = version;
        }
        return directory;
    }

    /** The channel's content, {@code size} bytes as it said (less if the file shrank meanwhile). */
    private static byte[] readAll(SeekableByteChannel channel, int size) throws IOException {
        ByteBuffer content = ByteBuffer.allocate(size);
        while (content.hasRemaining() && channel.read(content) >= 0) {
            // keep reading
        }
        return Arrays.copyOf(content.array(), content.position());
    }

    /** What identifies one written version of the file: a rename gives it a new file key. */
    private Object versionOfFile() throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return List.of(String.valueOf(attributes.fileKey()), attributes.lastModifiedTime(), attributes.size());
    }

    private Object versionOfFileOrNull() throws IOException {
        try {
            return versionOfFile();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private void persist(InMemoryRoleDirectory directory, DirectorySnapshot snapshot) throws IOException {
        cached = null;
        save(snapshot);
        cachedVersion = versionOfFile();
        cached = directory;
    }

    private void save(DirectorySnapshot snapshot) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(StoreFormat.write(snapshot));
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system cannot replace " + file + " atomically", e);
            }
            forceDirectory(file.getParent());
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Makes the rename durable where the platform allows opening a directory (Linux, macOS). */
    private static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not possible on this platform (e.g. Windows); the rename itself is still atomic.
        }
    }

    private static UnavailableException unavailable(StoreFileException e) {
        return new UnavailableException(e.getMessage(), false, false, BackendDiagnostics.NONE, e);
    }

    /** Configures a {@link LocalFileRoleDirectory}. Not thread-safe; build once, share the directory. */
    public static final class Builder {
        private final Path file;
        private boolean createMissingDirectories;
        private long maxFileSize = DEFAULT_MAX_FILE_SIZE;
        private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;

        private Builder(Path file) {
            Path absolute = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
            if (absolute.getFileName() == null) {
                throw new IllegalArgumentException("the local store needs a file name, not " + file);
            }
            this.file = absolute;
        }

        /**
         * Whether the first write creates the store's directory (and its parents) when missing. Off by
         * default: a mistyped directory is then an error naming it, not a new directory tree. Turn it on
         * for a default location of your own, such as a directory under the user's home. Directories it
         * creates are readable by their owner only (0700) where the file system has POSIX permissions.
         *
         * @param create {@code true} to create missing directories on the first write
         * @return this builder
         */
        public Builder createMissingDirectories(boolean create) {
            this.createMissingDirectories = create;
            return this;
        }

        /**
         * The largest store file read, in bytes ({@link #DEFAULT_MAX_FILE_SIZE} by default); a larger file
         * is refused before any of it is read, with the limit in the message.
         *
         * @param bytes the largest file size read, in bytes; 1 to 1 GiB
         * @return this builder
         * @throws IllegalArgumentException if {@code bytes} is not positive or over 1 GiB
         */
        public Builder maxFileSize(long bytes) {
            if (bytes <= 0 || bytes > (1L << 30)) {
                throw new IllegalArgumentException("the store's size limit must be between 1 byte and 1 GiB, not " + bytes);
            }
            this.maxFileSize = bytes;
            return this;
        }

        /**
         * How long a write waits for another holder of the store's lock ({@link #DEFAULT_LOCK_TIMEOUT} by
         * default) before it fails, naming the lock file. Reads take no lock and never wait.
         *
         * @param timeout how long a write waits for the lock; zero or positive
         * @return this builder
         * @throws IllegalArgumentException if the timeout is negative
         * @throws NullPointerException if {@code timeout} is null
         */
        public Builder lockTimeout(Duration timeout) {
            if (Objects.requireNonNull(timeout, "timeout").isNegative()) {
                throw new IllegalArgumentException("the lock timeout must not be negative, not " + timeout);
            }
            this.lockTimeout = timeout;
            return this;
        }

        /**
         * The directory. Touches no file: the file is read on first use and created on the first write.
         *
         * @return a new directory over the builder's file
         */
        public LocalFileRoleDirectory build() {
            return new LocalFileRoleDirectory(this);
        }
    }
}
