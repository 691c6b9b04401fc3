package io.github.dingtalkroles.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.port.NotAuthorizedException;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.ThrottledException;
import io.github.dingtalkroles.port.UnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
    private final InMemoryRoleDirectory directory = InMemoryRoleDirectory.create();

    @Test
    void throttlesTheNextCallsOfOneOperationOnly() {
        directory.injectFault(Operation.LIST_ROLE_GROUPS, Fault.THROTTLED, 2);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> directory.listRoleGroups(PageRequest.first()))
                    .isInstanceOfSatisfying(ThrottledException.class, e -> {
                        assertThat(e.isRetryable()).isTrue();
                        assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
                    });
        }
        assertThat(directory.addRoleGroup(RoleGroupName.of("HR"))).isNotNull();
        assertThat(directory.listRoleGroups(PageRequest.first()).groups()).hasSize(2);
    }

    @Test
    void anUnavailableWriteWritesNothing() {
        directory.injectFault(Operation.ADD_ROLE_GROUP, Fault.UNAVAILABLE, 1);

        assertThatThrownBy(() -> directory.addRoleGroup(RoleGroupName.of("HR")))
                .isInstanceOfSatisfying(UnavailableException.class,
                        e -> assertThat(e.isOutcomeUnknown()).isFalse());
        assertThat(directory.allRoleGroups()).hasSize(1);
    }

    @Test
    void aLostReplyCommitsTheWriteButReportsAnUnknownOutcome() {
        RoleGroup hr = directory.addRoleGroup(RoleGroupName.of("HR"));
        directory.injectFault(Operation.ADD_ROLE, Fault.LOST_REPLY, 1);

        assertThatThrownBy(() -> directory.addRole(hr.id(), RoleName.of("Recruiter")))
                .isInstanceOfSatisfying(UnavailableException.class,
                        e -> assertThat(e.isOutcomeUnknown()).isTrue());
        assertThat(directory.findRoleGroup(hr.id()).orElseThrow().roles())
                .extracting(r -> r.name().value()).containsExactly("Recruiter");
    }

    @Test
    void aLostReplyOnAReadIsPlainUnavailability() {
        directory.injectFault(Operation.FIND_ROLE_GROUP, Fault.LOST_REPLY, 1);

        assertThatThrownBy(() -> directory.findRoleGroup(
                io.github.dingtalkroles.domain.RoleGroupId.of(InMemoryRoleDirectory.DEFAULT_GROUP_ID)))
                .isInstanceOfSatisfying(UnavailableException.class,
                        e -> assertThat(e.isOutcomeUnknown()).isFalse());
    }

    @Test
    void quotaExhaustionIsNotRetryable() {
        directory.injectFault(Operation.RENAME_ROLE, Fault.QUOTA_EXHAUSTED, 1);

        assertThatThrownBy(() -> directory.renameRole(
                io.github.dingtalkroles.domain.RoleId.of(1), RoleName.of("x")))
                .isInstanceOfSatisfying(ThrottledException.class, e -> {
                    assertThat(e.isQuotaExhausted()).isTrue();
                    assertThat(e.isRetryable()).isFalse();
                });
    }

    @Test
    void faultsStrikeInTheOrderTheyWereQueuedAndCanBeCleared() {
        directory.injectFault(Operation.ADD_ROLE_GROUP, Fault.NOT_AUTHORIZED, 1);
        directory.injectFault(Operation.ADD_ROLE_GROUP, Fault.THROTTLED, 1);
        directory.injectFault(Operation.ADD_ROLE_GROUP, Fault.UNAVAILABLE, 5);

        assertThatThrownBy(() -> directory.addRoleGroup(RoleGroupName.of("A")))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> directory.addRoleGroup(RoleGroupName.of("A")))
                .isInstanceOf(ThrottledException.class);
        directory.clearFaults();
        assertThat(directory.addRoleGroup(RoleGroupName.of("A")).name().value()).isEqualTo("A");
    }

    @Test
    void refusesANegativeCount() {
        assertThatThrownBy(() -> directory.injectFault(Operation.ADD_ROLE, Fault.THROTTLED, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
