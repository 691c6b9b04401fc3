package io.github.dingtalkroles.dingtalk;

import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.RoleDirectoryException;
import io.github.dingtalkroles.port.UnavailableException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AccessTokenCache#inProcess()}: per app key, the current token and the {@link #nanoClock} reading after
 * which it is due, and the fetch in flight if any.
 *
 * <ul>
 *   <li>Single flight: when no valid token is cached, the first thread fetches one and every other thread waits for
 *       that same fetch and shares its result, token or failure.</li>
 *   <li>Within the caller's time: the fetching thread gives the fetch what it has left, and a waiting thread stops
 *       waiting at its own deadline.</li>
 *   <li>{@link #invalidate} forgets the token only if it is still the current one.</li>
 * </ul>
 * Thread-safe: each app's slot is guarded by its own monitor, never held during a fetch.
 */
final class InProcessAccessTokenCache implements AccessTokenCache {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessAccessTokenCache.class);

    private final LongSupplier nanoClock;
    private final ConcurrentMap<String, Slot> slots = new ConcurrentHashMap<>();

    /** A token and the {@link #nanoClock} reading after which it is due. */
    private record Cached(AccessToken token, long dueAtNanos) {
    }

    /** One app's token and fetch in flight; guarded by its own monitor. */
    private static final class Slot {
        private Cached current;
        private CompletableFuture<AccessToken> inFlight;
    }

    InProcessAccessTokenCache(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    @Override
    public Optional<AccessToken> cached(String appKey) {
        Slot slot = slot(appKey);
        synchronized (slot) {
            return Optional.ofNullable(valid(slot));
        }
    }

    @Override
    public AccessToken getOrFetch(String appKey, Duration timeLeft, Fetch fetch) {
        Deadline deadline = Deadline.after(timeLeft);
        Slot slot = slot(appKey);
        CompletableFuture<AccessToken> flight;
        boolean leader = false;
        synchronized (slot) {
            AccessToken token = valid(slot);
            if (token != null) {
                return token;
            }
            if (slot.inFlight == null) {
                slot.inFlight = new CompletableFuture<>();
                leader = true;
            }
            flight = slot.inFlight;
        }
        if (leader) {
            fetchFor(slot, flight, deadline, fetch);
        }
        return await(flight, deadline);
    }

    @Override
    public void invalidate(String appKey, AccessToken rejected) {
        Slot slot = slot(appKey);
        synchronized (slot) {
            if (slot.current != null && slot.current.token().equals(rejected)) {
                LOG.debug("DingTalk refused the current access token of app {}; the next call fetches a new one",
                        appKey);
                slot.current = null;
            }
        }
    }

    private Slot slot(String appKey) {
        return slots.computeIfAbsent(appKey, key -> new Slot());
    }

    /** The slot's token if it is not due yet; call holding the slot's monitor. */
    private AccessToken valid(Slot slot) {
        return slot.current != null && nanoClock.getAsLong() - slot.current.dueAtNanos() < 0
                ? slot.current.token() : null;
    }

    private void fetchFor(Slot slot, CompletableFuture<AccessToken> flight, Deadline deadline, Fetch fetch) {
        try {
            Fetched fetched = fetch.fetch(deadline.remaining());
            long fetchedAt = nanoClock.getAsLong();
            synchronized (slot) {
                slot.current = new Cached(fetched.token(), fetchedAt + fetched.lifetime().toNanos());
                slot.inFlight = null;
            }
            flight.complete(fetched.token());
        } catch (RuntimeException | Error e) {
            synchronized (slot) {
                slot.inFlight = null;
            }
            flight.completeExceptionally(e);
        }
    }

    private static AccessToken await(CompletableFuture<AccessToken> flight, Deadline deadline) {
        try {
            return flight.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new UnavailableException("timed out waiting for another thread's access token request", true,
                    false, BackendDiagnostics.NONE, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while waiting for an access token", false, false,
                    BackendDiagnostics.NONE, null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RoleDirectoryException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new UnavailableException("could not obtain an access token", false, false, BackendDiagnostics.NONE,
                    RedactedCause.of(e.getCause()));
        }
    }

    @Override
    public String toString() {
        return "AccessTokenCache.inProcess()";
    }
}
