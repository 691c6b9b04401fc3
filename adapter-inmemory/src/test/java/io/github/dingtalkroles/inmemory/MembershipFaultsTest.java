package io.github.dingtalkroles.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.dingtalkroles.domain.Employee;
import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleMember;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.port.AssignmentFailedException;
import io.github.dingtalkroles.port.MemberPageRequest;
import io.github.dingtalkroles.port.ThrottledException;
import io.github.dingtalkroles.port.UnavailableException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MembershipFaultsTest {
    private static final UserId ANN = UserId.of("ann");

    private final InMemoryRoleDirectory directory = InMemoryRoleDirectory.builder()
            .employee(new Employee(ANN, "Ann", List.of())).build();
    private final Role role = directory.addRole(directory.addRoleGroup(RoleGroupName.of("HR")).id(),
            RoleName.of("Recruiter"));

    private List<UserId> members() {
        return directory.allMembers(role.id()).map(RoleMember::userId).toList();
    }

    @Test
    void aThrottledGrantAppliesNothingAndSaysSo() {
        directory.faults().next(InMemoryOperation.GRANT, InMemoryFault.THROTTLED);

        AssignmentFailedException e = catchThrowableOfType(AssignmentFailedException.class,
                () -> directory.grant(List.of(role.id()), List.of(ANN)));

        assertThat(e.failure()).isInstanceOf(ThrottledException.class);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.applied()).isEmpty();
        assertThat(members()).isEmpty();
    }

    @Test
    void aLostReplyOnRevokeRevokesButReportsTheOutcomeUnknown() {
        directory.grant(List.of(role.id()), List.of(ANN));
        directory.faults().next(InMemoryOperation.REVOKE, InMemoryFault.LOST_REPLY);

        AssignmentFailedException e = catchThrowableOfType(AssignmentFailedException.class,
                () -> directory.revoke(List.of(role.id()), List.of(ANN)));

        assertThat(e.failure()).isInstanceOfSatisfying(UnavailableException.class,
                u -> assertThat(u.isOutcomeUnknown()).isTrue());
        assertThat(e.applied()).as("not confirmed, so not reported applied").isEmpty();
        assertThat(members()).as("the revoke took effect").isEmpty();
    }

    @Test
    void faultsStrikeDeleteFindListAndScopeOperations() {
        directory.faults().next(InMemoryOperation.DELETE_ROLE, InMemoryFault.LOST_REPLY)
                .next(InMemoryOperation.FIND_ROLE, InMemoryFault.UNAVAILABLE)
                .next(InMemoryOperation.LIST_MEMBERS, InMemoryFault.THROTTLED)
                .next(InMemoryOperation.SET_SCOPE, InMemoryFault.NOT_AUTHORIZED);

        assertThat(catchThrowableOfType(UnavailableException.class, () -> directory.deleteRole(role.id()))
                .isOutcomeUnknown()).isTrue();
        assertThat(catchThrowableOfType(UnavailableException.class, () -> directory.findRole(role.id())))
                .isNotNull();
        assertThat(directory.findRole(role.id())).as("the lost reply's delete took effect").isEmpty();
        Role other = directory.addRole(directory.addRoleGroup(RoleGroupName.of("Ops")).id(), RoleName.of("On call"));
        assertThat(catchThrowableOfType(ThrottledException.class,
                () -> directory.listMembers(other.id(), MemberPageRequest.first()))).isNotNull();
        directory.grant(List.of(other.id()), List.of(ANN));
        assertThat(catchThrowableOfType(RuntimeException.class,
                () -> directory.setScope(other.id(), ANN, ManagementScope.wholeOrganisation())))
                .hasMessageContaining("not authorized");
        assertThat(directory.faults().pending()).isZero();
    }

    @Test
    void aSnapshotKeepsTheRosterMembersAndScopes() {
        directory.grant(List.of(role.id()), List.of(ANN));

        InMemoryRoleDirectory copy = InMemoryRoleDirectory.restore(directory.snapshot());

        assertThat(copy.snapshot()).isEqualTo(directory.snapshot());
        assertThat(copy.allMembers(role.id()).map(RoleMember::userId)).containsExactly(ANN);
        assertThat(copy.snapshot().employees()).extracting(Employee::id).containsExactly(ANN);
    }
}
