package io.github.dingtalkroles.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleMember;
import io.github.dingtalkroles.domain.UserId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemberWalkTest {
    private static final RoleId ROLE = RoleId.of(7);

    /** A bare list of one role's members behind the listing call only. */
    private static final class ListedMembers implements RoleAssignments {
        final List<RoleMember> members = new ArrayList<>();
        final List<MemberPageRequest> requests = new ArrayList<>();
        Consumer<ListedMembers> afterEachPage = m -> { };

        ListedMembers(int count) {
            IntStream.rangeClosed(1, count).forEach(i -> members.add(member(i)));
        }

        static RoleMember member(int i) {
            return new RoleMember(UserId.of("user-" + i), "User " + i, List.of());
        }

        @Override
        public MemberPage listMembers(RoleId roleId, MemberPageRequest page) {
            requests.add(page);
            int from = Math.min(page.offset(), members.size());
            int to = Math.min(from + page.size(), members.size());
            MemberPage result = new MemberPage(page, List.copyOf(members.subList(from, to)), to < members.size());
            afterEachPage.accept(this);
            return result;
        }

        @Override
        public void grant(Collection<RoleId> roleIds, Collection<UserId> userIds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void revoke(Collection<RoleId> roleIds, Collection<UserId> userIds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setScope(RoleId roleId, UserId userId, ManagementScope scope) {
            throw new UnsupportedOperationException();
        }
    }

    @ParameterizedTest
    @CsvSource({"0,100", "1,100", "100,100", "101,100", "250,100", "7,2", "10,3"})
    void seesEveryMemberExactlyOnceInOrder(int count, int pageSize) {
        ListedMembers role = new ListedMembers(count);

        List<String> walked = MemberWalk.of(role, ROLE).pageSize(pageSize).stream()
                .map(m -> m.userId().value()).toList();

        assertThat(walked).containsExactlyElementsOf(IntStream.rangeClosed(1, count).mapToObj(i -> "user-" + i).toList());
    }

    @Test
    void theDefaultWalkUsesFullPagesOfAHundredAndFetchesLazily() {
        ListedMembers role = new ListedMembers(250);

        var it = role.allMembers(ROLE).iterator();
        assertThat(role.requests).isEmpty();
        it.next();
        it.forEachRemaining(m -> { });
        assertThat(role.requests).extracting(MemberPageRequest::offset).containsExactly(0, 99, 198);
        assertThat(role.requests).extracting(MemberPageRequest::size).containsOnly(100);
    }

    @Test
    void failsRatherThanSkipWhenAMemberBeforeThePositionIsRevoked() {
        ListedMembers role = new ListedMembers(10);
        role.afterEachPage = m -> m.members.remove(0);

        assertThatThrownBy(() -> MemberWalk.of(role, ROLE).pageSize(4).stream().toList())
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.LISTING_CHANGED))
                .hasMessageContaining("member listing of role 7 changed during the walk")
                .hasMessageContaining("member user-4 is no longer at offset 3");
    }

    @Test
    void refusesPageSizesOutsideTwoToAHundredAndASecondStream() {
        MemberWalk walk = MemberWalk.of(new ListedMembers(1), ROLE);
        assertThatThrownBy(() -> walk.pageSize(101)).hasMessage("walk page size must be between 2 and 100 (got 101)");
        walk.stream();
        assertThatThrownBy(walk::stream).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void memberPagesAreBoundedBy1To100AndHoldEachMemberOnce() {
        assertThatThrownBy(() -> new MemberPageRequest(0, 101))
                .hasMessage("member page size must be between 1 and 100 (got 101)");
        assertThatThrownBy(() -> new MemberPageRequest(-1, 1)).hasMessageContaining("offset must be 0 or more");
        assertThatThrownBy(() -> new MemberPage(new MemberPageRequest(0, 5),
                List.of(ListedMembers.member(1), ListedMembers.member(1)), false))
                .hasMessage("member user-1 appears twice on one page");
        assertThat(MemberPageRequest.first().next()).isEqualTo(new MemberPageRequest(20, 20));
    }
}
