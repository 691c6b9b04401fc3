package io.github.dingtalkroles.reliability;

import io.github.dingtalkroles.dingtalk.AppSecret;
import io.github.dingtalkroles.emulator.DingTalkEmulator;
import io.github.dingtalkroles.testsupport.CapturedLogs;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The app of these tests and what counts as a leak: its secret, the fixed token, and anything shaped
 * like a token the emulator issues from {@code gettoken} (32 lowercase hex digits), since those are
 * random and only known once issued.
 */
final class Credentials {
    static final String APP_KEY = "ding-reliability-app";
    static final String APP_SECRET = "app-5ecret-Rel1ab1l1ty-Zq8";
    /** A fixed token the emulators also accept; the app-credential clients never send it. */
    static final String FIXED_TOKEN = "fixed-t0ken-Rel1ab1l1ty-Kd4";
    /** The shape of a token issued by the emulator's {@code gettoken}. */
    static final Pattern ISSUED_TOKEN = Pattern.compile("(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])");
    /**
     * Every log line that {@link #leaks}, kept from the moment this class is loaded: before any test
     * builds an emulator or a client with these credentials, so before anything could log them.
     */
    static final CapturedLogs.Watch LEAKED = CapturedLogs.watch(Credentials::leaks);

    private Credentials() {
    }

    static AppSecret appSecret() {
        return AppSecret.of(APP_SECRET);
    }

    /** An emulator builder that knows this app and the fixed token. */
    static DingTalkEmulator.Builder emulator() {
        return DingTalkEmulator.builder().appCredentials(APP_KEY, APP_SECRET).accessToken(FIXED_TOKEN);
    }

    static List<String> exactSecrets() {
        return List.of(APP_SECRET, FIXED_TOKEN);
    }

    /** Whether {@code text} holds the secret, the fixed token or an issued token. */
    static boolean leaks(String text) {
        for (String secret : exactSecrets()) {
            if (text.contains(secret)) {
                return true;
            }
        }
        return ISSUED_TOKEN.matcher(text).find();
    }
}
