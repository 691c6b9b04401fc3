package io.github.dingtalkroles.port;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The offset walk with an overlap check behind {@link RoleGroupWalk} and {@link MemberWalk}: each page
 * after the first starts one item early, at the last item already returned, and checks that it is
 * still there; otherwise the listing shifted and the walk throws {@link ConflictException}
 * ({@link ConflictException.Reason#LISTING_CHANGED}) rather than skip or repeat an item. It also fails
 * if a page says there is more but brings nothing new. One page in memory. Not thread-safe.
 *
 * @param <P> the page type
 * @param <T> the item type
 */
final class PagedWalk<P, T> {
    /** Reads one page. */
    interface Pages<P, T> {
        P fetch(int offset, int size);

        List<T> items(P page);

        boolean hasMore(P page);
    }

    private final String listing;
    private final String item;
    private final String plural;
    private final Pages<P, T> pages;
    private final Function<? super T, ?> key;
    private final int pageSize;
    private final Consumer<? super P> listener;

    private int offset;
    private Object lastSeen;
    private Iterator<T> current = List.<T>of().iterator();
    private boolean more = true;

    /**
     * @param listing what is walked, for messages, e.g. {@code "role group listing"}
     * @param item one item, for messages, e.g. {@code "role group"}
     * @param plural items, for messages, e.g. {@code "groups"}
     * @param key what identifies an item (its id)
     */
    PagedWalk(String listing, String item, String plural, Pages<P, T> pages, Function<? super T, ?> key, int pageSize,
            Consumer<? super P> listener) {
        this.listing = listing;
        this.item = item;
        this.plural = plural;
        this.pages = pages;
        this.key = key;
        this.pageSize = pageSize;
        this.listener = listener;
    }

    /** The walk as a sequential, ordered, lazy stream. */
    Stream<T> stream() {
        Iterator<T> items = new Iterator<>() {
            @Override
            public boolean hasNext() {
                while (!current.hasNext() && more) {
                    fetchPage();
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more " + plural);
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT), false);
    }

    private void fetchPage() {
        P page = pages.fetch(offset, pageSize);
        listener.accept(page);
        List<T> items = pages.items(page);
        int overlap = 0;
        if (lastSeen != null) {
            if (items.isEmpty() || !key.apply(items.get(0)).equals(lastSeen)) {
                throw listingChanged(item + " " + lastSeen + " is no longer at offset " + offset);
            }
            overlap = 1;
        }
        List<T> fresh = items.subList(overlap, items.size());
        if (fresh.isEmpty() && pages.hasMore(page)) {
            throw listingChanged("the page at offset " + offset + " reported more " + plural + " but brought none");
        }
        more = pages.hasMore(page);
        if (!items.isEmpty()) {
            lastSeen = key.apply(items.get(items.size() - 1));
            offset += items.size() - 1;
        }
        current = fresh.iterator();
    }

    private ConflictException listingChanged(String detail) {
        return new ConflictException(ConflictException.Reason.LISTING_CHANGED,
                "the " + listing + " changed during the walk (" + detail + "); walk again from the start",
                BackendDiagnostics.NONE);
    }

    /** Checks a walk's page size: 2 (one item of each later page is the overlap check) to {@code max}. */
    static int checkPageSize(int size, int max) {
        if (size < 2 || size > max) {
            throw new IllegalArgumentException("walk page size must be between 2 and " + max + " (got " + size + ")");
        }
        return size;
    }

    /** The refusal of a walk configured or streamed after it was streamed. */
    static IllegalStateException alreadyStreamed() {
        return new IllegalStateException("the walk has been streamed; configure a walk before streaming it,"
                + " and stream it once");
    }
}
