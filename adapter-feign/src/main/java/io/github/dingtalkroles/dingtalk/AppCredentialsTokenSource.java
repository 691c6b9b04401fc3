package io.github.dingtalkroles.dingtalk;

import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.UnavailableException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens from {@code GET /gettoken} with an internal app's key and secret, kept in an
 * {@link AccessTokenCache} (in-process by default, or one shared by many instances).
 *
 * <ul>
 *   <li>Cached for {@code expires_in} minus the refresh margin, but at least the minimum lifetime
 *       (also when {@code expires_in} is missing or 0) and at most {@link #MAXIMUM_LIFETIME} (DingTalk
 *       grants 7,200 s; a larger value is a broken reply, not a reason to fail or overflow).</li>
 *   <li>Fetched once for all who share the cache (see its contract), within the caller's time
 *       ({@link #currentToken(Duration)}), and never longer than the source's own fetch budget.</li>
 *   <li>{@link #invalidate} asks the cache to forget the token only if it is still the current one.</li>
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
    private final AccessTokenCache cache;

    AppCredentialsTokenSource(DingTalkHttp http, String appKey, AppSecret appSecret, Duration fetchBudget,
            Duration refreshMargin, Duration minimumLifetime, AccessTokenCache cache) {
        this.http = http;
        this.api = http.tokenApi();
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.fetchBudget = fetchBudget;
        this.refreshMargin = refreshMargin;
        this.minimumLifetime = minimumLifetime;
        this.cache = cache;
    }

    @Override
    public AccessToken currentToken() {
        return currentToken(fetchBudget);
    }

    @Override
    public AccessToken currentToken(Duration timeLeft) {
        return cache.getOrFetch(appKey, timeLeft.compareTo(fetchBudget) < 0 ? timeLeft : fetchBudget, this::fetch);
    }

    @Override
    public void invalidate(AccessToken rejected) {
        cache.invalidate(appKey, rejected);
    }

    @Override
    public Optional<String> appKey() {
        return Optional.of(appKey);
    }

    private AccessTokenCache.Fetched fetch(Duration timeLeft) {
        Deadline deadline = Deadline.after(timeLeft);
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
        Duration lifetime = Duration.ofSeconds(Math.min(expiresIn, MAXIMUM_LIFETIME.toSeconds()))
                .minus(refreshMargin);
        if (lifetime.compareTo(minimumLifetime) < 0) {
            lifetime = minimumLifetime;
        }
        LOG.debug("obtained an access token for app {}, cached for {} s", appKey, lifetime.toSeconds());
        return new AccessTokenCache.Fetched(token, lifetime);
    }

    @Override
    public String toString() {
        return "AccessTokenSource.appCredentials(" + appKey + ", " + appSecret + ", " + cache + ")";
    }
}
