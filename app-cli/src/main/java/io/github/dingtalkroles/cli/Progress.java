package io.github.dingtalkroles.cli;

import java.io.PrintWriter;

/**
 * Progress of a walk over every page ({@code list --all}, {@code members --all}): pages and items
 * fetched so far, redrawn on one stderr line, and only when stderr is a terminal, so that scripts
 * capturing stderr see nothing of it. Not thread-safe: one walk, one thread.
 */
final class Progress {
    private final PrintWriter err;
    private final String items;
    private final boolean shown;
    private int pages;
    private long count;

    private Progress(PrintWriter err, String items, boolean shown) {
        this.err = err;
        this.items = items;
        this.shown = shown;
    }

    /**
     * @param items what is counted, in the plural: {@code "role groups"}, {@code "members"}
     * @return a progress line on {@code err} if stderr is a terminal, else one that shows nothing
     */
    static Progress onTerminal(PrintWriter err, String items) {
        return new Progress(err, items, Terminal.stderrIsTerminal());
    }

    /** A page was fetched: redraws the line. */
    void page() {
        pages++;
        show();
    }

    /** An item of the current page was passed on. */
    void item() {
        count++;
    }

    /** The walk ended (or failed): the final count, and a line break so that what follows starts clean. */
    void done() {
        if (pages > 0) {
            show();
            if (shown) {
                err.println();
                err.flush();
            }
        }
    }

    private void show() {
        if (shown) {
            err.print("\rfetched " + pages + (pages == 1 ? " page, " : " pages, ") + count + " " + items);
            err.flush();
        }
    }
}
