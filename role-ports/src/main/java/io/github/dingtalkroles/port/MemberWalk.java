package io.github.dingtalkroles.port;

import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleMember;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A lazy walk over every member of one role, one page at a time, with the same guarantee as
 * {@link RoleGroupWalk}: each page after the first starts at the last member already returned and
 * checks that this member is still there. If members before the walk's position are granted or
 * revoked so that the listing shifts, the walk throws {@link ConflictException} with
 * {@link ConflictException.Reason#LISTING_CHANGED} rather than skip or repeat a member. Memory use is
 * one page.
 *
 * <pre>{@code
 * MemberWalk.of(assignments, roleId)
 *     .onPage(page -> progress.update(page.members().size()))
 *     .stream()
 *     .forEach(member -> ...);
 * }</pre>
 *
 * <p>Not thread-safe: one walk is consumed by one thread. A walk can be streamed once.
 */
public final class MemberWalk {
    private final RoleAssignments assignments;
    private final RoleId roleId;
    private int pageSize = MemberPageRequest.MAX_SIZE;
    private Consumer<? super MemberPage> pageListener = page -> { };
    private boolean started;

    private MemberWalk(RoleAssignments assignments, RoleId roleId) {
        this.assignments = Objects.requireNonNull(assignments, "assignments");
        this.roleId = Objects.requireNonNull(roleId, "roleId");
    }

    /**
     * A walk over the members of {@code roleId}, in pages of {@value MemberPageRequest#MAX_SIZE}.
     *
     * @param assignments where to read the members; not null
     * @param roleId the role whose members to walk; not null
     * @return a new walk, not yet started
     * @throws NullPointerException if an argument is null
     */
    public static MemberWalk of(RoleAssignments assignments, RoleId roleId) {
        return new MemberWalk(assignments, roleId);
    }

    /**
     * Sets the page size (2 to {@value MemberPageRequest#MAX_SIZE}; one member of each page after the
     * first is the overlap check). Call before the walk starts.
     *
     * @param size the page size, 2 to {@value MemberPageRequest#MAX_SIZE}
     * @return this walk
     * @throws IllegalArgumentException if {@code size} is out of range
     * @throws IllegalStateException if the walk was already streamed
     */
    public MemberWalk pageSize(int size) {
        requireNotStarted();
        this.pageSize = PagedWalk.checkPageSize(size, MemberPageRequest.MAX_SIZE);
        return this;
    }

    /**
     * Calls {@code listener} with each page as it is fetched, e.g. to show progress.
     *
     * @param listener called with each fetched page; not null
     * @return this walk
     * @throws NullPointerException if {@code listener} is null
     * @throws IllegalStateException if the walk was already streamed
     */
    public MemberWalk onPage(Consumer<? super MemberPage> listener) {
        requireNotStarted();
        this.pageListener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * The walk as a sequential, ordered, lazy stream: the first page is fetched when the stream's
     * first element is asked for. It throws the exceptions of {@link RoleAssignments#listMembers}.
     *
     * @return the role's members, in the backend's order, fetched page by page
     * @throws IllegalStateException if this walk was already streamed
     */
    public Stream<RoleMember> stream() {
        requireNotStarted();
        started = true;
        return new PagedWalk<>("member listing of role " + roleId, "member", "members",
                new PagedWalk.Pages<MemberPage, RoleMember>() {
                    @Override
                    public MemberPage fetch(int offset, int size) {
                        return assignments.listMembers(roleId, new MemberPageRequest(offset, size));
                    }

                    @Override
                    public List<RoleMember> items(MemberPage page) {
                        return page.members();
                    }

                    @Override
                    public boolean hasMore(MemberPage page) {
                        return page.hasMore();
                    }
                }, RoleMember::userId, pageSize, pageListener).stream();
    }

    private void requireNotStarted() {
        if (started) {
            throw PagedWalk.alreadyStreamed();
        }
    }
}
