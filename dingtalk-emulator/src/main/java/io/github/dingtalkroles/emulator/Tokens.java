package io.github.dingtalkroles.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * The apps the emulator knows and the access tokens it has issued to them, as DingTalk's
 * {@code gettoken} does: one token per app; asking again while it is valid returns the same token
 * and extends it; an expired token is refused. Fixed tokens never expire and belong to the
 * pseudo-app {@value #FIXED_TOKEN_APP}.
 *
 * <p>Thread-safe (one monitor; calls are few and short). Never logs or prints a token or secret.
 */
final class Tokens {
    /** The app a fixed token belongs to, for the per-app QPS limit. */
    static final String FIXED_TOKEN_APP = "(fixed token)";

    /** A token as {@code gettoken} answers it. */
    record Issued(String token, long expiresInSeconds) {
        @Override
        public String toString() {
            return "Issued[token=****, expiresInSeconds=" + expiresInSeconds + "]";
        }
    }

    private record Grant(String appKey, Instant expiresAt) {
    }

    private final Map<String, byte[]> secrets;
    private final Set<String> fixedTokens;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private final Map<String, Grant> grants = new HashMap<>();
    private final Map<String, String> tokenOfApp = new HashMap<>();

    Tokens(Map<String, String> appSecrets, Set<String> fixedTokens, Duration lifetime, Clock clock) {
        Map<String, byte[]> bytes = new HashMap<>();
        appSecrets.forEach((key, secret) -> bytes.put(key, secret.getBytes(StandardCharsets.UTF_8)));
        this.secrets = Map.copyOf(bytes);
        this.fixedTokens = Set.copyOf(fixedTokens);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /**
     * Checks {@code gettoken}'s {@code appkey} and {@code appsecret}.
     *
     * @return the app key
     * @throws WireException 40035 if a parameter is missing, 40096 if the key or secret is wrong
     */
    String authenticate(Params query) throws WireException {
        String appKey = query.get("appkey").orElseThrow(WireError.MISSING_APP_KEY::toException);
        String appSecret = query.raw("appsecret").filter(s -> !s.isBlank())
                .orElseThrow(WireError.MISSING_APP_SECRET::toException);
        byte[] expected = secrets.get(appKey);
        if (expected == null || !MessageDigest.isEqual(expected, appSecret.getBytes(StandardCharsets.UTF_8))) {
            throw WireError.BAD_APP_CREDENTIALS.toException();
        }
        return appKey;
    }

    /** {@code gettoken} for an authenticated app: its valid token, extended, or a new one. */
    synchronized Issued issue(String appKey) {
        Instant now = clock.instant();
        String token = tokenOfApp.get(appKey);
        if (token == null || !valid(grants.get(token), now)) {
            if (token != null) {
                grants.remove(token);
            }
            token = newToken();
            tokenOfApp.put(appKey, token);
        }
        grants.put(token, new Grant(appKey, now.plus(lifetime)));
        return new Issued(token, seconds(lifetime));
    }

    /**
     * The app that {@code token} belongs to.
     *
     * @throws WireException 88/40000 if no token was given, 88/40014 if it is unknown or expired
     */
    synchronized String appOf(String token) throws WireException {
        if (token == null || token.isBlank()) {
            throw WireError.TOKEN_BLANK.toException();
        }
        if (fixedTokens.contains(token)) {
            return FIXED_TOKEN_APP;
        }
        Grant grant = grants.get(token);
        if (!valid(grant, clock.instant())) {
            throw WireError.TOKEN_INVALID.toException();
        }
        return grant.appKey();
    }

    /** Makes a token issued by {@code gettoken} invalid at once; fixed tokens are not affected. */
    synchronized void expire(String token) {
        Grant grant = token == null ? null : grants.remove(token);
        if (grant != null) {
            tokenOfApp.remove(grant.appKey(), token);
        }
    }

    private static boolean valid(Grant grant, Instant now) {
        return grant != null && now.isBefore(grant.expiresAt());
    }

    private String newToken() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Whole seconds, rounded up, so a short lifetime is never announced as 0. */
    private static long seconds(Duration duration) {
        long s = duration.getSeconds();
        return duration.getNano() > 0 ? s + 1 : s;
    }

    @Override
    public String toString() {
        return "Tokens[" + secrets.size() + " apps, " + fixedTokens.size() + " fixed tokens]";
    }
}
