package io.github.dingtalkroles.domain;

/**
 * The id of an employee, DingTalk's {@code userid}: trimmed, non-blank, at most {@value #MAX_LENGTH}
 * characters, without whitespace, control characters or commas (DingTalk separates ids with commas
 * on the wire). Compared exactly, case-sensitively.
 *
 * @param value the id, trimmed
 */
public record UserId(String value) {
    /** Longest user id accepted, in characters (UTF-16 code units, as DingTalk counts). */
    public static final int MAX_LENGTH = 64;

    /**
     * Trims the id and checks it.
     *
     * @param value the id; leading and trailing whitespace is trimmed
     * @throws InvariantViolation {@link Invariant#USER_ID_NOT_BLANK}, {@link Invariant#USER_ID_LENGTH}
     *     or {@link Invariant#USER_ID_CHARACTERS}, naming the offending value
     */
    public UserId {
        if (value == null) {
            throw new InvariantViolation(Invariant.USER_ID_NOT_BLANK, "user id", null);
        }
        String raw = value;
        value = value.strip();
        if (value.isEmpty()) {
            throw new InvariantViolation(Invariant.USER_ID_NOT_BLANK, "user id", raw);
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvariantViolation(Invariant.USER_ID_LENGTH, "user id", raw);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (c == ',' || Character.isISOControl(c) || Character.isWhitespace(c)
                    || Character.isSpaceChar(c) || Character.isSurrogate(c)) {
                throw new InvariantViolation(Invariant.USER_ID_CHARACTERS, "user id", raw);
            }
        }
    }

    /**
     * Same as the constructor, for fluent call sites.
     *
     * @param value the id; leading and trailing whitespace is trimmed
     * @return the user id
     * @throws InvariantViolation if the id is blank, too long or holds a forbidden character
     */
    public static UserId of(String value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
