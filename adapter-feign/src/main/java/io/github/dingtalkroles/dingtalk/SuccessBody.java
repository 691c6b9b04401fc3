package io.github.dingtalkroles.dingtalk;

import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.UnavailableException;

/**
 * A reply DingTalk marked as a success (HTTP 2xx, {@code errcode} 0), handed to an endpoint's decoder
 * for what it needs if the body turns out unusable after all: the reply's request id, masked only
 * when a message quotes it (most successes never do). Immutable and thread-safe.
 */
final class SuccessBody {
    private final Reply reply;
    private final String[] secrets;

    /**
     * @param reply the successful reply
     * @param secrets the call's secrets, masked wherever the request id is quoted
     */
    SuccessBody(Reply reply, String... secrets) {
        this.reply = reply;
        this.secrets = secrets.clone();
    }

    /** The reply's request id, made safe to quote ({@link Reply#safe}), or {@code null}. */
    String requestId() {
        return reply.requestId(secrets);
    }

    /** DingTalk's success holds data this library cannot use: not retryable, the request id quoted. */
    UnavailableException invalid(String message) {
        return new UnavailableException(message, false, false, new BackendDiagnostics(null, null, requestId()), null);
    }
}
