package io.github.dingtalkroles.dingtalk;

import io.github.dingtalkroles.domain.RoleAssignment;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.port.AssignmentFailedException;
import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.RoleDirectoryException;
import io.github.dingtalkroles.port.UnavailableException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A grant or revoke of any number of roles and users, split into calls within DingTalk's per-call limits
 * and sent concurrently on a bounded executor; each call takes its slot from the directory's one rate
 * limiter, so the calls together keep to the rate limit. After the first call that fails for good, no
 * further call is started; the calls already running finish, and the failure reports exactly the pairs
 * of the calls that succeeded. Confined to the thread that runs it (the calls run on the executor).
 */
final class BulkAssignment {
    /** Most role ids one call takes (grant and revoke). */
    static final int MAX_ROLES_PER_CALL = 20;
    /** Most user ids one grant call takes. */
    static final int MAX_GRANT_USERS_PER_CALL = 20;
    /** Most user ids one revoke call takes. */
    static final int MAX_REVOKE_USERS_PER_CALL = 100;

    /** One call's share: at most the per-call limits of roles and users. */
    record Chunk(List<RoleId> roles, List<UserId> users) {
        List<RoleAssignment> pairs() {
            return List.copyOf(RoleAssignment.every(roles, users));
        }
    }

    /** Sends one chunk, with the directory's retries, deadline and rate limit; throws the port's exceptions. */
    @FunctionalInterface
    interface Send {
        void send(Chunk chunk);
    }

    private BulkAssignment() {
    }

    /** {@code roles} x {@code users} in chunks of at most {@value #MAX_ROLES_PER_CALL} roles and {@code maxUsers} users. */
    static List<Chunk> split(List<RoleId> roles, List<UserId> users, int maxUsers) {
        List<Chunk> chunks = new ArrayList<>();
        for (int r = 0; r < roles.size(); r += MAX_ROLES_PER_CALL) {
            List<RoleId> roleSlice = roles.subList(r, Math.min(r + MAX_ROLES_PER_CALL, roles.size()));
            for (int u = 0; u < users.size(); u += maxUsers) {
                chunks.add(new Chunk(List.copyOf(roleSlice), List.copyOf(users.subList(u, Math.min(u + maxUsers,
                        users.size())))));
            }
        }
        return chunks;
    }

    /**
     * Sends every chunk on {@code executor}.
     *
     * @throws AssignmentFailedException if a chunk failed for good, or the calling thread was interrupted
     */
    static void run(String operation, List<Chunk> chunks, ExecutorService executor, Send send) {
        ExecutorCompletionService<Chunk> completed = new ExecutorCompletionService<>(executor);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Chunk>> futures = new ArrayList<>(chunks.size());
        for (Chunk chunk : chunks) {
            futures.add(completed.submit(() -> {
                if (stop.get()) {
                    throw new CancellationException("not sent: an earlier call failed");
                }
                try {
                    send.send(chunk);
                } catch (RuntimeException e) {
                    stop.set(true); // before this call's thread can take another: no call starts after it
                    throw e;
                }
                return chunk;
            }));
        }
        Set<RoleAssignment> applied = new LinkedHashSet<>();
        RoleDirectoryException failure = null;
        for (int i = 0; i < futures.size(); i++) {
            Future<Chunk> done;
            try {
                done = completed.take();
            } catch (InterruptedException e) {
                stop.set(true);
                futures.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : new UnavailableException(operation
                        + " was interrupted; calls in progress may or may not have taken effect", false, true,
                        BackendDiagnostics.NONE, null);
                break;
            }
            try {
                applied.addAll(done.get().pairs());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof CancellationException) {
                    continue;
                }
                if (failure == null) {
                    stop.set(true);
                    failure = e.getCause() instanceof RoleDirectoryException reported ? reported
                            : new UnavailableException(operation + " failed unexpectedly", false, false,
                                    BackendDiagnostics.NONE, RedactedCause.of(e.getCause()));
                }
            } catch (InterruptedException | CancellationException e) {
                throw new IllegalStateException("a completed call cannot be interrupted or cancelled", e);
            }
        }
        if (failure != null) {
            Set<RoleAssignment> notApplied = new LinkedHashSet<>();
            chunks.forEach(c -> notApplied.addAll(c.pairs()));
            notApplied.removeAll(applied);
            throw new AssignmentFailedException(operation, applied, notApplied, failure);
        }
    }
}
