package io.github.dingtalkroles.emulator;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP server's executor, and the workers that serve requests.
 *
 * <p>The JDK server hands a connection to its executor as soon as the connection's first bytes
 * arrive, and the executor's thread then reads the request line and headers with blocking reads; the
 * server offers no way to read a request's head without a thread. So the executor here runs
 * <em>connection threads</em> (up to {@code maxConnections}, made on demand), which only read and
 * write; a request takes one of the few <em>workers</em> ({@link #acquireWorker}) only once its head
 * and body are in, for the time the directory is called. A slow client therefore holds a connection
 * thread, never a worker, and well-behaved clients keep being served.
 *
 * <p>Each task runs under a {@link Guard}: armed with the head time-out from the start until the
 * handler is called (the head is in), then with the client time-out while the handler reads the body
 * and again while the answer is written. If an armed phase lasts too long, the watchdog interrupts
 * the thread: the JDK server's socket channels are interruptible, so the blocked read or write fails
 * at once and the connection is closed. This avoids the JVM-global {@code sun.net.httpserver.*}
 * time-out properties.
 *
 * <p>When all connection threads are busy, new connections are refused (closed) rather than queued.
 * Thread-safe.
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

        /** Starts a phase in which the client must keep up; the thread is interrupted past the client time-out. */
        synchronized void arm() {
            arm(timeout);
        }

        private synchronized void arm(Duration timeout) {
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

    private final ThreadPoolExecutor connections;
    private final Semaphore workers;
    private final ScheduledExecutorService watchdog;
    private final Duration headTimeout;
    private final Duration clientTimeout;

    WorkerPool(int workerThreads, int maxConnections, Duration headTimeout, Duration clientTimeout) {
        this.headTimeout = headTimeout;
        this.clientTimeout = clientTimeout;
        this.workers = new Semaphore(workerThreads, true);
        this.connections = new ThreadPoolExecutor(0, maxConnections, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemonThreads("dingtalk-emulator-connection-"),
                new ThreadPoolExecutor.AbortPolicy());
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemonThreads("dingtalk-emulator-watchdog-"));
    }

    /**
     * Waits, at most the client time-out, for one of the workers that serve requests.
     *
     * @return whether a worker was taken; if so, {@link #releaseWorker()} must follow
     */
    boolean acquireWorker() {
        try {
            return workers.tryAcquire(clientTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing, or the client is too slow
            return false;
        }
    }

    /** Gives back the worker taken by {@link #acquireWorker()}. */
    void releaseWorker() {
        workers.release();
    }

    /** The guard of the task running on the calling thread; a no-op guard off the pool. */
    static Guard current() {
        Guard guard = CURRENT.get();
        return guard != null ? guard : new Guard(Thread.currentThread(), null, Duration.ZERO);
    }

    @Override
    public void execute(Runnable task) {
        connections.execute(() -> runGuarded(task));
    }

    private void runGuarded(Runnable task) {
        Guard guard = new Guard(Thread.currentThread(), watchdog, clientTimeout);
        CURRENT.set(guard);
        guard.arm(headTimeout); // the JDK server reads the request's head in task.run()
        try {
            task.run();
        } finally {
            guard.disarm();
            CURRENT.remove();
            Thread.interrupted(); // a late alarm must not leak into the next task
        }
    }

    /** Stops at once: running tasks are interrupted. */
    void shutdownNow(Duration grace) {
        watchdog.shutdownNow();
        connections.shutdownNow();
        try {
            connections.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
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
