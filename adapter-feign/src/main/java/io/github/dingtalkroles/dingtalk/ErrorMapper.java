package io.github.dingtalkroles.dingtalk;

import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.RoleDirectoryException;

/** The errcodes one endpoint documents, mapped to the port's exceptions with messages that name the call's values. */
@FunctionalInterface
interface ErrorMapper {
    /** No endpoint-specific errcodes. */
    ErrorMapper NONE = (errcode, diagnostics) -> null;

    /**
     * @param errcode DingTalk's top-level {@code errcode}, not 0
     * @param diagnostics errcode, sub_code and request_id for the exception
     * @return the exception for this errcode, or {@code null} if the endpoint does not document it
     */
    RoleDirectoryException map(int errcode, BackendDiagnostics diagnostics);
}
