package io.github.dingtalkroles.testsupport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The log lines of this library, captured in tests. Having this module on the test class path makes
 * {@link Provider} the SLF4J backend (registered through {@code META-INF/services}): every logger
 * whose name starts with {@value #CAPTURED_PREFIX} is enabled at TRACE, every other logger is off,
 * and nothing is printed.
 *
 * <p>Each event becomes one line, {@code LEVEL logger message}, followed by its throwable's stack
 * trace if it has one. Lines are counted, and kept only by the {@linkplain #watch watches} that ask
 * for them, so a long load test logging at TRACE stays in bounded memory:
 *
 * <pre>{@code
 * CapturedLogs.Watch leaks = CapturedLogs.watch(line -> line.contains(secret));
 * ... run the code under test ...
 * assertThat(CapturedLogs.lineCount()).isPositive();
 * assertThat(leaks.lines()).isEmpty();
 * }</pre>
 *
 * <p>Thread-safe: lines may be logged from any thread while watches are opened, read and closed.
 */
public final class CapturedLogs {
    /** Loggers whose names start with this are captured; all others are off. */
    public static final String CAPTURED_PREFIX = "io.github.dingtalkroles";

    private static final AtomicLong LINES = new AtomicLong();
    private static final List<Watch> WATCHES = new CopyOnWriteArrayList<>();

    private CapturedLogs() {
    }

    /** Whether SLF4J picked {@link Provider} (and not another backend on the class path). */
    public static boolean installed() {
        return LoggerFactory.getILoggerFactory() instanceof CapturingLoggerFactory;
    }

    /** How many lines were logged since the JVM started. */
    public static long lineCount() {
        return LINES.get();
    }

    /** From now on, keeps every line that {@code filter} accepts, until the watch is closed. */
    public static Watch watch(Predicate<String> filter) {
        Watch watch = new Watch(Objects.requireNonNull(filter, "filter"));
        WATCHES.add(watch);
        return watch;
    }

    /** From now on, keeps every line, until the watch is closed. */
    public static Watch watchAll() {
        return watch(line -> true);
    }

    private static void record(String line) {
        LINES.incrementAndGet();
        for (Watch watch : WATCHES) {
            watch.offer(line);
        }
    }

    /** The lines one {@link #watch} has kept. Thread-safe. */
    public static final class Watch implements AutoCloseable {
        private final Predicate<String> filter;
        private final List<String> kept = new CopyOnWriteArrayList<>();

        private Watch(Predicate<String> filter) {
            this.filter = filter;
        }

        /** The lines kept so far, oldest first. */
        public List<String> lines() {
            return List.copyOf(kept);
        }

        /** How many lines were kept so far. */
        public int count() {
            return kept.size();
        }

        /** Forgets the lines kept so far; the watch goes on. */
        public void clear() {
            kept.clear();
        }

        /** Stops keeping lines; those kept stay readable. Idempotent. */
        @Override
        public void close() {
            WATCHES.remove(this);
        }

        private void offer(String line) {
            if (filter.test(line)) {
                kept.add(line);
            }
        }
    }

    /**
     * The SLF4J service provider behind {@link CapturedLogs}; SLF4J finds it through
     * {@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider}. Not for direct use.
     */
    public static final class Provider implements SLF4JServiceProvider {
        private final ILoggerFactory loggers = new CapturingLoggerFactory();
        private final IMarkerFactory markers = new BasicMarkerFactory();
        private final MDCAdapter mdc = new BasicMDCAdapter();

        /** Called by SLF4J's service loader. */
        public Provider() {
        }

        @Override
        public ILoggerFactory getLoggerFactory() {
            return loggers;
        }

        @Override
        public IMarkerFactory getMarkerFactory() {
            return markers;
        }

        @Override
        public MDCAdapter getMDCAdapter() {
            return mdc;
        }

        @Override
        public String getRequestedApiVersion() {
            return "2.0.99";
        }

        @Override
        public void initialize() {
        }
    }

    private static final class CapturingLoggerFactory implements ILoggerFactory {
        private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();

        @Override
        public Logger getLogger(String name) {
            return loggers.computeIfAbsent(name, CapturingLogger::new);
        }
    }

    private static final class CapturingLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;
        private final boolean enabled;

        CapturingLogger(String name) {
            this.name = name;
            this.enabled = name.startsWith(CAPTURED_PREFIX);
        }

        @Override
        public boolean isTraceEnabled() {
            return enabled;
        }

        @Override
        public boolean isDebugEnabled() {
            return enabled;
        }

        @Override
        public boolean isInfoEnabled() {
            return enabled;
        }

        @Override
        public boolean isWarnEnabled() {
            return enabled;
        }

        @Override
        public boolean isErrorEnabled() {
            return enabled;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                Throwable throwable) {
            if (!enabled) {
                return;
            }
            StringBuilder line = new StringBuilder(level + " " + name + " "
                    + MessageFormatter.basicArrayFormat(pattern, arguments));
            if (throwable != null) {
                StringWriter trace = new StringWriter();
                throwable.printStackTrace(new PrintWriter(trace));
                line.append('\n').append(trace);
            }
            record(line.toString());
        }
    }
}
