package io.github.dingtalkroles.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the JDK 17 cannot say directly: whether standard error goes to a terminal. */
final class Terminal {
    private Terminal() {
    }

    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
