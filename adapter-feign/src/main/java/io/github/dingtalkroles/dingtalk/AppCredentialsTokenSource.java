package io.github.dingtalkroles.dingtalk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.RoleDirectoryException;
import io.github.dingtalkroles.port.UnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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

    private static final ErrorMapper GETTOKEN_ERRORS = ErrorMapper.NONE;

    private final DingTalkHttp http;
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

    /**
     * The {@code /gettoken} success body.
     *
     * @param accessToken {@code access_token}
     * @param expiresIn {@code expires_in} in seconds, 0 if missing, null or negative
     */
    record TokenReply(AccessToken accessToken, long expiresIn) {

        /**
         * Reads the body during the reply's streaming pass: {@code access_token} must be a JSON string that
         * {@link AccessToken#of} accepts, {@code expires_in} an integer or numeric string as {@link Json}
         * reads them (a fraction is refused, not truncated). Other fields are ignored. Its result throws a
         * non-retryable {@link UnavailableException} if the body holds no usable token or expiry; the
         * message never quotes the body.
         */
        static BodyReader<TokenReply> reader() {
            return new BodyReader<>() {
                private String token;
                private long expiresIn;

                @Override
                protected boolean read(String field, JsonParser p) throws IOException {
                    switch (field) {
                        case "access_token" -> token = Json.readString(p, "access_token");
                        case "expires_in" -> expiresIn = p.currentToken() == JsonToken.VALUE_NULL ? 0
                                : Json.readLong(p, "expires_in");
                        default -> {
                            return false;
                        }
                    }
                    return true;
                }

                @Override
                protected TokenReply result(SuccessBody body, RuntimeException problem) {
                    if (problem != null) {
                        throw body.invalid("DingTalk returned invalid data for gettoken: " + problem.getMessage());
                    }
                    try {
                        return new TokenReply(AccessToken.of(token), Math.max(0, expiresIn));
                    } catch (RuntimeException e) {
                        // AccessToken's message may quote the value: not passed on
                        throw body.invalid("DingTalk's gettoken reply holds no usable access_token");
                    }
                }
            };
        }
    }

    AppCredentialsTokenSource(DingTalkHttp http, String appKey, AppSecret appSecret, Duration fetchBudget,
            Duration refreshMargin, Duration minimumLifetime, LongSupplier nanoClock) {
        this.http = http;
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.fetchBudget = fetchBudget;
        this.refreshMargin = refreshMargin;
        this.minimumLifetime = minimumLifetime;
        this.nanoClock = nanoClock;
    }

    @Override
    public AccessToken currentToken() {
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
            fetchFor(flight);
        }
        return await(flight);
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

    private void fetchFor(CompletableFuture<AccessToken> flight) {
        try {
            Cached fetched = fetch();
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

    private Cached fetch() {
        LOG.debug("fetching an access token for app {}", appKey);
        String secret = appSecret.reveal();
        TokenReply decoded;
        try {
            BodyReader<TokenReply> reader = TokenReply.reader();
            Reply reply = http.exchange("gettoken", Deadline.after(fetchBudget), options -> http.api().getToken(
                    FormUrlEncoder.encodeQueryValue(appKey), FormUrlEncoder.encodeQueryValue(secret), options), reader,
                    secret);
            decoded = DingTalkErrors.success(reply, reader, "gettoken", GETTOKEN_ERRORS, secret);
        } catch (AttemptFailed f) {
            throw f.reported();
        }
        long fetchedAt = nanoClock.getAsLong();
        AccessToken token = decoded.accessToken();
        Duration lifetime = Duration.ofSeconds(Math.min(decoded.expiresIn(), MAXIMUM_LIFETIME.toSeconds()))
                .minus(refreshMargin);
        if (lifetime.compareTo(minimumLifetime) < 0) {
            lifetime = minimumLifetime;
        }
        LOG.debug("obtained an access token for app {}, cached for {} s", appKey, lifetime.toSeconds());
        return new Cached(token, fetchedAt + lifetime.toNanos());
    }

    private static AccessToken await(CompletableFuture<AccessToken> flight) {
        try {
            return flight.get();
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
