package io.github.dingtalkroles.emulator;

import com.sun.net.httpserver.HttpServer;
import io.github.dingtalkroles.port.RoleAssignments;
import io.github.dingtalkroles.port.RoleDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local HTTP server that speaks DingTalk's role API, and {@code gettoken}, in front of any
 * {@link RoleDirectory}: LocalStack for DingTalk roles. It is written from DingTalk's API pages, so a
 * DingTalk client can be tested end to end without a DingTalk account.
 *
 * <pre>{@code
 * try (DingTalkEmulator emulator = DingTalkEmulator.builder()
 *         .directory(InMemoryRoleDirectory.create())
 *         .appCredentials("app-key", "app-secret")
 *         .start()) {
 *     URI addRole = URI.create(emulator.baseUrl() + "/role/add_role?access_token=" + token);
 *     emulator.faults().next(EmulatorOperation.ADD_ROLE, EmulatorFault.COMMIT_THEN_BUSY, 1);
 *     ...
 *     assertThat(emulator.requestCount(EmulatorOperation.GETTOKEN)).isEqualTo(1);
 *     assertThat(emulator.throttledCount(EmulatorOperation.LIST_ROLES)).isZero(); // errcode 90018 answers
 * }
 * }</pre>
 *
 * <p>Served: {@code GET /gettoken}, {@code POST /role/add_role_group}, {@code /role/add_role},
 * {@code /role/update_role}, {@code /topapi/role/list}, {@code /topapi/role/getrolegroup},
 * {@code /topapi/role/getrole} and {@code /topapi/role/deleterole}, and, when the directory also keeps
 * role members ({@link RoleAssignments}), {@code /topapi/role/simplelist},
 * {@code /topapi/role/addrolesforemps}, {@code /topapi/role/removerolesforemps} and
 * {@code /topapi/role/scope/update}, with form
 * or JSON bodies, {@code access_token} in the query string. Answers are HTTP 200 JSON with
 * {@code errcode}, {@code errmsg} and {@code request_id}, as on DingTalk; the module README lists
 * every error code.
 *
 * <p><b>Thread safety:</b> a running emulator serves requests concurrently on a bounded pool of worker
 * threads; all its methods may be called from any thread at any time. {@link #close()} stops it
 * promptly: the listening socket and open connections are closed and running requests interrupted.
 * Always close it: the JDK's HTTP server thread keeps the JVM alive until then.
 */
public final class DingTalkEmulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DingTalkEmulator.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final HttpServer server;
    private final WorkerPool pool;
    private final EmulatorFaults faults;
    private final RequestCounts counts;
    private final String baseUrl;
    private final String adminSecret; // null: admin API off
    private final AtomicBoolean closed = new AtomicBoolean();

    private DingTalkEmulator(HttpServer server, WorkerPool pool, EmulatorFaults faults, RequestCounts counts,
            String adminSecret) {
        this.server = server;
        this.adminSecret = adminSecret;
        this.pool = pool;
        this.faults = faults;
        this.counts = counts;
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        this.baseUrl = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /**
     * A builder; {@link Builder#directory(RoleDirectory)} and some credentials are required.
     *
     * @return a new builder with every setting at its default
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Where the emulator listens, without a trailing slash, e.g. {@code http://127.0.0.1:54321}.
     *
     * @return the base URL, {@code http://<host>:<port>} with no trailing slash
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The port the emulator listens on; the one picked if the builder said 0.
     *
     * @return the bound port, between 1 and 65535
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The bearer secret every admin call must present ({@code Authorization: Bearer <secret>}), if the
     * admin API is on. Hand it to the test process that drives the admin API; it is never logged.
     *
     * @return the admin secret, or empty if the admin API is off
     */
    public Optional<String> adminSecret() {
        return Optional.ofNullable(adminSecret);
    }

    /**
     * The fault queue: makes the next calls of an operation misbehave.
     *
     * @return the fault queue of this emulator, shared by all its endpoints
     */
    public EmulatorFaults faults() {
        return faults;
    }

    /**
     * How many requests {@code operation}'s path has received since the start (or the last
     * {@link #resetRequestCounts()}), whatever their outcome: refused, faulted or served. Useful to
     * assert retry counts, or that a client asked {@code gettoken} only once.
     *
     * @param operation the endpoint whose requests are counted
     * @return the number of requests that endpoint's path has received, zero or more
     */
    public long requestCount(EmulatorOperation operation) {
        return counts.get(Objects.requireNonNull(operation, "operation"));
    }

    /**
     * How many requests of {@code operation} the per-app QPS limit ({@link Builder#qpsLimitPerApp(int)}) answered
     * with errcode 90018 since the start (or the last {@link #resetRequestCounts()}). Each of them is also in
     * {@link #requestCount}; faults queued as {@link EmulatorFault.Kind#THROTTLED} are not counted here.
     *
     * @param operation the endpoint whose throttled requests are counted
     * @return the number of its requests refused by the QPS limit, zero or more
     */
    public long throttledCount(EmulatorOperation operation) {
        return counts.throttledCount(Objects.requireNonNull(operation, "operation"));
    }

    /** Sets every request count, and every {@linkplain #throttledCount throttled count}, back to 0. */
    public void resetRequestCounts() {
        counts.reset();
    }

    /** Stops the emulator at once; idempotent. Clients with open calls see their connection close. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            pool.shutdownNow(CLOSE_GRACE);
            LOG.info("DingTalk emulator at {} stopped", baseUrl);
        }
    }

    @Override
    public String toString() {
        return "DingTalkEmulator[" + baseUrl + (closed.get() ? ", closed" : "") + "]";
    }

    /**
     * Asks the JDK's HTTP server to set TCP_NODELAY on its connections. It writes a reply's headers and
     * body in two segments; with Nagle's algorithm on, the body then waits for the client's delayed
     * ACK of the headers, about 40 ms on Linux, for every call. The property is read once, when the
     * JDK server's configuration class loads, so it is set before the first server is created; a value
     * the application set itself is left alone.
     */
    private static void disableNagle() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /**
     * Configures and starts a {@link DingTalkEmulator}. Not thread-safe; each {@link #start()} starts an
     * independent emulator over the same directory.
     */
    public static final class Builder {
        private RoleDirectory directory;
        private RoleAssignments assignments;
        private Duration latency = Duration.ZERO;
        private String host = "127.0.0.1";
        private int port;
        private final Map<String, String> appSecrets = new LinkedHashMap<>();
        private final Set<String> fixedTokens = new LinkedHashSet<>();
        private Duration tokenLifetime = Duration.ofSeconds(7200);
        private int qpsLimitPerApp;
        private boolean adminApi;
        private String adminSecret;
        private int maxBodyBytes = 64 * 1024;
        private int workerThreads = 8;
        private int maxConnections = 512;
        private int maxRequestsPerClient = 64;
        private Duration requestHeadTimeout = Duration.ofSeconds(3);
        private Duration clientTimeout = Duration.ofSeconds(10);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * The directory the emulator serves (required), e.g. {@code InMemoryRoleDirectory.create()}. If it
         * also implements {@link RoleAssignments} (as the in-memory directory does), the membership
         * endpoints serve it too, unless {@link #assignments} names another.
         *
         * @param directory the directory to serve; not null
         * @return this builder
         * @throws NullPointerException if {@code directory} is null
         */
        public Builder directory(RoleDirectory directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * The role members the membership endpoints serve; by default the {@link #directory}'s, if it
         * keeps members. Without any, those endpoints answer errcode 400002.
         *
         * @param assignments the role members to serve; not null
         * @return this builder
         * @throws NullPointerException if {@code assignments} is null
         */
        public Builder assignments(RoleAssignments assignments) {
            this.assignments = Objects.requireNonNull(assignments, "assignments");
            return this;
        }

        /**
         * A constant delay added to every answer of the role and membership endpoints, as a far-away
         * DingTalk would show (for benchmarks); none by default. It is spent on a worker, so the
         * {@link #workerThreads} bound how many delayed calls run at once.
         *
         * @param latency the delay added to each answer; zero or positive
         * @return this builder
         * @throws NullPointerException if {@code latency} is null
         * @throws IllegalArgumentException if {@code latency} is negative
         */
        public Builder latency(Duration latency) {
            Objects.requireNonNull(latency, "latency");
            if (latency.isNegative()) {
                throw new IllegalArgumentException("latency must be zero or positive (got " + latency + ")");
            }
            this.latency = latency;
            return this;
        }

        /**
         * The address to bind; {@code 127.0.0.1} by default, so nothing outside the machine can call it.
         *
         * @param host the host name or IP address to bind; not blank
         * @return this builder
         * @throws NullPointerException if {@code host} is null
         * @throws IllegalArgumentException if {@code host} is blank
         */
        public Builder host(String host) {
            this.host = requireText(host, "host");
            return this;
        }

        /**
         * The port to bind; 0 (the default) picks a free one, see {@link DingTalkEmulator#port()}.
         *
         * @param port the port to bind, 0 to 65535; 0 picks a free one
         * @return this builder
         * @throws IllegalArgumentException if {@code port} is outside 0 to 65535
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535 (got " + port + ")");
            }
            this.port = port;
            return this;
        }

        /**
         * An app that may get tokens from {@code gettoken}. May be called for several apps; a second call
         * with the same key replaces its secret. The secret is never logged.
         *
         * @param appKey the app key a client sends to {@code gettoken}; not blank
         * @param appSecret the app secret that must come with it; not blank
         * @return this builder
         * @throws NullPointerException if either is null
         * @throws IllegalArgumentException if either is blank
         */
        public Builder appCredentials(String appKey, String appSecret) {
            appSecrets.put(requireText(appKey, "appKey"), requireText(appSecret, "appSecret"));
            return this;
        }

        /**
         * A token that every role endpoint accepts, without {@code gettoken}, and that never expires
         * (the {@link EmulatorFault.Kind#TOKEN_EXPIRED} fault answers as if it had, once, but keeps it valid).
         * May be called several times.
         *
         * @param token the access token to accept; not blank
         * @return this builder
         * @throws NullPointerException if {@code token} is null
         * @throws IllegalArgumentException if {@code token} is blank
         */
        public Builder accessToken(String token) {
            fixedTokens.add(requireText(token, "token"));
            return this;
        }

        /**
         * How long a token from {@code gettoken} stays valid; 7200 s by default, as on DingTalk.
         *
         * @param lifetime how long a token lives; positive
         * @return this builder
         * @throws NullPointerException if {@code lifetime} is null
         * @throws IllegalArgumentException if {@code lifetime} is zero or negative
         */
        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = requirePositive(lifetime, "tokenLifetime");
            return this;
        }

        /**
         * Answers {@code errcode 90018} when one app calls one endpoint more than {@code limit} times in
         * any one-second window, as DingTalk does (20 on its standard edition). 0, the default, is no
         * limit. Calls with a fixed {@link #accessToken(String)} count as one app.
         *
         * @param limit the calls allowed per app, endpoint and second; 0 for no limit
         * @return this builder
         * @throws IllegalArgumentException if {@code limit} is negative
         */
        public Builder qpsLimitPerApp(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("qpsLimitPerApp must be 0 (off) or more (got " + limit + ")");
            }
            this.qpsLimitPerApp = limit;
            return this;
        }

        /**
         * Serves the admin paths under {@code /__emulator/} (faults and request counts, for tests outside
         * the JVM); off by default, when those paths answer 404. A test-only surface: every admin call
         * must carry {@code Authorization: Bearer <secret>} ({@link DingTalkEmulator#adminSecret()}),
         * send JSON (form posts are refused) and come from no other origin than the emulator's own
         * (a browser's cross-origin request is refused).
         *
         * @param enabled {@code true} to serve the admin paths
         * @return this builder
         */
        public Builder adminApi(boolean enabled) {
            this.adminApi = enabled;
            return this;
        }

        /**
         * The bearer secret of the admin API; by default a random one is made when the admin API is on
         * (read it with {@link DingTalkEmulator#adminSecret()}). Never logged.
         *
         * @param secret the bearer secret admin calls must present; not blank
         * @return this builder
         * @throws NullPointerException if {@code secret} is null
         * @throws IllegalArgumentException if {@code secret} is blank
         */
        public Builder adminSecret(String secret) {
            this.adminSecret = requireText(secret, "adminSecret");
            return this;
        }

        /**
         * The largest request body accepted (larger ones get HTTP 413); 64 KiB by default.
         *
         * @param bytes the largest body accepted, in bytes; positive
         * @return this builder
         * @throws IllegalArgumentException if {@code bytes} is less than 1
         */
        public Builder maxBodyBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxBodyBytes must be positive (got " + bytes + ")");
            }
            this.maxBodyBytes = bytes;
            return this;
        }

        /**
         * How many requests are served at once (calls of the directory, injected delays included); 8 by
         * default. A request takes a worker only once its head and body have arrived, so slow clients
         * never hold one; a request that finds no worker free within {@link #clientTimeout} is answered
         * busy (errcode -1).
         *
         * @param threads the number of worker threads; positive
         * @return this builder
         * @throws IllegalArgumentException if {@code threads} is less than 1
         */
        public Builder workerThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("workerThreads must be positive (got " + threads + ")");
            }
            this.workerThreads = threads;
            return this;
        }

        /**
         * How many connections may be sending a request or taking an answer at once, each on its own
         * thread (the JDK server reads a request's head on a thread); 512 by default. Beyond it new
         * connections are closed. Idle keep-alive connections do not count.
         *
         * @param connections the most connections in progress at once; positive
         * @return this builder
         * @throws IllegalArgumentException if {@code connections} is less than 1
         */
        public Builder maxConnections(int connections) {
            if (connections < 1) {
                throw new IllegalArgumentException("maxConnections must be positive (got " + connections + ")");
            }
            this.maxConnections = connections;
            return this;
        }

        /**
         * How many requests one client address may have in progress at once (from the end of a
         * request's head until its answer is written); 64 by default. The excess is refused at once
         * with HTTP 429 and the connection closed. (The JDK server shows a connection's address only
         * once its head is in; a connection still sending its head is bounded by
         * {@link #requestHeadTimeout} and {@link #maxConnections} instead.)
         *
         * @param requests the most requests in progress per client address; positive
         * @return this builder
         * @throws IllegalArgumentException if {@code requests} is less than 1
         */
        public Builder maxRequestsPerClient(int requests) {
            if (requests < 1) {
                throw new IllegalArgumentException("maxRequestsPerClient must be positive (got " + requests + ")");
            }
            this.maxRequestsPerClient = requests;
            return this;
        }

        /**
         * How long a client may take to send a request's line and headers, from its first byte; 3 s by
         * default. A slower client's connection is closed.
         *
         * @param timeout the longest a request's head may take; positive
         * @return this builder
         * @throws NullPointerException if {@code timeout} is null
         * @throws IllegalArgumentException if {@code timeout} is zero or negative
         */
        public Builder requestHeadTimeout(Duration timeout) {
            this.requestHeadTimeout = requirePositive(timeout, "requestHeadTimeout");
            return this;
        }

        /**
         * How long a client may take to send a request's body and to take in the answer (each); 10 s by
         * default. A slower client's connection is closed. Injected
         * {@linkplain EmulatorFault#delay(Duration) delays} do not count.
         *
         * @param timeout the longest a body, or an answer, may take; positive
         * @return this builder
         * @throws NullPointerException if {@code timeout} is null
         * @throws IllegalArgumentException if {@code timeout} is zero or negative
         */
        public Builder clientTimeout(Duration timeout) {
            this.clientTimeout = requirePositive(timeout, "clientTimeout");
            return this;
        }

        /**
         * The clock for token expiry and the QPS window; the system clock by default. For tests.
         *
         * @param clock the clock to read; not null
         * @return this builder
         * @throws NullPointerException if {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Binds and starts an emulator.
         *
         * @return the running emulator; {@linkplain DingTalkEmulator#close() close} it when done
         * @throws IllegalStateException if no directory, or neither app credentials nor a token, was given
         * @throws UncheckedIOException if the address cannot be bound
         */
        public DingTalkEmulator start() {
            if (directory == null) {
                throw new IllegalStateException("a directory is required: call directory(..)");
            }
            if (appSecrets.isEmpty() && fixedTokens.isEmpty()) {
                throw new IllegalStateException(
                        "no client could authenticate: call appCredentials(..) or accessToken(..)");
            }
            EmulatorFaults faults = new EmulatorFaults();
            RequestCounts counts = new RequestCounts();
            String secret = !adminApi ? null : adminSecret != null ? adminSecret : AdminApi.randomSecret();
            WorkerPool pool = new WorkerPool(workerThreads, maxConnections, requestHeadTimeout, clientTimeout);
            RoleAssignments members = assignments != null ? assignments
                    : directory instanceof RoleAssignments own ? own : null;
            EmulatorHandler handler = new EmulatorHandler(new RoleApi(directory, members), latency,
                    new Tokens(appSecrets, fixedTokens, tokenLifetime, clock),
                    qpsLimitPerApp > 0 ? new QpsLimiter(qpsLimitPerApp, clock) : null,
                    faults, counts, adminApi ? new AdminApi(faults, counts, secret) : null, maxBodyBytes,
                    pool, new ClientLimit(maxRequestsPerClient));
            HttpServer server;
            try {
                disableNagle();
                server = HttpServer.create(new InetSocketAddress(host, port), 0);
            } catch (IOException e) {
                pool.shutdownNow(Duration.ZERO);
                throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
            }
            server.setExecutor(pool);
            server.createContext("/", handler);
            server.start();
            DingTalkEmulator emulator = new DingTalkEmulator(server, pool, faults, counts, secret);
            handler.servedAt(emulator.baseUrl());
            LOG.info("DingTalk emulator listening at {}{}", emulator.baseUrl(), adminApi ? " (admin API on)" : "");
            return emulator;
        }

        private static String requireText(String value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }

        private static Duration requirePositive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive (got " + value + ")");
            }
            return value;
        }
    }
}
