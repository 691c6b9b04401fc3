package io.github.dingtalkroles.dingtalk;

import io.github.dingtalkroles.port.NotAuthorizedException;
import io.github.dingtalkroles.port.RoleDirectoryException;
import io.github.dingtalkroles.port.UnavailableException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an app-credentials {@link AccessTokenSource} keeps its tokens, one per app key: the token every call
 * carries until it is due, fetched from {@code GET /gettoken} once for all who need it.
 *
 * <p>The default, {@link #inProcess()}, keeps them in the source's own memory: one {@code /gettoken} per token
 * lifetime for each source. When many instances of a platform call DingTalk for one app, pass one cache shared by
 * all of them ({@link AccessTokenSource.AppCredentialsBuilder#cache}, {@link DingTalkRoleDirectory.Builder#tokenCache}),
 * such as the Redis one of the {@code roles-redis} module, for one {@code /gettoken} per lifetime in the whole
 * cluster. DingTalk asks clients to do so: its {@code /gettoken} is throttled.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Thread safety:</b> implementations must be safe for concurrent use by every thread of every directory
 *       that shares them.</li>
 *   <li><b>Fetch once for all:</b> {@link #getOrFetch} runs {@code fetch} only when no valid token is cached, and
 *       then in one caller only, while the others that share the cache wait for its result; a cached token is
 *       offered for the {@link Fetched#lifetime()} the fetch gave it, and not after.</li>
 *   <li><b>Deadline:</b> {@link #getOrFetch} returns or fails within {@code timeLeft}: a caller that waits for
 *       another's fetch stops waiting then (with a retryable {@link UnavailableException}), and a caller that
 *       fetches hands {@code fetch} the time it has left.</li>
 *   <li><b>Compare-and-invalidate:</b> {@link #invalidate} drops a token only if it is still the cached one, so a
 *       late report about an old token never throws away a fresh one, and one refusal does not start a stampede
 *       of fetches.</li>
 *   <li><b>Failures:</b> the port's exceptions thrown by {@code fetch} reach the caller unchanged. A cache over a
 *       shared store must not fail a call because the store failed: it fetches in-process instead. Any other
 *       exception fails the call as a non-retryable {@link UnavailableException}, with a redacted copy of it as
 *       the cause.</li>
 *   <li><b>Secrets:</b> a cache stores access tokens (that is its job), never the app secret, and never logs a
 *       token.</li>
 * </ul>
 */
public interface AccessTokenCache {

    /**
     * The token of {@code appKey} that a call would carry now, if one is cached and valid; never fetches.
     *
     * @param appKey the app
     * @return the cached token, or empty if there is none or it is due
     */
    Optional<AccessToken> cached(String appKey);

    /**
     * The cached token of {@code appKey}; if there is none or it is due, the token that {@code fetch} obtains, run
     * once for all the callers that share this cache.
     *
     * @param appKey the app
     * @param timeLeft how long the caller can wait, positive
     * @param fetch obtains a new token within the time it is given (from {@code GET /gettoken})
     * @return a valid token
     * @throws NotAuthorizedException if DingTalk refuses the app's credentials (from {@code fetch})
     * @throws RoleDirectoryException as {@code fetch} throws it, e.g. a throttled or failed {@code /gettoken}
     * @throws UnavailableException (retryable) if {@code timeLeft} passed while waiting for another's fetch
     */
    AccessToken getOrFetch(String appKey, Duration timeLeft, Fetch fetch);

    /**
     * DingTalk refused {@code rejected}: drops it if it is still the cached token of {@code appKey}; does nothing
     * if another token has replaced it already.
     *
     * @param appKey the app
     * @param rejected the token DingTalk refused
     */
    void invalidate(String appKey, AccessToken rejected);

    /**
     * A cache in this process's memory: one token per app key, fetched by one thread while the others wait for
     * it and share its result, token or failure.
     *
     * @return a new, empty, thread-safe cache
     */
    static AccessTokenCache inProcess() {
        return new InProcessAccessTokenCache(System::nanoTime);
    }

    /** Obtains a new token; given to {@link #getOrFetch}. */
    @FunctionalInterface
    interface Fetch {
        /**
         * Obtains a new token from DingTalk within {@code timeLeft}.
         *
         * @param timeLeft the time the fetch may take, positive
         * @return the token and how long to cache it
         * @throws RoleDirectoryException if no token could be obtained
         */
        Fetched fetch(Duration timeLeft);
    }

    /**
     * A freshly fetched token and how long it may be offered, counted from now (DingTalk's {@code expires_in},
     * less the source's refresh margin). Its {@link #toString()} never shows the token.
     *
     * @param token the token
     * @param lifetime how long to cache it, positive
     */
    record Fetched(AccessToken token, Duration lifetime) {
        /**
         * Checks the values.
         *
         * @param token the token; not null
         * @param lifetime how long to cache it; positive
         */
        public Fetched {
            Objects.requireNonNull(token, "token");
            Settings.positive(lifetime, "lifetime");
        }
    }
}
