package io.github.dingtalkroles.port;

import java.util.Optional;

/**
 * What a backend said about a failure, for diagnosis: its error code (DingTalk's {@code errcode}),
 * a sub-code where the code is a wrapper (DingTalk's {@code sub_code}), and the request id that
 * the backend's support can look up. Each part may be absent. Never holds a secret.
 *
 * @param code the backend's error code, or {@code null}
 * @param subCode the backend's sub-code, or {@code null}
 * @param requestId the backend's request id, or {@code null}
 */
public record BackendDiagnostics(String code, String subCode, String requestId) {
    /** No diagnostics: the failure did not come from a backend answer. */
    public static final BackendDiagnostics NONE = new BackendDiagnostics(null, null, null);

    /**
     * The error code, if the backend gave one.
     *
     * @return the error code, or empty
     */
    public Optional<String> codeIfPresent() {
        return Optional.ofNullable(code);
    }

    /**
     * The sub-code, if the backend gave one.
     *
     * @return the sub-code, or empty
     */
    public Optional<String> subCodeIfPresent() {
        return Optional.ofNullable(subCode);
    }

    /**
     * The request id, if the backend gave one.
     *
     * @return the request id, or empty
     */
    public Optional<String> requestIdIfPresent() {
        return Optional.ofNullable(requestId);
    }

    /** {@code " (errcode 88, sub_code 40014, request_id abc)"}, or {@code ""} when there is nothing to say. */
    String describe() {
        StringBuilder sb = new StringBuilder();
        if (code != null) {
            sb.append("errcode ").append(code);
        }
        if (subCode != null) {
            sb.append(sb.length() > 0 ? ", " : "").append("sub_code ").append(subCode);
        }
        if (requestId != null) {
            sb.append(sb.length() > 0 ? ", " : "").append("request_id ").append(requestId);
        }
        return sb.length() == 0 ? "" : " (" + sb + ")";
    }
}
