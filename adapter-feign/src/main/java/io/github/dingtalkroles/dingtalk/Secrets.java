package io.github.dingtalkroles.dingtalk;

import java.util.Objects;

/** Checks shared by the secret value types. Messages never repeat the value. */
final class Secrets {
    private Secrets() {
    }

    static String requireWellFormed(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException(what + " must not contain whitespace or control characters");
            }
        }
        return value;
    }
}
