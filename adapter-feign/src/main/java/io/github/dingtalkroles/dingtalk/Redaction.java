package io.github.dingtalkroles.dingtalk;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Removes credentials from text before it reaches a log line or an exception message: the values of
 * {@code access_token} and {@code appsecret} wherever they appear as a query or form parameter
 * ({@code access_token=...}) or a JSON field ({@code "access_token":"..."}), and any literal secret
 * value the caller names.
 */
final class Redaction {
    static final String MASK = "****";

    private static final String[] NONE = new String[0];
    private static final Pattern CREDENTIAL = Pattern.compile(
            "(?i)(access_token|appsecret)(\"?\\s*[=:]\\s*\"?)([^&\"\\s,;}]+)");

    private Redaction() {
    }

    /** {@code text} with credential parameters masked and every non-empty {@code secrets} value replaced. */
    static String redact(String text, String... secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                out = out.replace(secret, MASK);
            }
        }
        return CREDENTIAL.matcher(out).replaceAll("$1$2" + MASK);
    }

    /**
     * The values of {@code access_token} and {@code appsecret} in {@code url}'s query, each as sent
     * (percent-encoded) and decoded, so that a server echoing either form is masked.
     */
    static String[] credentialValues(String url) {
        List<String> values = new ArrayList<>();
        for (String[] pair : query(url)) {
            String name = pair[0].toLowerCase(Locale.ROOT);
            if (name.equals("access_token") || name.equals("appsecret")) {
                values.add(pair[1]);
                String decoded = decode(pair[1]);
                if (decoded != null) {
                    values.add(decoded);
                }
            }
        }
        return values.toArray(NONE);
    }

    /** The decoded value of the first query parameter {@code name} in {@code url}, or {@code null}. */
    static String queryValue(String url, String name) {
        for (String[] pair : query(url)) {
            if (pair[0].equals(name)) {
                return decode(pair[1]);
            }
        }
        return null;
    }

    private static List<String[]> query(String url) {
        String query;
        try {
            query = URI.create(url).getRawQuery();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        if (query == null) {
            return List.of();
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq >= 0) {
                pairs.add(new String[] {pair.substring(0, eq), pair.substring(eq + 1)});
            }
        }
        return pairs;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * {@code text} as one line: every control character (CR, LF, NUL, ESC, ...) written as a Java escape
     * ({@code \n}, {@code \u0000}), so that logged text from a server cannot forge log lines.
     */
    static String escapeControls(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                switch (c) {
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(String.format("\\u%04x", (int) c));
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
