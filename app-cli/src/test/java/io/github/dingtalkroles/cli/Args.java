package io.github.dingtalkroles.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a command line on spaces, keeping '' and 'quoted words' together. */
final class Args {
    private static final Pattern WORD = Pattern.compile("'([^']*)'|(\\S+)");

    private Args() {
    }

    static String[] split(String commandLine) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(commandLine);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return words.toArray(String[]::new);
    }
}
