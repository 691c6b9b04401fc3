package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.inmemory.DirectorySnapshot;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleDirectory;
import io.github.dingtalkroles.port.RoleGroupPage;
import io.github.dingtalkroles.port.UnavailableException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The CLI's embedded default backend: a {@link RoleDirectory} kept in one JSON file.
 *
 * <p>Each operation takes an exclusive lock (a lock file beside the store, plus an in-process lock),
 * reads the file if it changed since this process last read it, applies the operation to an
 * {@link InMemoryRoleDirectory} (so every rule is the in-memory backend's), and for a write, writes
 * the new state to a temporary file, forces it to disk and renames it over the store atomically. A
 * process killed at any point leaves the old or the new file, never a torn one; concurrent processes
 * are serialised, so no write is lost.
 *
 * <p>A missing file is created with the Default group. A file that cannot be read as a store is never
 * replaced: operations fail with an {@link UnavailableException} caused by a {@link LocalStoreException}.
 *
 * <p>Thread-safe.
 */
final class LocalStore implements RoleDirectory {
    private final Path file;
    private final Path lockFile;
    private final ReentrantLock inProcess = new ReentrantLock();

    private InMemoryRoleDirectory cached;
    private Object cachedVersion;

    LocalStore(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
    }

    /** Creates the file if it is missing and checks that it can be read. */
    LocalStore open() {
        locked(false, directory -> null);
        return this;
    }

    @Override
    public RoleGroup addRoleGroup(RoleGroupName name) {
        return locked(true, d -> d.addRoleGroup(name));
    }

    @Override
    public Role addRole(RoleGroupId groupId, RoleName name) {
        return locked(true, d -> d.addRole(groupId, name));
    }

    @Override
    public void renameRole(RoleId roleId, RoleName newName) {
        locked(true, d -> {
            d.renameRole(roleId, newName);
            return null;
        });
    }

    @Override
    public RoleGroupPage listRoleGroups(PageRequest page) {
        return locked(false, d -> d.listRoleGroups(page));
    }

    @Override
    public Optional<RoleGroup> findRoleGroup(RoleGroupId groupId) {
        return locked(false, d -> d.findRoleGroup(groupId));
    }

    @Override
    public Optional<Role> findRole(RoleId roleId) {
        return locked(false, d -> d.findRole(roleId));
    }

    @Override
    public void deleteRole(RoleId roleId) {
        locked(true, d -> {
            d.deleteRole(roleId);
            return null;
        });
    }

    @Override
    public String toString() {
        return "LocalStore[" + file + "]";
    }

    private <T> T locked(boolean write, Function<InMemoryRoleDirectory, T> operation) {
        inProcess.lock();
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = lockChannel.lock()) {
                InMemoryRoleDirectory directory = load();
                DirectorySnapshot before = write ? directory.snapshot() : null;
                try {
                    return operation.apply(directory);
                } finally {
                    if (write) {
                        DirectorySnapshot after = directory.snapshot();
                        if (!after.equals(before)) {
                            persist(directory, after);
                        }
                    }
                }
            }
        } catch (IOException e) {
            cached = null;
            throw unavailable(new LocalStoreException(file, "cannot be read or written (" + e + ")", e));
        } catch (LocalStoreException e) {
            cached = null;
            throw unavailable(e);
        } finally {
            inProcess.unlock();
        }
    }

    /** The current state: the cached directory if the file has not changed, else the file's. */
    private InMemoryRoleDirectory load() throws IOException {
        Object version;
        try {
            version = versionOfFile();
        } catch (NoSuchFileException e) {
            InMemoryRoleDirectory fresh = InMemoryRoleDirectory.create();
            persist(fresh, fresh.snapshot());
            return fresh;
        }
        if (cached != null && version.equals(cachedVersion)) {
            return cached;
        }
        DirectorySnapshot snapshot;
        try {
            snapshot = StoreFormat.read(Files.readAllBytes(file));
        } catch (IllegalArgumentException e) {
            throw new LocalStoreException(file, e.getMessage(), e);
        }
        cached = InMemoryRoleDirectory.restore(snapshot);
        cachedVersion = version;
        return cached;
    }

    /** What identifies one written version of the file: a rename gives it a new file key. */
    private Object versionOfFile() throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return List.of(String.valueOf(attributes.fileKey()), attributes.lastModifiedTime(), attributes.size());
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

    private static UnavailableException unavailable(LocalStoreException e) {
        return new UnavailableException(e.getMessage(), false, false, BackendDiagnostics.NONE, e);
    }
}
