package io.github.dingtalkroles.redis;

import io.github.dingtalkroles.dingtalk.DingTalkMetrics;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Lettuce connection of a {@link RedisCoordination} (string keys, byte values: Bucket4j's states and the
 * tokens), and what is known about Redis being there.
 *
 * <ul>
 *   <li>Connects in the background at once; callers wait for the first connection at most their own time left
 *       (Lettuce gives up a connection attempt after the connect timeout), until one caller's wait runs out or an
 *       attempt fails: from then on attempts go on in the background and callers do not wait for them. After a connection was made, Lettuce reconnects by itself (every 50 ms to 1 s)
 *       and rejects commands at once while it is disconnected, so a dead Redis costs a call nothing; a command
 *       that gets no answer fails after the command timeout.</li>
 *   <li>An <b>outage</b> starts with the first failure: one WARN line (the URI redacted, no secret), the
 *       {@link DingTalkMetrics#coordinationOutage()} metric, and for {@value #PROBE_MILLIS} ms no caller tries
 *       Redis (they use their fallbacks at once); then callers try again. The first success ends it, logged at
 *       INFO.</li>
 * </ul>
 * Thread-safe.
 */
final class RedisLink implements AutoCloseable {
    /** How long after a failure callers skip Redis before trying it again. */
    static final long PROBE_MILLIS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(RedisCoordination.class);
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final String shownUri;
    private final String password;
    private final RedisURI uri;
    private final ClientResources resources;
    private final RedisClient client;
    private final DingTalkMetrics metrics;
    private final String fallbackDescription;

    private final Object lock = new Object();
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private CompletableFuture<StatefulRedisConnection<String, byte[]>> connecting; // guarded by lock
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile long skipUntilNanos;
    private volatile long outageStartNanos;
    private volatile boolean closed;
    /**
     * Whether callers still wait for a connection attempt (at most their own time left): only until the first
     * connection was made, or until one caller's wait ran out or an attempt failed. After that, an attempt goes on in
     * the background and callers only check whether it has ended, so a Redis that never answers (a dropped route,
     * a silent firewall) costs each call nothing while no connection was ever made.
     */
    private volatile boolean waitForConnection = true;

    RedisLink(String rawUri, Duration connectTimeout, Duration commandTimeout, DingTalkMetrics metrics,
            String fallbackDescription) {
        this.shownUri = RedisUris.redacted(rawUri.strip());
        this.password = RedisUris.password(rawUri.strip());
        this.uri = RedisUris.parse(rawUri);
        // the connection's handshake (HELLO, AUTH, CLIENT SETINFO) gets the connect timeout: a cold JVM under load
        // may take longer than one command may; commands get the command timeout (TimeoutOptions below)
        this.uri.setTimeout(connectTimeout);
        this.metrics = metrics;
        this.fallbackDescription = fallbackDescription;
        this.resources = ClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources);
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .build());
        synchronized (lock) {
            startConnecting();
        }
    }

    /** The URI as it may be shown: its password masked. */
    String shownUri() {
        return shownUri;
    }

    /**
     * Runs {@code command} on the connection and reports success; empty if Redis is not usable now (no
     * connection within {@code timeLeft}, or an outage's pause) or the command failed (then an outage starts).
     * The caller then uses its fallback. {@code command} must throw only for Redis failures.
     */
    <T> Optional<T> run(Duration timeLeft, String use, Function<StatefulRedisConnection<String, byte[]>, T> command) {
        StatefulRedisConnection<String, byte[]> usable = connection(timeLeft);
        if (usable == null) {
            fallback(use);
            return Optional.empty();
        }
        T result;
        long started = System.nanoTime();
        try {
            result = command.apply(usable);
        } catch (RuntimeException e) {
            failed(e);
            fallback(use);
            return Optional.empty();
        }
        worked(started);
        return Optional.ofNullable(result);
    }

    /** The connection if Redis may be tried now, or {@code null}. */
    StatefulRedisConnection<String, byte[]> connection(Duration timeLeft) {
        if (closed || (down.get() && System.nanoTime() - skipUntilNanos < 0)) {
            return null;
        }
        StatefulRedisConnection<String, byte[]> current = connection;
        if (current != null) {
            return current;
        }
        CompletableFuture<StatefulRedisConnection<String, byte[]>> attempt;
        synchronized (lock) {
            if (connection != null) {
                return connection;
            }
            if (connecting == null) {
                startConnecting();
            }
            attempt = connecting;
        }
        // Lettuce ends a connection attempt after the connect timeout; a cold JVM may take longer to get there
        long waitNanos = waitForConnection ? timeLeft.toNanos() : 0;
        try {
            StatefulRedisConnection<String, byte[]> made = attempt.get(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
            synchronized (lock) {
                if (connection == null && !closed) {
                    connection = made;
                } else if (connection != made) {
                    made.closeAsync();
                }
                return connection;
            }
        } catch (TimeoutException e) {
            waitForConnection = false; // still connecting: this caller falls back, the next ones do not wait for it
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            waitForConnection = false;
            synchronized (lock) {
                if (connecting == attempt) {
                    connecting = null;
                }
            }
            failed(e.getCause());
            return null;
        }
    }

    /** A command failed or Redis could not be reached: starts an outage if none is going on. */
    void failed(Throwable cause) {
        skipUntilNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PROBE_MILLIS);
        if (!closed && down.compareAndSet(false, true)) {
            outageStartNanos = System.nanoTime();
            metrics.coordinationOutage();
            LOG.warn("Redis at {} is unavailable ({}); DingTalk calls go on with in-process fallbacks ({}) until it"
                    + " is back", shownUri, describe(cause), fallbackDescription);
        }
    }

    /**
     * A command sent at {@code startedNanos} ({@link System#nanoTime()}) worked: ends an outage if one is going on
     * and began before it was sent (a command sent before the outage and answered late proves nothing).
     */
    void worked(long startedNanos) {
        if (down.get() && startedNanos - outageStartNanos > 0 && down.compareAndSet(true, false)) {
            LOG.info("Redis at {} is available again after {} s: the cluster-wide rate limit and token cache resume",
                    shownUri, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - outageStartNanos));
        }
    }

    /** A call used its in-process fallback for {@code use} ({@code rate_limit} or {@code token}). */
    void fallback(String use) {
        metrics.coordinationFallback(use);
    }

    /** Whether an outage is going on. */
    boolean isDown() {
        return down.get();
    }

    private void startConnecting() {
        connecting = client.connectAsync(CODEC, uri).toCompletableFuture();
    }

    /** The failure's class and message, the password masked. */
    private String describe(Throwable cause) {
        if (cause == null) {
            return "no answer";
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return text(cause) + (root == cause ? "" : ", caused by " + text(root));
    }

    private String text(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + RedisUris.redact(message, password));
    }

    @Override
    public void close() {
        closed = true;
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2)); // closes its connections
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    @Override
    public String toString() {
        return "Redis[" + shownUri + (down.get() ? ", unavailable" : "") + "]";
    }
}
