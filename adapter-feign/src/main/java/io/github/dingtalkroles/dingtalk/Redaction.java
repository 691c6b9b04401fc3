package io.github.dingtalkroles.dingtalk;

import java.util.regex.Pattern;

/**
 * Removes credentials from text before it reaches a log line or an exception message: the values of
 * {@code access_token} and {@code appsecret} wherever they appear as a query or form parameter
 * ({@code access_token=...}) or a JSON field ({@code "access_token":"..."}), and any literal secret
 * value the caller names.
 */
final class Redaction {
    static final String MASK = "****";

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
}
