package io.github.dingtalkroles.dingtalk;

import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.NotAuthorizedException;
import io.github.dingtalkroles.port.RejectedInputException;
import io.github.dingtalkroles.port.RoleDirectoryException;
import io.github.dingtalkroles.port.ThrottledException;
import io.github.dingtalkroles.port.UnavailableException;
import java.time.Duration;
import java.util.Set;

/**
 * DingTalk's envelope: decides whether a {@link Reply} is a success and, if not, which port exception
 * it means and whether another attempt may help. Endpoint-specific errcodes come first (an
 * {@link ErrorMapper}); this class knows the ones every endpoint shares:
 *
 * <table>
 *   <caption>Shared errcodes</caption>
 *   <tr><th>errcode</th><th>meaning</th><th>reported as</th><th>next attempt</th></tr>
 *   <tr><td>88</td><td>wrapper: decided by {@code sub_code} as below</td><td></td><td></td></tr>
 *   <tr><td>40014, 40000, 40001, 41001, 42001</td><td>access token invalid, blank, missing or expired</td>
 *       <td>NotAuthorized (after one replay with a fresh token)</td><td>no</td></tr>
 *   <tr><td>60011, 60020, 400043</td><td>no permission, IP not allowed, token of no organisation</td>
 *       <td>NotAuthorized</td><td>no</td></tr>
 *   <tr><td>40096, 40089, 40035</td><td>bad or missing app key / secret ({@code /gettoken})</td>
 *       <td>NotAuthorized</td><td>no</td></tr>
 *   <tr><td>-1, 400001, 1002, 15 with sub_code isp.-1</td><td>busy / system error</td>
 *       <td>Unavailable, retryable</td><td>after backoff (a write may have happened)</td></tr>
 *   <tr><td>90018, 90006, 90005, 90002</td><td>throttled</td><td>Throttled</td><td>after the throttling wait</td></tr>
 *   <tr><td>90020</td><td>monthly quota spent</td><td>Throttled, quota exhausted</td><td>no</td></tr>
 *   <tr><td>any other</td><td>undocumented</td><td>RejectedInput (message quotes errmsg)</td><td>no</td></tr>
 * </table>
 *
 * <p>Replies without an errcode: a {@code punish} JSON body or an HTML page (IP ban) is Throttled,
 * honouring {@code wait}; HTTP 5xx, an empty, truncated or non-JSON body, or a JSON body without
 * errcode is a retryable Unavailable that may hide a carried-out write; HTTP 429 is Throttled; any
 * other non-2xx status is a non-retryable Unavailable.
 */
final class DingTalkErrors {
    static final Set<Integer> TOKEN_REJECTED = Set.of(40014, 40000, 40001, 41001, 42001);
    static final Set<Integer> BUSY = Set.of(-1, 400001, 1002);
    static final Set<Integer> THROTTLED = Set.of(90018, 90006, 90005, 90002);
    static final int QUOTA_EXHAUSTED = 90020;
    static final int WRAPPER = 88;
    static final int ISP_ERROR = 15;
    static final String ISP_BUSY = "isp.-1";
    static final Set<Integer> BAD_APP_CREDENTIALS = Set.of(40096, 40089, 40035);
    static final int NO_PERMISSION = 60011;
    static final int IP_NOT_ALLOWED = 60020;
    static final int INVALID_ORG = 400043;

    private static final int ERRMSG_LIMIT = 200;

    private DingTalkErrors() {
    }

    /** Whether DingTalk refused the call's access token (so a fresh token may succeed). */
    static boolean isTokenRejected(Reply reply) {
        Integer code = reply.errcode();
        if (code == null) {
            return false;
        }
        if (code == WRAPPER) {
            Integer sub = Reply.asInt(reply.subCode());
            return sub != null && TOKEN_REJECTED.contains(sub);
        }
        return TOKEN_REJECTED.contains(code);
    }

    /**
     * What a successful reply means for its endpoint: checks the envelope like {@link #successBody}, then
     * asks {@code body} for its result.
     *
     * @param reply the reply, made with {@code body} ({@link Reply#of(int, byte[], BodyReader)})
     * @param body the endpoint's reader
     * @param operation the endpoint, for messages ({@code "add_role"})
     * @param specific the endpoint's own errcodes
     * @param secrets values to keep out of messages (DingTalk's errmsg is quoted in some)
     * @throws AttemptFailed for any reply but a success
     * @throws io.github.dingtalkroles.port.RoleDirectoryException if the success body is unusable (see the reader)
     */
    static <T> T success(Reply reply, BodyReader<T> body, String operation, ErrorMapper specific, String... secrets) {
        if (!reply.wasReadWith(body)) {
            throw new IllegalArgumentException("the reply was not read with this body reader");
        }
        return body.finish(successBody(reply, operation, specific, secrets));
    }

    /**
     * The body of a successful reply.
     *
     * @param operation the endpoint, for messages ({@code "add_role"})
     * @param specific the endpoint's own errcodes
     * @param secrets values to keep out of messages (DingTalk's errmsg is quoted in some)
     * @throws AttemptFailed for any other reply
     */
    static SuccessBody successBody(Reply reply, String operation, ErrorMapper specific, String... secrets) {
        if (reply.isPunishPage()) {
            throw AttemptFailed.throttled(new ThrottledException(
                    "DingTalk refused " + operation + ": this IP address is temporarily banned (punish page)",
                    seconds(reply.envelope().waitSeconds()), false, new BackendDiagnostics(null, null, reply.requestId(secrets))));
        }
        if (reply.status() >= 500) {
            throw AttemptFailed.backOff(new UnavailableException(
                    "DingTalk answered " + operation + " with HTTP " + reply.status(),
                    reply.diagnostics(secrets)), true);
        }
        if (reply.status() == 429) {
            throw AttemptFailed.throttled(new ThrottledException(
                    "DingTalk throttled " + operation + " (HTTP 429)", null, false, reply.diagnostics(secrets)));
        }
        if (!reply.hasErrcode()) {
            throw withoutErrcode(reply, operation, secrets);
        }
        Integer code = reply.errcode();
        if (code != null && code == 0 && reply.isSuccessfulStatus()) {
            return new SuccessBody(reply, secrets);
        }
        BackendDiagnostics diagnostics = reply.diagnostics(secrets);
        if (code != null && code == 0) {
            throw AttemptFailed.giveUp(new UnavailableException("DingTalk answered " + operation
                    + " with HTTP " + reply.status() + " and errcode 0", false, false, diagnostics, null));
        }
        if (code != null) {
            RoleDirectoryException mapped = specific.map(code, diagnostics);
            if (mapped != null) {
                throw AttemptFailed.giveUp(mapped);
            }
        }
        throw shared(reply, code, operation, diagnostics, secrets);
    }

    private static AttemptFailed withoutErrcode(Reply reply, String operation, String... secrets) {
        if (reply.isHtml()) {
            return AttemptFailed.throttled(new ThrottledException("DingTalk refused " + operation
                    + " with an HTML page (HTTP " + reply.status() + "), as its gateway does when it bans an IP address",
                    null, false, BackendDiagnostics.NONE));
        }
        if (!reply.isSuccessfulStatus()) {
            return AttemptFailed.giveUp(new UnavailableException("DingTalk answered " + operation
                    + " with HTTP " + reply.status(), false, false, reply.diagnostics(secrets), null));
        }
        String what = reply.body().length == 0 ? "an empty reply"
                : !reply.isJsonObject() ? "a reply that is not a JSON object (truncated or not JSON)"
                : "a reply without errcode";
        return AttemptFailed.backOff(new UnavailableException(
                "DingTalk answered " + operation + " with " + what, reply.diagnostics(secrets)), true);
    }

    private static AttemptFailed shared(Reply reply, Integer code, String operation,
            BackendDiagnostics diagnostics, String... secrets) {
        Integer effective = code;
        if (code != null && code == WRAPPER) {
            effective = Reply.asInt(reply.subCode());
        }
        if (code != null && code == ISP_ERROR && ISP_BUSY.equals(reply.subCode())) {
            effective = -1;
        }
        if (effective != null) {
            if (TOKEN_REJECTED.contains(effective)) {
                return AttemptFailed.giveUp(new NotAuthorizedException(
                        "DingTalk rejected the access token for " + operation, diagnostics));
            }
            if (effective == NO_PERMISSION) {
                return AttemptFailed.giveUp(new NotAuthorizedException(
                        "the app lacks the permission for " + operation, diagnostics));
            }
            if (effective == IP_NOT_ALLOWED) {
                return AttemptFailed.giveUp(new NotAuthorizedException(
                        "this machine's IP address is not on the app's allow-list, so " + operation
                                + " was refused", diagnostics));
            }
            if (effective == INVALID_ORG) {
                return AttemptFailed.giveUp(new NotAuthorizedException("DingTalk found no organisation for the"
                        + " access token used for " + operation + " (invalid orgId)", diagnostics));
            }
            if (BAD_APP_CREDENTIALS.contains(effective)) {
                return AttemptFailed.giveUp(new NotAuthorizedException(
                        "DingTalk rejected the app key or app secret", diagnostics));
            }
            if (BUSY.contains(effective)) {
                return AttemptFailed.backOff(new UnavailableException(
                        "DingTalk was busy and did not complete " + operation, diagnostics), true);
            }
            if (THROTTLED.contains(effective)) {
                return AttemptFailed.throttled(new ThrottledException(
                        "DingTalk throttled " + operation, null, false, diagnostics));
            }
            if (effective == QUOTA_EXHAUSTED) {
                return AttemptFailed.throttled(new ThrottledException(
                        "the app's monthly call quota is spent, so DingTalk refused " + operation,
                        null, true, diagnostics));
            }
        }
        return AttemptFailed.giveUp(new RejectedInputException(
                "DingTalk refused " + operation + " with an undocumented error" + quote(reply.errmsg(), secrets),
                diagnostics));
    }

    /** {@code ": <errmsg>"}, credentials removed, cut short and made one line; {@code ""} if none. */
    static String quote(String errmsg, String... secrets) {
        if (errmsg == null) {
            return "";
        }
        return ": " + Reply.safe(errmsg, ERRMSG_LIMIT, secrets);
    }

    /** A punish page's {@code wait}: a positive whole number of seconds (a number or a numeric string), or {@code null}. */
    private static Duration seconds(String wait) {
        Integer value = Reply.asInt(wait);
        return value == null || value <= 0 ? null : Duration.ofSeconds(value);
    }
}
