package io.github.dingtalkroles.redis;

import io.lettuce.core.RedisURI;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Redis URIs and shows them without their password: {@code redis://user:****@host:6379/0}. Every log line,
 * message and {@code toString()} of this module names Redis through {@link #redacted}.
 */
final class RedisUris {
    static final String MASK = "****";

    /** The user-info of a URI: {@code password} or {@code user:password}, before the {@code @}. */
    private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)([^@/?#]*)@");
    /** A password given as a query parameter. */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&]password=)[^&#]*");

    private RedisUris() {
    }

    /**
     * Parses {@code uri} with Lettuce's rules ({@code redis://}, {@code rediss://}, {@code redis-sentinel://},
     * {@code redis-socket://}).
     *
     * @throws IllegalArgumentException naming the redacted URI if it is not one
     */
    static RedisURI parse(String uri) {
        Objects.requireNonNull(uri, "redisUri");
        String trimmed = uri.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("redisUri must not be blank");
        }
        try {
            return RedisURI.create(trimmed);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("redisUri is not a Redis URI such as redis://host:6379 (got "
                    + redacted(trimmed) + ")");
        }
    }

    /** {@code uri} with any password masked. */
    static String redacted(String uri) {
        if (uri == null) {
            return null;
        }
        String out = PASSWORD_PARAMETER.matcher(uri).replaceAll("$1" + MASK);
        Matcher userInfo = USER_INFO.matcher(out);
        if (userInfo.find()) {
            String info = userInfo.group(2);
            int colon = info.indexOf(':');
            String shown = colon <= 0 ? MASK : info.substring(0, colon) + ":" + MASK;
            out = userInfo.group(1) + shown + "@" + out.substring(userInfo.end());
        }
        return out;
    }

    /** The password written in {@code uri} (its user-info or a {@code password} parameter), or {@code null}. */
    static String password(String uri) {
        Matcher parameter = Pattern.compile("(?i)[?&]password=([^&#]*)").matcher(uri);
        if (parameter.find() && !parameter.group(1).isEmpty()) {
            return parameter.group(1);
        }
        Matcher userInfo = USER_INFO.matcher(uri);
        if (!userInfo.find()) {
            return null;
        }
        String info = userInfo.group(2);
        String password = info.substring(info.indexOf(':') + 1);
        return password.isEmpty() ? null : password;
    }

    /** {@code text} (e.g. a Lettuce exception's message) with {@code password} masked wherever it appears. */
    static String redact(String text, String password) {
        if (text == null || password == null || password.isEmpty()) {
            return text;
        }
        return text.replace(password, MASK);
    }
}
