package io.github.dingtalkroles.boot;

import io.github.dingtalkroles.dingtalk.AccessToken;
import io.github.dingtalkroles.dingtalk.AccessTokenCache;
import io.github.dingtalkroles.dingtalk.AccessTokenSource;
import io.github.dingtalkroles.dingtalk.CallPermits;
import io.github.dingtalkroles.dingtalk.DingTalkMetrics;
import io.github.dingtalkroles.dingtalk.AppSecret;
import io.github.dingtalkroles.dingtalk.DingTalkRoleDirectory;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Hands the {@code dingtalk.roles.*} properties to the DingTalk adapter's builders. The adapter checks
 * each value; a value it refuses becomes an {@link InvalidRolesPropertyException} naming the property.
 * The adapter's messages never quote a secret, and neither do the ones written here.
 */
final class DingTalkSettings {
    static final String BASE_URL = "dingtalk.roles.base-url";
    static final String APP_KEY = "dingtalk.roles.app-key";
    static final String APP_SECRET = "dingtalk.roles.app-secret";
    static final String ACCESS_TOKEN = "dingtalk.roles.access-token";
    static final String RATE_LIMIT = "dingtalk.roles.rate-limit";
    static final String CONNECT_TIMEOUT = "dingtalk.roles.timeouts.connect";
    static final String READ_TIMEOUT = "dingtalk.roles.timeouts.read";
    static final String DEADLINE = "dingtalk.roles.timeouts.deadline";
    static final String MAX_RETRIES = "dingtalk.roles.retries.max";
    static final String BACKOFF = "dingtalk.roles.retries.backoff";
    static final String THROTTLING_WAIT = "dingtalk.roles.retries.throttling-wait";

    private DingTalkSettings() {
    }

    /**
     * The token source the properties describe: app key and secret (keeping its tokens in {@code cache} if not
     * {@code null}), or a fixed token.
     *
     * @throws InvalidRolesPropertyException if neither or both are set, one of key and secret is
     *     missing, or a value is malformed
     */
    static AccessTokenSource tokenSource(DingTalkRolesProperties properties, DingTalkMetrics metrics,
            AccessTokenCache cache) {
        boolean key = present(properties.appKey());
        boolean secret = present(properties.appSecret());
        if (present(properties.accessToken())) {
            if (key || secret) {
                throw new InvalidRolesPropertyException(ACCESS_TOKEN, "set either " + ACCESS_TOKEN + ", or "
                        + APP_KEY + " with " + APP_SECRET + ", not both");
            }
            return AccessTokenSource.fixed(checked(ACCESS_TOKEN, () -> AccessToken.of(properties.accessToken().strip())));
        }
        if (key && secret) {
            AppSecret appSecret = checked(APP_SECRET, () -> AppSecret.of(properties.appSecret().strip()));
            AccessTokenSource.AppCredentialsBuilder builder = checked(APP_KEY,
                    () -> AccessTokenSource.appCredentialsBuilder(properties.appKey().strip(), appSecret));
            set(BASE_URL, properties.baseUrl(), url -> builder.baseUrl(url.toString()));
            set(CONNECT_TIMEOUT, properties.timeouts().connect(), builder::connectTimeout);
            set(READ_TIMEOUT, properties.timeouts().read(), builder::readTimeout);
            builder.logHttpTraffic(properties.logHttpTraffic());
            if (cache != null) {
                builder.cache(cache);
            }
            return builder.metrics(metrics).build();
        }
        if (key) {
            throw new InvalidRolesPropertyException(APP_SECRET, APP_KEY + " is set, but " + APP_SECRET + " is missing");
        }
        if (secret) {
            throw new InvalidRolesPropertyException(APP_KEY, APP_SECRET + " is set, but " + APP_KEY + " is missing");
        }
        throw new InvalidRolesPropertyException(APP_KEY, "the dingtalk backend needs credentials: set " + APP_KEY
                + " and " + APP_SECRET + ", or " + ACCESS_TOKEN);
    }

    /**
     * The directory the properties describe, getting its tokens from {@code tokens} and its call permits from
     * {@code permits} if not {@code null} (instead of its own "rate-limit").
     *
     * @throws InvalidRolesPropertyException if a value is refused
     */
    static DingTalkRoleDirectory directory(DingTalkRolesProperties properties, AccessTokenSource tokens,
            DingTalkMetrics metrics, CallPermits permits) {
        DingTalkRoleDirectory.Builder builder = DingTalkRoleDirectory.builder().tokenSource(tokens).metrics(metrics);
        set(BASE_URL, properties.baseUrl(), url -> builder.baseUrl(url.toString()));
        set(CONNECT_TIMEOUT, properties.timeouts().connect(), builder::connectTimeout);
        set(READ_TIMEOUT, properties.timeouts().read(), builder::readTimeout);
        set(DEADLINE, properties.timeouts().deadline(), builder::deadline);
        set(MAX_RETRIES, properties.retries().max(), builder::maxRetries);
        set(BACKOFF, properties.retries().backoff(), builder::backoff);
        set(THROTTLING_WAIT, properties.retries().throttlingWait(), builder::throttlingWait);
        set(RATE_LIMIT, properties.rateLimit(), limit -> {
            if (limit == 0) {
                builder.noRateLimit();
            } else {
                builder.rateLimit(limit);
            }
        });
        if (permits != null) {
            builder.callPermits(permits);
        }
        builder.logHttpTraffic(properties.logHttpTraffic());
        // the one check across two settings: the builder states it in its own words
        return checked(BACKOFF, builder::build);
    }

    /** Hands {@code value}, if set, to {@code setter}; a value it refuses fails naming {@code property}. */
    static <T> void set(String property, T value, Consumer<T> setter) {
        if (value != null) {
            checked(property, () -> {
                setter.accept(value);
                return value;
            });
        }
    }

    /** Runs {@code step}; an argument or state it refuses fails naming {@code property}. */
    static <T> T checked(String property, Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidRolesPropertyException(property, e.getMessage());
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
