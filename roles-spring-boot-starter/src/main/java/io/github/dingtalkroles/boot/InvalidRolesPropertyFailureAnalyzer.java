package io.github.dingtalkroles.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad {@code dingtalk.roles.*} property into Boot's "APPLICATION FAILED TO START" report. */
final class InvalidRolesPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidRolesPropertyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidRolesPropertyException cause) {
        return new FailureAnalysis("The DingTalk role directory could not be configured: " + cause.getMessage(),
                "Set or correct " + cause.property() + " (see the dingtalk.roles.* properties), or use"
                        + " dingtalk.roles.backend=in-memory where no DingTalk is needed.",
                cause);
    }
}
