package io.github.dingtalkroles.dingtalk;

import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.RoleDirectoryException;
import io.github.dingtalkroles.port.UnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens from {@code GET /gettoken} with an internal app's key and secret.
 *
 * <ul>
 *   <li>Cached for {@code expires_in} minus the refresh margin, but at least the minimum lifetime
 *       (also when {@code expires_in} is missing or 0) and at most {@link #MAXIMUM_LIFETIME} (DingTalk
 *       grants 7,200 s; a larger value is a broken reply, not a reason to fail or overflow).</li>
 *   <li>Single flight: when no valid token is cached, the first thread fetches one and every other
 *       thread waits for that same fetch and shares its result, token or failure.</li>
 *   <li>Within the caller's time ({@link #currentToken(Duration)}): the fetching thread's request ends
 *       by its operation's deadline, and a waiting thread stops waiting at its own.</li>
 *   <li>{@link #invalidate} forgets the token only if it is still the current one, so a late report
 *       about an old token does not throw away a fresh one.</li>
 * </ul>
 */
final class AppCredentialsTokenSource implements AccessTokenSource {
    static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofMinutes(5);
    static final Duration DEFAULT_MINIMUM_LIFETIME = Duration.ofSeconds(60);
    /** The longest a token is cached, whatever {@code expires_in} says. */
    static final Duration MAXIMUM_LIFETIME = Duration.ofDays(1);

    private static final Logger LOG = LoggerFactory.getLogger(AppCredentialsTokenSource.class);

    private final DingTalkHttp http;
    private final TokenApi api;
    private final String appKey;
    private final AppSecret appSecret;
    private final Duration fetchBudget;
    private final Duration refreshMargin;
    private final Duration minimumLifetime;
    private final LongSupplier nanoClock;

    private final Object lock = new Object();
    private Cached current;
    private CompletableFuture<AccessToken> inFlight;

    /** A token and the {@link #nanoClock} reading after which it is renewed. */
    private record Cached(AccessToken token, long renewAtNanos) {
    }

    AppCredentialsTokenSource(DingTalkHttp http, String appKey, AppSecret appSecret, Duration fetchBudget,
            Duration refreshMargin, Duration minimumLifetime, LongSupplier nanoClock) {
        this.http = http;
        this.api = http.tokenApi();
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.fetchBudget = fetchBudget;
        this.refreshMargin = refreshMargin;
        this.minimumLifetime = minimumLifetime;
        this.nanoClock = nanoClock;
    }

    @Override
    public AccessToken currentToken() {
        return currentToken(fetchBudget);
    }

    @Override
    public AccessToken currentToken(Duration timeLeft) {
        Deadline deadline = Deadline.after(timeLeft.compareTo(fetchBudget) < 0 ? timeLeft : fetchBudget);
        CompletableFuture<AccessToken> flight;
        boolean leader = false;
        synchronized (lock) {
            if (current != null && nanoClock.getAsLong() - current.renewAtNanos() < 0) {
                return current.token();
            }
            if (inFlight == null) {
                inFlight = new CompletableFuture<>();
                leader = true;
            }
            flight = inFlight;
        }
        if (leader) {
            fetchFor(flight, deadline);
        }
        return await(flight, deadline);
    }

    @Override
    public void invalidate(AccessToken rejected) {
        synchronized (lock) {
            if (current != null && current.token().equals(rejected)) {
                LOG.debug("DingTalk refused the current access token of app {}; the next call fetches a new one", appKey);
                current = null;
            }
        }
    }

    private void fetchFor(CompletableFuture<AccessToken> flight, Deadline deadline) {
        try {
            Cached fetched = fetch(deadline);
            synchronized (lock) {
                current = fetched;
                inFlight = null;
            }
            flight.complete(fetched.token());
        } catch (RuntimeException | Error e) {
            synchronized (lock) {
                inFlight = null;
            }
            flight.completeExceptionally(e);
        }
    }

    private Cached fetch(Deadline deadline) {
        LOG.debug("fetching an access token for app {}", appKey);
        String secret = appSecret.reveal();
        TokenApi.TokenReply reply;
        try {
            reply = http.send("gettoken", deadline, options -> api.getToken(appKey, secret, options), secret);
        } catch (AttemptFailed f) {
            http.metrics().tokenFetch(DingTalkErrors.outcomeTag(f.reported()));
            throw f.reported();
        }
        AccessToken token;
        try {
            token = AccessToken.of(reply.accessToken());
        } catch (RuntimeException e) {
            // AccessToken's message may quote the value: not passed on
            http.metrics().tokenFetch("unavailable");
            throw new UnavailableException("DingTalk returned invalid data for gettoken: no usable access_token",
                    false, false, new BackendDiagnostics("0", null, null), null);
        }
        http.metrics().tokenFetch("success");
        long expiresIn = reply.expiresIn() == null ? 0 : Math.max(0, reply.expiresIn());
        long fetchedAt = nanoClock.getAsLong();
        Duration lifetime = Duration.ofSeconds(Math.min(expiresIn, MAXIMUM_LIFETIME.toSeconds()))
                .minus(refreshMargin);
        if (lifetime.compareTo(minimumLifetime) < 0) {
            lifetime = minimumLifetime;
        }
        LOG.debug("obtained an access token for app {}, cached for {} s", appKey, lifetime.toSeconds());
        return new Cached(token, fetchedAt + lifetime.toNanos());
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
        return "AccessTokenSource.appCredentials(" + appKey + ", " + appSecret + ")";
    }
}
