package io.github.dingtalkroles.dingtalk;

import java.io.IOException;

/**
 * A request failed before any byte of it was written: no connection could be made, or the TLS
 * handshake failed. DingTalk cannot have seen it, so even a write may be retried without checking.
 */
final class NotSentException extends IOException {
    private static final long serialVersionUID = 1L;

    NotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
