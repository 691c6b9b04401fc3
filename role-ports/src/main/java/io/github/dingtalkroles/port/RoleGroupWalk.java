package io.github.dingtalkroles.port;

import io.github.dingtalkroles.domain.RoleGroup;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A lazy walk over every role group of a {@link RoleDirectory}, one page at a time.
 *
 * <p>Offset paging alone silently skips or repeats groups when groups before the current offset are
 * added or removed during the walk. This walk detects that: each page after the first starts one
 * group early, at the last group already returned, and checks that this group is still there. If it
 * is not, the listing has shifted and the walk throws {@link ConflictException} with
 * {@link ConflictException.Reason#LISTING_CHANGED}. It also fails, rather than loop or stop early, if
 * a page says {@code hasMore} but brings no new group. Memory use is one page, whatever the size of
 * the directory.
 *
 * <pre>{@code
 * RoleGroupWalk.over(directory)
 *     .onPage(page -> progress.update(page.groups().size()))
 *     .stream()
 *     .forEach(group -> ...);
 * }</pre>
 *
 * <p>Not thread-safe: one walk is consumed by one thread. A walk can be streamed once.
 */
public final class RoleGroupWalk {
    private final RoleDirectory directory;
    private int pageSize = PageRequest.MAX_SIZE;
    private Consumer<? super RoleGroupPage> pageListener = page -> { };
    private boolean started;

    private RoleGroupWalk(RoleDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * A walk over {@code directory}, in pages of {@value PageRequest#MAX_SIZE}.
     *
     * @param directory the directory to walk; not null
     * @return a new walk, not yet started
     * @throws NullPointerException if {@code directory} is null
     */
    public static RoleGroupWalk over(RoleDirectory directory) {
        return new RoleGroupWalk(directory);
    }

    /**
     * Sets the page size (2 to {@value PageRequest#MAX_SIZE}; one group of each page after the first
     * is the overlap check). Call before the walk starts.
     *
     * @param size the page size, 2 to {@value PageRequest#MAX_SIZE}
     * @return this walk
     * @throws IllegalArgumentException if {@code size} is out of range
     * @throws IllegalStateException if the walk was already streamed
     */
    public RoleGroupWalk pageSize(int size) {
        requireNotStarted();
        this.pageSize = PagedWalk.checkPageSize(size, PageRequest.MAX_SIZE);
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
    public RoleGroupWalk onPage(Consumer<? super RoleGroupPage> listener) {
        requireNotStarted();
        this.pageListener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * The walk as a sequential, ordered, lazy stream: the first page is fetched when the stream's
     * first element is asked for.
     *
     * @return the directory's role groups, in the backend's order, fetched page by page
     * @throws IllegalStateException if this walk was already streamed
     */
    public Stream<RoleGroup> stream() {
        requireNotStarted();
        started = true;
        return new PagedWalk<>("role group listing", "role group", "groups", new PagedWalk.Pages<RoleGroupPage, RoleGroup>() {
            @Override
            public RoleGroupPage fetch(int offset, int size) {
                return directory.listRoleGroups(new PageRequest(offset, size));
            }

            @Override
            public List<RoleGroup> items(RoleGroupPage page) {
                return page.groups();
            }

            @Override
            public boolean hasMore(RoleGroupPage page) {
                return page.hasMore();
            }
        }, RoleGroup::id, pageSize, pageListener).stream();
    }

    private void requireNotStarted() {
        if (started) {
            throw PagedWalk.alreadyStreamed();
        }
    }
}
