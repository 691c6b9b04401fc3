package io.github.dingtalkroles.emulator;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP server's executor: a fixed number of worker threads and a bounded queue, with a watchdog
 * that stops slow clients from holding a worker.
 *
 * <p>The JDK server hands a connection to a worker as soon as its first bytes arrive; the worker then
 * reads the request line and headers with blocking reads. A client that stops sending half-way would
 * hold the worker for ever. Each task is therefore run under a {@link Guard}, armed from the start
 * until the handler has read the body, and again while the answer is written. If the armed phase
 * lasts longer than the client time-out, the watchdog interrupts the worker: the JDK server's socket
 * channels are interruptible, so the blocked read or write fails at once and the connection is
 * closed. This avoids the JVM-global {@code sun.net.httpserver.maxReqTime} properties.
 *
 * <p>When every worker is busy and the queue is full, new connections are refused (closed) rather
 * than queued without bound. Thread-safe.
 */
final class WorkerPool implements Executor {

    /** The watchdog of the task a worker is running. */
    static final class Guard {
        private final Thread worker;
        private final ScheduledExecutorService watchdog;
        private final Duration timeout;
        private ScheduledFuture<?> alarm;
        private long phase;
        private boolean fired;

        private Guard(Thread worker, ScheduledExecutorService watchdog, Duration timeout) {
            this.worker = worker;
            this.watchdog = watchdog;
            this.timeout = timeout;
        }

        /** Starts a phase in which the client must keep up; the worker is interrupted past the time-out. */
        synchronized void arm() {
            endPhase();
            if (!fired && watchdog != null) {
                long armed = phase;
                try {
                    alarm = watchdog.schedule(() -> fire(armed), timeout.toNanos(), TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException closing) {
                    // the emulator is closing: its connections are being closed anyway
                }
            }
        }

        /**
         * Ends the phase.
         *
         * @return {@code false} if the time-out struck: the connection is lost and must be abandoned
         */
        synchronized boolean disarm() {
            endPhase();
            return !fired;
        }

        private void endPhase() {
            phase++;
            if (alarm != null) {
                alarm.cancel(false);
                alarm = null;
            }
        }

        private synchronized void fire(long armed) {
            if (armed == phase && alarm != null) {
                fired = true;
                alarm = null;
                worker.interrupt();
            }
        }
    }

    private static final ThreadLocal<Guard> CURRENT = new ThreadLocal<>();

    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService watchdog;
    private final Duration clientTimeout;

    WorkerPool(int threads, int queueCapacity, Duration clientTimeout) {
        this.clientTimeout = clientTimeout;
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), daemonThreads("dingtalk-emulator-worker-"),
                new ThreadPoolExecutor.AbortPolicy());
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemonThreads("dingtalk-emulator-watchdog-"));
    }

    /** The guard of the task running on the calling thread; a no-op guard off the pool. */
    static Guard current() {
        Guard guard = CURRENT.get();
        return guard != null ? guard : new Guard(Thread.currentThread(), null, Duration.ZERO);
    }

    @Override
    public void execute(Runnable task) {
        workers.execute(() -> runGuarded(task));
    }

    private void runGuarded(Runnable task) {
        Guard guard = new Guard(Thread.currentThread(), watchdog, clientTimeout);
        CURRENT.set(guard);
        guard.arm();
        try {
            task.run();
        } finally {
            guard.disarm();
            CURRENT.remove();
            Thread.interrupted(); // a late alarm must not leak into the next task
        }
    }

    /** Stops the workers at once: running tasks are interrupted, queued ones dropped. */
    void shutdownNow(Duration grace) {
        watchdog.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
