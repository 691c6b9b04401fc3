package io.github.dingtalkroles.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class CapturedLogsTest {
    private static final Logger OURS = LoggerFactory.getLogger("io.github.dingtalkroles.sample.Thing");
    private static final Logger THEIRS = LoggerFactory.getLogger("org.example.Other");

    @Test
    void isTheSlf4jBackendOfTheTests() {
        assertThat(CapturedLogs.installed()).isTrue();
    }

    @Test
    void capturesThisLibrarysLoggersAtTraceAndNoOthers() {
        try (CapturedLogs.Watch all = CapturedLogs.watchAll()) {
            OURS.trace("fetched {} groups", 3);
            THEIRS.error("not ours");

            assertThat(all.lines()).containsExactly("TRACE io.github.dingtalkroles.sample.Thing fetched 3 groups");
            assertThat(THEIRS.isErrorEnabled()).isFalse();
        }
    }

    @Test
    void aWatchKeepsOnlyTheLinesItAsksForAndOnlyWhileOpen() {
        long before = CapturedLogs.lineCount();
        CapturedLogs.Watch errors = CapturedLogs.watch(line -> line.startsWith("ERROR"));

        OURS.info("fine");
        OURS.error("broken", new IllegalStateException("the cause"));
        errors.close();
        OURS.error("after close");

        assertThat(errors.lines()).singleElement().asString()
                .startsWith("ERROR io.github.dingtalkroles.sample.Thing broken\n")
                .contains("java.lang.IllegalStateException: the cause", "at io.github.dingtalkroles.testsupport");
        assertThat(CapturedLogs.lineCount() - before).isEqualTo(3);
    }
}
