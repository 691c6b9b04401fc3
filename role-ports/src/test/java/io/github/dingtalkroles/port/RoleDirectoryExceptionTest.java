package io.github.dingtalkroles.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RoleDirectoryExceptionTest {

    @Test
    void messagesNameTheBackendsCodesAndRequestId() {
        var e = new ConflictException(ConflictException.Reason.DUPLICATE_NAME, "role name \"Ops\" is taken",
                new BackendDiagnostics("34021", null, "ii8a42qgzu7e"));

        assertThat(e).hasMessage("role name \"Ops\" is taken (errcode 34021, request_id ii8a42qgzu7e)");
        assertThat(e.backendCode()).contains("34021");
        assertThat(e.requestId()).contains("ii8a42qgzu7e");
    }

    @Test
    void messagesWithoutDiagnosticsStayPlain() {
        var e = new NotFoundException(NotFoundException.Subject.ROLE, "role 5 does not exist", BackendDiagnostics.NONE);
        assertThat(e).hasMessage("role 5 does not exist");
        assertThat(e.backendCode()).isEmpty();
        assertThat(e.diagnostics().subCodeIfPresent()).isEmpty();
    }

    @Test
    void subCodesAreReported() {
        var e = new NotAuthorizedException("token rejected", new BackendDiagnostics("88", "40014", null));
        assertThat(e).hasMessage("token rejected (errcode 88, sub_code 40014)");
    }

    @Test
    void retryabilityTellsTheCallerWhatToDo() {
        assertThat(new NotFoundException(NotFoundException.Subject.ROLE_GROUP, "x", BackendDiagnostics.NONE)
                .isRetryable()).isFalse();
        assertThat(new ConflictException(ConflictException.Reason.DUPLICATE_NAME, "x", BackendDiagnostics.NONE)
                .isRetryable()).isFalse();
        assertThat(new ConflictException(ConflictException.Reason.LISTING_CHANGED, "x", BackendDiagnostics.NONE)
                .isRetryable()).isTrue();
        assertThat(new RejectedInputException("x", BackendDiagnostics.NONE).isRetryable()).isFalse();
        assertThat(new NotAuthorizedException("x", BackendDiagnostics.NONE).isRetryable()).isFalse();
        assertThat(new ThrottledException("x", Duration.ofSeconds(5), false, BackendDiagnostics.NONE)
                .isRetryable()).isTrue();
        assertThat(new ThrottledException("x", null, true, new BackendDiagnostics("90020", null, null))
                .isRetryable()).isFalse();
        assertThat(new UnavailableException("x", BackendDiagnostics.NONE).isRetryable()).isTrue();
        assertThat(new UnavailableException("x", false, true, BackendDiagnostics.NONE, null).isOutcomeUnknown())
                .isTrue();
    }
}
