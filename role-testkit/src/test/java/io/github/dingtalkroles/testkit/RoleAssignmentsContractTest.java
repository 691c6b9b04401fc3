package io.github.dingtalkroles.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.dingtalkroles.domain.Department;
import io.github.dingtalkroles.domain.Employee;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The membership kit checked against itself, without any adapter: a small faithful backend passes,
 * one whose repeated grant resets the member's scope fails exactly the rule it breaks.
 */
class RoleAssignmentsContractTest {

    /** A small backend that keeps every rule: the whole contract passes. */
    @Nested
    class AgainstASmallFaithfulBackend extends RoleAssignmentsContract {
        @Override
        protected Backend newBackend(List<Department> departments, List<Employee> employees) {
            SmallOrganisation organisation = new SmallOrganisation(departments, employees, false);
            return new Backend(organisation, organisation);
        }
    }

    /**
     * The same backend, granting a role again by putting the member in anew. Static, not {@code @Nested},
     * and enabled only while {@link #regrantFailures} launches it, so its failures are this test's
     * evidence, not the build's.
     */
    @EnabledIf("launched")
    static final class RegrantResetsScope extends RoleAssignmentsContract {
        static volatile boolean launched;

        static boolean launched() {
            return launched;
        }

        @Override
        protected Backend newBackend(List<Department> departments, List<Employee> employees) {
            SmallOrganisation organisation = new SmallOrganisation(departments, employees, true);
            return new Backend(organisation, organisation);
        }
    }

    @Test
    void aBackendWhoseRepeatedGrantResetsTheScopeFailsOnlyTheRepeatRuleAndSaysWhichRuleBroke() {
        TestExecutionSummary summary = regrantFailures();

        assertThat(summary.getTestsStartedCount()).isGreaterThan(10);
        assertThat(summary.getFailures()).singleElement().satisfies(failure -> {
            assertThat(failure.getTestIdentifier().getDisplayName()).isEqualTo("repeatingAGrantOrARevokeChangesNothing()");
            assertThat(failure.getException()).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("a repeated grant keeps the member's scope");
        });
    }

    private static TestExecutionSummary regrantFailures() {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(RegrantResetsScope.class)).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        RegrantResetsScope.launched = true;
        try {
            LauncherFactory.create().execute(request, listener);
        } finally {
            RegrantResetsScope.launched = false;
        }
        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getTestsAbortedCount()).isZero();
        return summary;
    }
}
