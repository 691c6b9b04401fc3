package io.github.dingtalkroles.domain;

/**
 * The one place that says what a name is: trimmed, non-blank, at most {@value #MAX_LENGTH}
 * characters, no control characters, well-formed Unicode.
 */
final class Names {
    /** Longest name accepted, in Unicode code points after trimming. */
    static final int MAX_LENGTH = 64;

    private static final int DESCRIBE_LIMIT = 80;

    private Names() {
    }

    /** Returns {@code raw} trimmed, or throws an {@link InvariantViolation} naming the rule it breaks. */
    static String requireValid(String raw, String subject) {
        if (raw == null) {
            throw new InvariantViolation(Invariant.NAME_PRESENT, subject, null);
        }
        String name = raw.strip();
        if (name.isEmpty()) {
            throw new InvariantViolation(Invariant.NAME_NOT_BLANK, subject, raw);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                throw new InvariantViolation(Invariant.NAME_NO_CONTROL_CHARACTERS, subject, raw);
            }
            if (Character.isHighSurrogate(c) && i + 1 < name.length()
                    && Character.isLowSurrogate(name.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvariantViolation(Invariant.NAME_WELL_FORMED, subject, raw);
            }
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            throw new InvariantViolation(Invariant.NAME_LENGTH, subject, raw);
        }
        return name;
    }

    /**
     * Renders a value for an error message: quoted, control characters and lone surrogates escaped,
     * long values cut short with their length stated, so a message is always one printable line.
     */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (!(value instanceof CharSequence)) {
            return String.valueOf(value);
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(Math.min(s.length(), DESCRIBE_LIMIT) + 16).append('"');
        int shown = 0;
        for (int i = 0; i < s.length() && shown < DESCRIBE_LIMIT; i++, shown++) {
            char c = s.charAt(i);
            boolean pairedSurrogate = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (pairedSurrogate) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '"' || c == '\\') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
        if (s.length() > DESCRIBE_LIMIT) {
            out.append("... (").append(s.length()).append(" chars)");
        }
        return out.toString();
    }
}
