package io.github.dingtalkroles.cli;

/**
 * Sets up slf4j-simple before the first logger exists: warnings only, or with --verbose the library's own
 * DEBUG lines (its redacted HTTP traffic among them). Other libraries stay at warnings: Apache HttpClient's
 * DEBUG wire log prints requests as sent, access token and app secret included.
 */
final class Logging {
    private Logging() {
    }

    static void configure(boolean verbose) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.io.github.dingtalkroles", verbose ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
    }
}
