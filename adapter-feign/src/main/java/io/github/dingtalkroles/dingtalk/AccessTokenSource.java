package io.github.dingtalkroles.dingtalk;

import io.github.dingtalkroles.port.NotAuthorizedException;
import io.github.dingtalkroles.port.ThrottledException;
import io.github.dingtalkroles.port.UnavailableException;
import feign.Client;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a {@link DingTalkRoleDirectory} gets the access token that each call carries.
 *
 * <p>Two sources come with the library: {@link #fixed(AccessToken)}, for a token you manage yourself,
 * and {@link #appCredentials(String, AppSecret)}, which obtains tokens from DingTalk's
 * {@code GET /gettoken} with an internal app's key and secret, caches each for its lifetime and
 * renews it once for all threads (in an {@link AccessTokenCache}: in-process, or shared by many instances). You may
 * implement your own (e.g. over a company token service).
 *
 * <p>Implementations must be safe for concurrent use: a directory calls them from every thread that
 * uses it.
 */
public interface AccessTokenSource {

    /**
     * The token to use now, obtaining one first if there is none or the cached one is about to expire.
     * May block while a token is fetched.
     *
     * @return the current token
     * @throws NotAuthorizedException if the credentials are refused
     * @throws ThrottledException if DingTalk throttles token requests
     * @throws UnavailableException if no token could be obtained for another reason
     */
    AccessToken currentToken();

    /**
     * As {@link #currentToken()}, for a caller that has only {@code timeLeft}: a source that must fetch a
     * token, or wait for another thread's fetch, gives up when that time has passed. The directory calls
     * this one, so that a token fetch shares the deadline of the operation that needs it. The default
     * ignores {@code timeLeft}; the app-credentials source honours it.
     *
     * @param timeLeft how long the caller can wait, positive
     * @return the current token
     * @throws NotAuthorizedException if the credentials are refused
     * @throws ThrottledException if DingTalk throttles token requests
     * @throws UnavailableException if no token could be obtained in time or for another reason
     */
    default AccessToken currentToken(Duration timeLeft) {
        return currentToken();
    }

    /**
     * Tells the source that DingTalk refused {@code rejected} (invalid or expired). If it is still the
     * current token, the next {@link #currentToken()} obtains a fresh one; if another thread has
     * already replaced it, nothing happens. The directory then replays the refused call once, if the
     * source now offers a different token.
     *
     * @param rejected the token DingTalk refused
     */
    void invalidate(AccessToken rejected);

    /**
     * The app whose tokens this source offers, if it knows: the directory asks its {@link CallPermits} for
     * permits under this app key (or under {@code "-"} when it is empty). The default is empty; the
     * app-credentials source names its app key.
     *
     * @return the app key, or empty
     */
    default Optional<String> appKey() {
        return Optional.empty();
    }

    /**
     * A source that always offers {@code token} and cannot renew it: once DingTalk refuses it, calls
     * fail with {@link NotAuthorizedException}.
     *
     * @param token the token to use
     * @return the source; immutable and thread-safe
     */
    static AccessTokenSource fixed(AccessToken token) {
        return new FixedAccessTokenSource(Objects.requireNonNull(token, "token"));
    }

    /**
     * A source that obtains tokens with an internal app's key and secret from
     * {@code https://oapi.dingtalk.com/gettoken}, with the defaults of {@link AppCredentialsBuilder}.
     * {@link DingTalkRoleDirectory.Builder#appCredentials(String, AppSecret)} builds the same source on the
     * directory's own base URL and HTTP client; use this factory to share one source between
     * directories.
     *
     * @param appKey the app's key ({@code appkey})
     * @param appSecret the app's secret
     * @return the source, thread-safe
     */
    static AccessTokenSource appCredentials(String appKey, AppSecret appSecret) {
        return appCredentialsBuilder(appKey, appSecret).build();
    }

    /**
     * A builder for an app-credentials source with settings other than the defaults.
     *
     * @param appKey the app's key ({@code appkey})
     * @param appSecret the app's secret
     * @return a new builder
     */
    static AppCredentialsBuilder appCredentialsBuilder(String appKey, AppSecret appSecret) {
        return new AppCredentialsBuilder(appKey, appSecret);
    }

    /**
     * Builds an {@link AccessTokenSource} over DingTalk's {@code GET /gettoken?appkey=..&appsecret=..}.
     * The source caches each token for DingTalk's {@code expires_in} minus {@link #refreshMargin} (but
     * at least {@link #minimumLifetime}, also when {@code expires_in} is missing or 0); when the token
     * is due, exactly one thread fetches the next one while the others wait for it. The tokens are kept in
     * an {@link AccessTokenCache}: the source's own in-process one, or one shared by many instances
     * ({@link #cache}), for one fetch per token lifetime in the whole cluster.
     *
     * <p>Defaults: base URL {@code https://oapi.dingtalk.com}, its own Apache HttpClient 5 (as
     * {@link DingTalkRoleDirectory.Builder#feignClient} describes), connect timeout 5 s, read timeout 10 s
     * (a fetch also ends with the deadline of the operation that needs the token), refresh margin 5 min,
     * minimum lifetime 60 s, no traffic logging, an in-process cache of its own.
     *
     * <p>Not thread-safe; the source it builds is.
     */
    final class AppCredentialsBuilder {
        private final String appKey;
        private final AppSecret appSecret;
        private URI baseUrl = DingTalkRoleDirectory.DEFAULT_BASE_URL;
        private Client feignClient;
        private Duration connectTimeout = DingTalkRoleDirectory.DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DingTalkRoleDirectory.DEFAULT_READ_TIMEOUT;
        private Duration refreshMargin = AppCredentialsTokenSource.DEFAULT_REFRESH_MARGIN;
        private Duration minimumLifetime = AppCredentialsTokenSource.DEFAULT_MINIMUM_LIFETIME;
        private boolean logHttpTraffic;
        private DingTalkMetrics metrics = DingTalkMetrics.NONE;
        private AccessTokenCache cache;

        AppCredentialsBuilder(String appKey, AppSecret appSecret) {
            Objects.requireNonNull(appKey, "appKey");
            if (appKey.isBlank()) {
                throw new IllegalArgumentException("appKey must not be blank");
            }
            this.appKey = appKey.strip();
            this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
        }

        /**
         * DingTalk's base URL, {@code http} or {@code https} (default {@code https://oapi.dingtalk.com}).
         *
         * @param baseUrl the base URL, e.g. {@code http://localhost:8080} for a local emulator
         * @return this builder
         */
        public AppCredentialsBuilder baseUrl(String baseUrl) {
            this.baseUrl = Settings.baseUrl(baseUrl);
            return this;
        }

        /**
         * The Feign client to send {@code /gettoken} with, instead of the source's own, e.g. one with your
         * proxy, TLS settings, connection pool and metrics; see
         * {@link DingTalkRoleDirectory.Builder#feignClient(Client)}. The source never closes it.
         *
         * @param client the client
         * @return this builder
         */
        public AppCredentialsBuilder feignClient(Client client) {
            this.feignClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * Connect timeout of the source's own transport (default 5 s).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public AppCredentialsBuilder connectTimeout(Duration timeout) {
            this.connectTimeout = Settings.positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * How long to wait for the {@code /gettoken} reply (default 10 s).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public AppCredentialsBuilder readTimeout(Duration timeout) {
            this.readTimeout = Settings.positive(timeout, "readTimeout");
            return this;
        }

        /**
         * How long before DingTalk's stated expiry a token is renewed (default 5 min).
         *
         * @param margin zero or positive
         * @return this builder
         */
        public AppCredentialsBuilder refreshMargin(Duration margin) {
            this.refreshMargin = Settings.notNegative(margin, "refreshMargin");
            return this;
        }

        /**
         * The shortest time a token is cached, also when DingTalk states no lifetime (default 60 s).
         *
         * @param lifetime a positive duration
         * @return this builder
         */
        public AppCredentialsBuilder minimumLifetime(Duration lifetime) {
            this.minimumLifetime = Settings.positive(lifetime, "minimumLifetime");
            return this;
        }

        /**
         * Whether to log each {@code /gettoken} request and reply at DEBUG under
         * {@code io.github.dingtalkroles.dingtalk.DingTalkApi}, with key secrets and tokens masked
         * (default {@code false}).
         *
         * @param enabled whether to log
         * @return this builder
         */
        public AppCredentialsBuilder logHttpTraffic(boolean enabled) {
            this.logHttpTraffic = enabled;
            return this;
        }

        /**
         * Where to report token fetches (default {@link DingTalkMetrics#NONE}).
         *
         * @param metrics the metrics
         * @return this builder
         */
        public AppCredentialsBuilder metrics(DingTalkMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /**
         * Where to keep the tokens (default: a new {@link AccessTokenCache#inProcess()} cache of this source's
         * own). Pass one cache shared by every instance of your platform, e.g. the Redis one of
         * {@code roles-redis}, for one {@code /gettoken} per token lifetime in the whole cluster.
         *
         * @param cache the cache
         * @return this builder
         */
        public AppCredentialsBuilder cache(AccessTokenCache cache) {
            this.cache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /**
         * The source. Builds no connection yet; the first {@link AccessTokenSource#currentToken()}
         * fetches the first token.
         *
         * @return a new, thread-safe source
         */
        public AccessTokenSource build() {
            Client client = feignClient != null ? feignClient
                    : new feign.hc5.ApacheHttp5Client(DefaultHttpClient.create(connectTimeout, null));
            DingTalkHttp http = new DingTalkHttp(baseUrl, client, connectTimeout, readTimeout, logHttpTraffic, metrics);
            return new AppCredentialsTokenSource(http, appKey, appSecret, readTimeout.plus(connectTimeout),
                    refreshMargin, minimumLifetime, cache != null ? cache : AccessTokenCache.inProcess());
        }
    }
}
