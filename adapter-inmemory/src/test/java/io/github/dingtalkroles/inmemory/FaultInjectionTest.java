package io.github.dingtalkroles.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
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
        directory.faults().next(InMemoryOperation.LIST_ROLE_GROUPS, InMemoryFault.THROTTLED, 2);

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
        directory.faults().next(InMemoryOperation.ADD_ROLE_GROUP, InMemoryFault.UNAVAILABLE);

        assertThatThrownBy(() -> directory.addRoleGroup(RoleGroupName.of("HR")))
                .isInstanceOfSatisfying(UnavailableException.class,
                        e -> assertThat(e.isOutcomeUnknown()).isFalse());
        assertThat(directory.allRoleGroups()).hasSize(1);
    }

    @Test
    void aLostReplyCommitsTheWriteButReportsAnUnknownOutcome() {
        RoleGroup hr = directory.addRoleGroup(RoleGroupName.of("HR"));
        directory.faults().next(InMemoryOperation.ADD_ROLE, InMemoryFault.LOST_REPLY, 1);

        assertThatThrownBy(() -> directory.addRole(hr.id(), RoleName.of("Recruiter")))
                .isInstanceOfSatisfying(UnavailableException.class,
                        e -> assertThat(e.isOutcomeUnknown()).isTrue());
        assertThat(directory.findRoleGroup(hr.id()).orElseThrow().roles())
                .extracting(r -> r.name().value()).containsExactly("Recruiter");
    }

    @Test
    void aLostReplyOnAReadIsPlainUnavailability() {
        directory.faults().next(InMemoryOperation.FIND_ROLE_GROUP, InMemoryFault.LOST_REPLY, 1);

        assertThatThrownBy(() -> directory.findRoleGroup(RoleGroupId.of(InMemoryRoleDirectory.DEFAULT_GROUP_ID)))
                .isInstanceOfSatisfying(UnavailableException.class,
                        e -> assertThat(e.isOutcomeUnknown()).isFalse());
    }

    @Test
    void quotaExhaustionIsNotRetryable() {
        directory.faults().next(InMemoryOperation.RENAME_ROLE, InMemoryFault.QUOTA_EXHAUSTED, 1);

        assertThatThrownBy(() -> directory.renameRole(RoleId.of(1), RoleName.of("x")))
                .isInstanceOfSatisfying(ThrottledException.class, e -> {
                    assertThat(e.isQuotaExhausted()).isTrue();
                    assertThat(e.isRetryable()).isFalse();
                });
    }

    @Test
    void faultsStrikeTheNextCallsInTheOrderTheyWereQueued() {
        directory.faults()
                .next(InMemoryOperation.ADD_ROLE_GROUP, InMemoryFault.NOT_AUTHORIZED, 1)
                .nextOnAny(InMemoryFault.THROTTLED, 1)
                .next(InMemoryOperation.ADD_ROLE_GROUP, InMemoryFault.UNAVAILABLE, 1);

        assertThatThrownBy(() -> directory.addRoleGroup(RoleGroupName.of("A")))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> directory.addRoleGroup(RoleGroupName.of("A")))
                .isInstanceOf(ThrottledException.class);
        assertThatThrownBy(() -> directory.addRoleGroup(RoleGroupName.of("A")))
                .isInstanceOf(UnavailableException.class);
        assertThat(directory.addRoleGroup(RoleGroupName.of("A")).name().value()).isEqualTo("A");
        assertThat(directory.faults().pending()).isZero();
    }

    @Test
    void aFaultForOneOperationSparesTheOthers() {
        directory.faults().next(InMemoryOperation.ADD_ROLE_GROUP, InMemoryFault.UNAVAILABLE, 1);

        assertThat(directory.listRoleGroups(PageRequest.first()).groups()).hasSize(1);
        assertThat(directory.faults().pending()).isEqualTo(1);
    }

    @Test
    void anyOperationFaultsStrikeWhicheverCallComesNext() {
        directory.faults().nextOnAny(InMemoryFault.UNAVAILABLE, 2);

        assertThatThrownBy(() -> directory.listRoleGroups(PageRequest.first()))
                .isInstanceOf(UnavailableException.class);
        assertThatThrownBy(() -> directory.addRoleGroup(RoleGroupName.of("HR")))
                .isInstanceOf(UnavailableException.class);
        assertThat(directory.addRoleGroup(RoleGroupName.of("HR")).name().value()).isEqualTo("HR");
    }

    @Test
    void clearForgetsQueuedFaults() {
        directory.faults().next(InMemoryOperation.LIST_ROLE_GROUPS, InMemoryFault.UNAVAILABLE, 3)
                .nextOnAny(InMemoryFault.THROTTLED, 2);
        assertThat(directory.faults().pending()).isEqualTo(5);

        directory.faults().clear();

        assertThat(directory.faults().pending()).isZero();
        assertThat(directory.listRoleGroups(PageRequest.first()).groups()).hasSize(1);
    }

    @Test
    void refusesANegativeCount() {
        assertThatThrownBy(() -> directory.faults().next(InMemoryOperation.ADD_ROLE, InMemoryFault.THROTTLED, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }
}
