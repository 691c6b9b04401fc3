package io.github.dingtalkroles.emulator;

import java.util.concurrent.ThreadLocalRandom;

/** DingTalk-style request ids: 12 random lowercase letters and digits, e.g. {@code 8lgzequlri0o}. */
final class RequestIds {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final int LENGTH = 12;

    private RequestIds() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
