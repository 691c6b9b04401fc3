package io.github.dingtalkroles.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs independent port calls with bounded concurrency, so that a remote backend's latency does not
 * leave its call quota unused. Stops starting tasks at the first failure, waits for the ones already
 * running, and rethrows that first failure (the others suppressed). One pool per {@link RoleSync} call,
 * closed when the call ends.
 */
final class Workers implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int concurrency;
    private ExecutorService pool;

    Workers(int concurrency) {
        this.concurrency = concurrency;
    }

    /**
     * Runs {@code task} for every item, at most {@code concurrency} at once (in the caller's thread when
     * one at a time), and returns when all are done or, after a failure, when the running ones are.
     *
     * @throws RuntimeException the first failure; later ones suppressed
     * @throws CancellationException if the calling thread is interrupted (its flag is set again)
     */
    <T> void forEach(List<T> items, Consumer<? super T> task) {
        if (concurrency == 1 || items.size() <= 1) {
            items.forEach(task);
            return;
        }
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<?>> running = new ArrayList<>(items.size());
        for (T item : items) {
            running.add(pool().submit(() -> {
                if (stop.get()) {
                    return;
                }
                try {
                    task.accept(item);
                } catch (RuntimeException | Error e) {
                    stop.set(true);
                    throw e;
                }
            }));
        }
        RuntimeException first = null;
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Error error) {
                    throw error;
                }
                RuntimeException failure = (RuntimeException) cause;
                if (first == null) {
                    first = failure;
                } else if (failure != first) {
                    first.addSuppressed(failure);
                }
            } catch (InterruptedException e) {
                stop.set(true);
                running.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                CancellationException cancelled = new CancellationException("interrupted while waiting for port calls");
                if (first != null) {
                    cancelled.addSuppressed(first);
                }
                throw cancelled;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private ExecutorService pool() {
        if (pool == null) {
            int id = POOLS.incrementAndGet();
            AtomicInteger threads = new AtomicInteger();
            ThreadFactory factory = runnable -> {
                Thread thread = new Thread(runnable, "role-sync-" + id + "-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
            pool = Executors.newFixedThreadPool(concurrency, factory);
        }
        return pool;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
