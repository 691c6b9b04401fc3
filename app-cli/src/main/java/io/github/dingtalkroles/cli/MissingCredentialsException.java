package io.github.dingtalkroles.cli;

/** The DingTalk backend was chosen without credentials. */
final class MissingCredentialsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingCredentialsException(String message) {
        super(message);
    }
}
