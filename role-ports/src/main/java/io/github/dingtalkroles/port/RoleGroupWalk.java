package io.github.dingtalkroles.port;

import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

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

    private int offset;
    private RoleGroupId lastSeen;
    private Iterator<RoleGroup> current = List.<RoleGroup>of().iterator();
    private boolean more = true;
    private boolean started;

    private RoleGroupWalk(RoleDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** A walk over {@code directory}, in pages of {@value PageRequest#MAX_SIZE}. */
    public static RoleGroupWalk over(RoleDirectory directory) {
        return new RoleGroupWalk(directory);
    }

    /**
     * Sets the page size (2 to {@value PageRequest#MAX_SIZE}; one group of each page after the first
     * is the overlap check). Call before the walk starts.
     */
    public RoleGroupWalk pageSize(int size) {
        requireNotStarted();
        if (size < 2 || size > PageRequest.MAX_SIZE) {
            throw new IllegalArgumentException(
                    "walk page size must be between 2 and " + PageRequest.MAX_SIZE + " (got " + size + ")");
        }
        this.pageSize = size;
        return this;
    }

    /** Calls {@code listener} with each page as it is fetched, e.g. to show progress. */
    public RoleGroupWalk onPage(Consumer<? super RoleGroupPage> listener) {
        requireNotStarted();
        this.pageListener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * The walk as a sequential, ordered, lazy stream: the first page is fetched when the stream's
     * first element is asked for.
     *
     * @throws IllegalStateException if this walk was already streamed
     */
    public Stream<RoleGroup> stream() {
        requireNotStarted();
        started = true;
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new Groups(),
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT), false);
    }

    /** The groups of the walk, page after page; the iterator behind {@link #stream()}. */
    private final class Groups implements Iterator<RoleGroup> {
        @Override
        public boolean hasNext() {
            while (!current.hasNext() && more) {
                fetchPage();
            }
            return current.hasNext();
        }

        @Override
        public RoleGroup next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more role groups");
            }
            return current.next();
        }
    }

    private void fetchPage() {
        RoleGroupPage page = directory.listRoleGroups(new PageRequest(offset, pageSize));
        pageListener.accept(page);
        List<RoleGroup> groups = page.groups();
        int overlap = 0;
        if (lastSeen != null) {
            if (groups.isEmpty() || !groups.get(0).id().equals(lastSeen)) {
                throw listingChanged("role group " + lastSeen + " is no longer at offset " + offset);
            }
            overlap = 1;
        }
        List<RoleGroup> fresh = groups.subList(overlap, groups.size());
        if (fresh.isEmpty() && page.hasMore()) {
            throw listingChanged("the page at offset " + offset + " reported more groups but brought none");
        }
        more = page.hasMore();
        if (!groups.isEmpty()) {
            lastSeen = groups.get(groups.size() - 1).id();
            offset += groups.size() - 1;
        }
        current = fresh.iterator();
    }

    private static ConflictException listingChanged(String detail) {
        return new ConflictException(ConflictException.Reason.LISTING_CHANGED,
                "the role group listing changed during the walk (" + detail + "); walk again from the start",
                BackendDiagnostics.NONE);
    }

    private void requireNotStarted() {
        if (started) {
            throw new IllegalStateException("the walk has been streamed; configure a walk before streaming it,"
                    + " and stream it once");
        }
    }
}
