package io.github.dingtalkroles.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.github.dingtalkroles.port.RoleDirectory;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The kit checked against itself: a small faithful backend passes, a hash-ordered one fails at once. */
class RoleDirectoryContractTest {

    /** A small backend that keeps groups in creation order: the whole contract passes. */
    @Nested
    class AgainstASmallFaithfulBackend extends RoleDirectoryContract {
        @Override
        protected RoleDirectory newDirectory() {
            return new SmallRoleDirectory(LinkedHashMap::new);
        }
    }

    /**
     * The same backend keeping groups in a hash map. Static, not {@code @Nested}, and enabled only
     * while {@link #run} launches it (also when a build selects it by a test-name pattern), so its
     * failures are this test's evidence, not the build's.
     */
    @EnabledIf("launched")
    static final class HashOrdered extends RoleDirectoryContract {
        static volatile boolean launched;

        static boolean launched() {
            return launched;
        }

        @Override
        protected RoleDirectory newDirectory() {
            return new SmallRoleDirectory(HashMap::new);
        }
    }

    @Test
    void theOrderingRuleFailsAHashOrderedBackendAndSaysWhichRuleBroke() {
        TestExecutionSummary summary =
                run(selectMethod(HashOrdered.class, "listsGroupsInCreationOrderAfterExistingOnes"));

        assertThat(summary.getTestsStartedCount()).isEqualTo(1);
        assertThat(summary.getFailures()).singleElement().satisfies(failure -> assertThat(failure.getException())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("groups are listed in creation order"));
    }

    @Test
    void aHashOrderedBackendFailsOnlyTheOrderingRule() {
        TestExecutionSummary summary = run(selectClass(HashOrdered.class));

        assertThat(summary.getTestsStartedCount()).isGreaterThan(30);
        assertThat(summary.getFailures()).extracting(f -> f.getTestIdentifier().getDisplayName())
                .containsExactly("listsGroupsInCreationOrderAfterExistingOnes()");
    }

    private static TestExecutionSummary run(DiscoverySelector selector) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(List.of(selector))
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        HashOrdered.launched = true;
        try {
            LauncherFactory.create().execute(request, listener);
        } finally {
            HashOrdered.launched = false;
        }
        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getTestsAbortedCount()).isZero();
        return summary;
    }
}
