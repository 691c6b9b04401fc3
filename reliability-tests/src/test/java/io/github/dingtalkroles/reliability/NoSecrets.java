package io.github.dingtalkroles.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dingtalkroles.testsupport.CapturedLogs;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Checks that nothing {@link Credentials#leaks} in text, exceptions or the captured logs. */
final class NoSecrets {
    private NoSecrets() {
    }

    static void assertNoneIn(String what, String text) {
        assertThat(Credentials.leaks(text)).as(what + " must hold no secret or token: " + text).isFalse();
    }

    /** The exception's message, toString and whole stack trace (causes included) hold no secret. */
    static void assertNoneIn(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertNoneIn("the exception " + failure.getClass().getSimpleName(), failure + "\n" + trace);
    }

    /** No log line captured so far holds a secret or token, and something was logged at all. */
    static void assertNoneLogged() {
        assertThat(CapturedLogs.installed()).as("CapturedLogs is the SLF4J backend").isTrue();
        assertThat(CapturedLogs.lineCount()).as("captured log lines").isPositive();
        assertThat(Credentials.LEAKED.lines()).as("log lines holding a secret or token").isEmpty();
    }
}
