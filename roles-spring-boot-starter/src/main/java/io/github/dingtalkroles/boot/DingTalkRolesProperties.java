package io.github.dingtalkroles.boot;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code dingtalk.roles.*} properties. Settings left out keep the DingTalk adapter's defaults
 * (those of {@code DingTalkRoleDirectory.Builder}, repeated below for convenience). Values are checked
 * when the directory is built, at start-up; a bad or missing one fails the start with a message
 * naming the property, never quoting a secret. Immutable; {@link #toString()} masks the secrets.
 *
 * <pre>
 * dingtalk.roles.app-key=dingxxxxxxxx
 * dingtalk.roles.app-secret=${DINGTALK_APP_SECRET}
 * </pre>
 *
 * @param backend which backend serves the "RoleDirectory" bean: "dingtalk" (the default) or
 *     "in-memory" (an in-memory directory holding the Default group, for tests and local runs)
 * @param baseUrl DingTalk's base URL, http or https (default
 *     "https://oapi.dingtalk.com"); e.g. a local emulator's "http://127.0.0.1:8089"
 * @param appKey the internal app's key (appkey); with "app-secret", tokens are fetched
 *     from "/gettoken", cached and renewed
 * @param appSecret the internal app's secret (appsecret); keep it out of files in version
 *     control, e.g. set it to ${DINGTALK_APP_SECRET}
 * @param accessToken a fixed access token, instead of "app-key" and "app-secret"; calls
 *     fail once DingTalk refuses it
 * @param rateLimit the most HTTP calls per second this application makes to DingTalk, evenly spaced
 *     (default 19, one below the standard edition's per-app limit of 20); 0 turns the client-side limit off
 * @param timeouts connect, read and per-operation time limits
 * @param retries retries after transient failures and throttling
 * @param health the Actuator health check of the token
 * @param cluster many instances of the application, one DingTalk app: a rate limit and token cache shared
 *     through Redis (needs the roles-redis module)
 * @param logHttpTraffic whether to log every request and reply at DEBUG under
 *     "io.github.dingtalkroles.dingtalk.DingTalkApi", with tokens and secrets masked (default
 *     false)
 */
@ConfigurationProperties("dingtalk.roles")
public record DingTalkRolesProperties(
        @DefaultValue("dingtalk") Backend backend,
        URI baseUrl,
        String appKey,
        String appSecret,
        String accessToken,
        Integer rateLimit,
        @DefaultValue Timeouts timeouts,
        @DefaultValue Retries retries,
        @DefaultValue Health health,
        @DefaultValue Cluster cluster,
        boolean logHttpTraffic) {

    /** Which backend serves the {@code RoleDirectory} bean. */
    public enum Backend {
        /** DingTalk over HTTP, through {@code DingTalkRoleDirectory}. */
        DINGTALK,
        /** An {@code InMemoryRoleDirectory}, seeded by the application's {@link InMemoryRolesSeed} beans. */
        IN_MEMORY
    }

    /**
     * Time limits of DingTalk calls.
     *
     * @param connect how long to wait for a connection (default 5 s)
     * @param read how long one request may wait for its reply (default 10 s)
     * @param deadline the time budget of one operation, all its attempts, waits and reconciliation
     *     included (default 30 s)
     */
    public record Timeouts(Duration connect, Duration read, Duration deadline) {
    }

    /**
     * Retries after transient failures (busy, HTTP 5xx, time-outs, lost connections) and throttling.
     * Writes that may have been applied are reconciled, never re-sent blindly.
     *
     * @param max how many times to retry an operation (default 3, so 4 attempts); 0 for none
     * @param backoff the first delay after a transient failure, doubling per retry with jitter
     *     (default 200 ms); must be shorter than "timeouts.deadline"
     * @param throttlingWait the least wait before retrying a throttled call (default 1 s, as DingTalk
     *     asks)
     */
    public record Retries(Integer max, Duration backoff, Duration throttlingWait) {
    }

    /**
     * The Actuator health indicator {@code dingTalkRoles} (on when Actuator is present and the backend
     * is {@code dingtalk}; {@code management.health.dingtalk-roles.enabled=false} turns it off).
     *
     * @param interval the least time between two token checks; health requests in between get the last
     *     result, so DingTalk is asked at most once per interval (default 1 min)
     */
    public record Health(@DefaultValue("1m") Duration interval) {
    }

    /**
     * Many instances of the application under one DingTalk app: with "redis-uri" set (and the roles-redis
     * module on the class path), every instance takes its call permits from one rate limit per endpoint kept in
     * Redis, and the instances share one access token, fetched once per token lifetime for all of them. While
     * Redis is unavailable each instance goes on alone at its share of the rate ("rate" / "instances") and
     * fetches its own token; no call fails because of Redis.
     *
     * @param redisUri the Redis to share, e.g. "redis://:${REDIS_PASSWORD}@redis.internal:6379" (Lettuce's URI
     *     syntax; "rediss://" for TLS); unset, each instance limits itself ("rate-limit")
     * @param rate the calls per second that all instances together make to one endpoint (default 19, one below the standard
     *     edition's per-app limit); replaces "rate-limit" when "redis-uri" is set
     * @param burst the most calls the instances make at once after a quiet spell (default 1: evenly spaced)
     * @param instances how many instances share the app (default 1), for the share each takes while Redis is
     *     unavailable
     * @param keyPrefix the prefix of every Redis key written (default "dingtalk-roles:")
     */
    public record Cluster(String redisUri, Integer rate, Integer burst, Integer instances, String keyPrefix) {
        /** The settings, with the Redis password masked. */
        @Override
        public String toString() {
            return "Cluster[redisUri=" + maskUri(redisUri) + ", rate=" + rate + ", burst=" + burst + ", instances="
                    + instances + ", keyPrefix=" + keyPrefix + "]";
        }
    }

    /** The properties, with the app secret and access token masked. */
    @Override
    public String toString() {
        return "DingTalkRolesProperties[backend=" + backend + ", baseUrl=" + baseUrl + ", appKey=" + appKey
                + ", appSecret=" + mask(appSecret) + ", accessToken=" + mask(accessToken)
                + ", rateLimit=" + rateLimit + ", timeouts=" + timeouts + ", retries=" + retries
                + ", health=" + health + ", cluster=" + cluster + ", logHttpTraffic=" + logHttpTraffic + "]";
    }

    /** A URI with its user-info (a Redis password) masked. */
    static String maskUri(String uri) {
        return uri == null ? null : uri.replaceAll("(://)[^@/?#]*@", "$1****@").replaceAll("(?i)([?&]password=)[^&#]*",
                "$1****");
    }

    private static String mask(String secret) {
        return secret == null ? null : "****";
    }
}
