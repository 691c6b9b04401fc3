package io.github.dingtalkroles.emulator;

/**
 * Ends the handling of a call with an error answer. Control flow only: it carries no stack trace and
 * never leaves the emulator.
 */
final class WireException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient WireError error;

    WireException(WireError error) {
        super(error.errcode() + " " + error.errmsg(), null, false, false);
        this.error = error;
    }

    WireError error() {
        return error;
    }
}
