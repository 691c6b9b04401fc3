package io.github.dingtalkroles.dingtalk;

/**
 * The body of a reply DingTalk marked as a success (HTTP 2xx, {@code errcode} 0), for an endpoint's
 * decoder. The body is known to be exactly one JSON object. Immutable (the array is never written) and
 * so thread-safe.
 *
 * @param json the body's bytes
 * @param requestId the reply's request id, already made safe to quote (the call's secrets masked), or
 *     {@code null}: later messages about this body (invalid data, no id) quote it
 */
record SuccessBody(byte[] json, String requestId) {
}
