package io.github.dingtalkroles.dingtalk;

import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.NotAuthorizedException;
import io.github.dingtalkroles.port.RejectedInputException;
import io.github.dingtalkroles.port.RoleDirectoryException;
import io.github.dingtalkroles.port.ThrottledException;
import io.github.dingtalkroles.port.UnavailableException;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * DingTalk's envelope: decides whether a reply is a success and, if not, which port exception
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

    /** The endpoints' own documented errcodes (see {@link RoleCalls}), named in metrics as they are. */
    static final Set<Integer> ENDPOINT_ERRCODES = Set.of(34001, 34018, 34020, 34021, 34022, 33011, 33012, 660000,
            40068, 40069, 400002, 12012, 23004, 23005, 40003, 46004, 60003, 60301, 60302);

    static final int DIAGNOSTIC_LIMIT = 128;
    private static final int ERRMSG_LIMIT = 200;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private DingTalkErrors() {
    }

    /** Whether a reply is a success: HTTP 2xx, a JSON object, errcode 0 (as a number or numeric string). */
    static boolean isSuccess(int status, Envelope envelope) {
        if (status < 200 || status >= 300 || envelope == null || envelope.isPunishment()) {
            return false;
        }
        Integer code = envelope.errcodeNumber();
        return code != null && code == 0;
    }

    /**
     * Why a reply that {@link #isSuccess} refuses (anything but HTTP 2xx with errcode 0) is no success.
     *
     * @param status the HTTP status
     * @param body the whole body
     * @param envelope the body's envelope, {@code null} if the body is no JSON object
     * @param operation the endpoint, for messages ({@code "add_role"})
     * @param sentToken the access token the request carried, or {@code null}
     * @param secrets values to keep out of messages (DingTalk's errmsg is quoted in some)
     */
    static AttemptFailed failure(int status, byte[] body, Envelope envelope, String operation,
            AccessToken sentToken, String... secrets) {
        if (envelope != null && envelope.isPunishment()) {
            return AttemptFailed.throttled(new ThrottledException(
                    "DingTalk refused " + operation + ": this IP address is temporarily banned (punish page)",
                    seconds(envelope.waitText()), false,
                    new BackendDiagnostics(null, null, safe(envelope.requestId(), secrets))));
        }
        if (status >= 500) {
            return AttemptFailed.backOff(new UnavailableException(
                    "DingTalk answered " + operation + " with HTTP " + status, diagnostics(envelope, secrets)), true);
        }
        if (status == 429) {
            return AttemptFailed.throttled(new ThrottledException(
                    "DingTalk throttled " + operation + " (HTTP 429)", null, false, diagnostics(envelope, secrets)));
        }
        if (envelope == null || !envelope.hasErrcode()) {
            return withoutErrcode(status, body, envelope, operation, secrets);
        }
        Integer code = envelope.errcodeNumber();
        BackendDiagnostics diagnostics = diagnostics(envelope, secrets);
        if (code != null && code == 0) {
            // errcode 0 reaches here only with a status other than 2xx (see isSuccess)
            return AttemptFailed.giveUp(new UnavailableException("DingTalk answered " + operation + " with HTTP "
                    + status + " and errcode 0", false, false, diagnostics, null));
        }
        return shared(envelope, code, operation, diagnostics, sentToken, secrets);
    }

    private static AttemptFailed withoutErrcode(int status, byte[] body, Envelope envelope, String operation,
            String... secrets) {
        if (isHtml(body)) {
            return AttemptFailed.throttled(new ThrottledException("DingTalk refused " + operation
                    + " with an HTML page (HTTP " + status + "), as its gateway does when it bans an IP address",
                    null, false, BackendDiagnostics.NONE));
        }
        if (status < 200 || status >= 300) {
            return AttemptFailed.giveUp(new UnavailableException("DingTalk answered " + operation
                    + " with HTTP " + status, false, false, diagnostics(envelope, secrets), null));
        }
        String what = body.length == 0 ? "an empty reply"
                : envelope == null ? "a reply that is not a JSON object (truncated or not JSON)"
                : "a reply without errcode";
        return AttemptFailed.backOff(new UnavailableException(
                "DingTalk answered " + operation + " with " + what, diagnostics(envelope, secrets)), true);
    }

    private static AttemptFailed shared(Envelope envelope, Integer code, String operation,
            BackendDiagnostics diagnostics, AccessToken sentToken, String... secrets) {
        Integer effective = code;
        if (code != null && code == WRAPPER) {
            effective = Envelope.asInt(envelope.subCodeText());
        }
        if (code != null && code == ISP_ERROR && ISP_BUSY.equals(envelope.subCodeText())) {
            effective = -1;
        }
        if (effective != null) {
            if (TOKEN_REJECTED.contains(effective)) {
                return AttemptFailed.tokenRejected(new NotAuthorizedException(
                        "DingTalk rejected the access token for " + operation, diagnostics), code, sentToken);
            }
            if (effective == NO_PERMISSION) {
                return AttemptFailed.errcode(new NotAuthorizedException(
                        "the app lacks the permission for " + operation, diagnostics), code);
            }
            if (effective == IP_NOT_ALLOWED) {
                return AttemptFailed.errcode(new NotAuthorizedException(
                        "this machine's IP address is not on the app's allow-list, so " + operation
                                + " was refused", diagnostics), code);
            }
            if (effective == INVALID_ORG) {
                return AttemptFailed.errcode(new NotAuthorizedException("DingTalk found no organisation for the"
                        + " access token used for " + operation + " (invalid orgId)", diagnostics), code);
            }
            if (BAD_APP_CREDENTIALS.contains(effective)) {
                return AttemptFailed.errcode(new NotAuthorizedException(
                        "DingTalk rejected the app key or app secret", diagnostics), code);
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
        return AttemptFailed.errcode(new RejectedInputException(
                "DingTalk refused " + operation + " with an undocumented error" + quote(envelope.errmsgText(), secrets),
                diagnostics), code);
    }

    /**
     * A success body the endpoint's reply record cannot be made of: DingTalk returned something this library
     * cannot represent. Not retryable: the same call would return the same data.
     *
     * @param problem what is wrong, e.g. {@code "result.list[0].groupId: is not an integer"}
     */
    static AttemptFailed invalidData(String operation, String problem, Envelope envelope, String... secrets) {
        return AttemptFailed.invalidReply(new UnavailableException("DingTalk returned invalid data for " + operation
                + ": " + safe(problem, ERRMSG_LIMIT, secrets), false, false,
                new BackendDiagnostics("0", null, safe(envelope.requestId(), secrets)), null));
    }

    /** errcode, sub_code and request_id for an exception, each made {@link #safe}. */
    static BackendDiagnostics diagnostics(Envelope envelope, String... secrets) {
        if (envelope == null) {
            return BackendDiagnostics.NONE;
        }
        return new BackendDiagnostics(safe(envelope.errcodeText(), secrets), safe(envelope.subCodeText(), secrets),
                safe(envelope.requestId(), secrets));
    }

    /**
     * The {@code errcode} tag of a call's metrics: the errcode if DingTalk documents it, {@code other} for
     * any other value (a server must not be able to grow the set of tag values), {@code none} without one.
     */
    static String errcodeTag(String errcode) {
        if (errcode == null) {
            return "none";
        }
        Integer code = Envelope.asInt(errcode);
        boolean documented = code != null && (code == 0 || code == WRAPPER || code == ISP_ERROR
                || code == QUOTA_EXHAUSTED || code == NO_PERMISSION || code == IP_NOT_ALLOWED || code == INVALID_ORG
                || TOKEN_REJECTED.contains(code) || BUSY.contains(code) || THROTTLED.contains(code)
                || BAD_APP_CREDENTIALS.contains(code) || ENDPOINT_ERRCODES.contains(code));
        return documented ? Integer.toString(code) : "other";
    }

    /** The outcome tag of a failure: the port's failure kind, in snake case. */
    static String outcomeTag(RoleDirectoryException failure) {
        if (failure instanceof io.github.dingtalkroles.port.NotFoundException) {
            return "not_found";
        }
        if (failure instanceof io.github.dingtalkroles.port.ConflictException) {
            return "conflict";
        }
        if (failure instanceof RejectedInputException) {
            return "rejected_input";
        }
        if (failure instanceof NotAuthorizedException) {
            return "not_authorized";
        }
        if (failure instanceof ThrottledException) {
            return "throttled";
        }
        return "unavailable";
    }

    /** {@code ": <errmsg>"}, credentials removed, cut short and made one line; {@code ""} if none. */
    static String quote(String errmsg, String... secrets) {
        if (errmsg == null) {
            return "";
        }
        return ": " + safe(errmsg, ERRMSG_LIMIT, secrets);
    }

    /**
     * A value from a reply as it may appear in an exception message: credentials and {@code secrets}
     * masked, control characters replaced by spaces, at most {@value #DIAGNOSTIC_LIMIT} characters.
     */
    static String safe(String value, String... secrets) {
        return safe(value, DIAGNOSTIC_LIMIT, secrets);
    }

    private static String safe(String value, int limit, String... secrets) {
        if (value == null) {
            return null;
        }
        String clean = CONTROL.matcher(Redaction.redact(value, secrets)).replaceAll(" ");
        return clean.length() > limit ? clean.substring(0, limit) + "..." : clean;
    }

    /** Whether the body is an HTML page (DingTalk's gateway serves one when it bans an IP address). */
    private static boolean isHtml(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '<';
            }
        }
        return false;
    }

    /** A punish page's {@code wait}: a positive whole number of seconds (a number or a numeric string), or {@code null}. */
    private static Duration seconds(String wait) {
        Integer value = Envelope.asInt(wait);
        return value == null || value <= 0 ? null : Duration.ofSeconds(value);
    }
}
