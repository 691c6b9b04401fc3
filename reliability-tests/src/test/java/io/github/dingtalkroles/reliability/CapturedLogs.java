package io.github.dingtalkroles.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J backend of this module's tests (adapted from adapter-feign's {@code CapturingSlf4jProvider}):
 * every logger of this library ({@code io.github.dingtalkroles..}, adapter and emulator alike) is
 * enabled at TRACE, and each event, formatted with its throwable's stack trace, is checked for anything
 * that {@link Credentials#leaks}. Lines are counted, not kept, so a long load test stays in bounded
 * memory; only lines holding a secret are kept, as evidence.
 */
public final class CapturedLogs implements SLF4JServiceProvider {
    private static final String CAPTURED_PREFIX = "io.github.dingtalkroles";
    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();
    private static final AtomicLong LINES = new AtomicLong();
    private static final ConcurrentMap<String, AtomicLong> MATCHES = new ConcurrentHashMap<>();

    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new BasicMDCAdapter();

    /** Counts the lines that contain {@code text} from now on (see {@link #matches}). */
    static void count(String text) {
        MATCHES.putIfAbsent(text, new AtomicLong());
    }

    /** How many lines contained {@code text} since {@link #count} was called for it. */
    static long matches(String text) {
        AtomicLong n = MATCHES.get(text);
        return n == null ? 0 : n.get();
    }

    /** Lines logged so far that held a forbidden value. */
    static List<String> leaks() {
        return List.copyOf(LEAKS);
    }

    /** How many lines were logged so far. */
    static long lines() {
        return LINES.get();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return name -> loggers.computeIfAbsent(name, CapturingLogger::new);
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

    private static void record(String line) {
        LINES.incrementAndGet();
        if (Credentials.leaks(line)) {
            LEAKS.add(line);
        }
        MATCHES.forEach((text, n) -> {
            if (line.contains(text)) {
                n.incrementAndGet();
            }
        });
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
