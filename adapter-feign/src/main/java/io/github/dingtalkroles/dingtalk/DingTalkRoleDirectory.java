package io.github.dingtalkroles.dingtalk;

import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.port.AssignmentFailedException;
import io.github.dingtalkroles.port.ConflictException;
import io.github.dingtalkroles.port.MemberPage;
import io.github.dingtalkroles.port.MemberPageRequest;
import io.github.dingtalkroles.port.NotAuthorizedException;
import io.github.dingtalkroles.port.NotFoundException;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleAssignments;
import io.github.dingtalkroles.port.RoleDirectory;
import io.github.dingtalkroles.port.RoleGroupPage;
import io.github.dingtalkroles.port.UnavailableException;
import feign.Client;
import feign.hc5.ApacheHttp5Client;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * The {@link RoleDirectory} and {@link RoleAssignments} of one DingTalk organisation, over DingTalk's oapi
 * role endpoints ({@code /role/add_role_group}, {@code /role/add_role}, {@code /role/update_role},
 * {@code /topapi/role/list}, {@code /topapi/role/getrolegroup}, {@code /topapi/role/getrole},
 * {@code /topapi/role/deleterole}, {@code /topapi/role/simplelist}, {@code /topapi/role/addrolesforemps},
 * {@code /topapi/role/removerolesforemps}, {@code /topapi/role/scope/update}).
 *
 * <pre>{@code
 * RoleDirectory roles = DingTalkRoleDirectory.builder()
 *         .appCredentials("dingxxxxxxxx", AppSecret.of(System.getenv("DINGTALK_APP_SECRET")))
 *         .build();
 * }</pre>
 *
 * <h2>What it does for you</h2>
 * <ul>
 *   <li><b>Access tokens</b> come from an {@link AccessTokenSource}: cached, renewed once for all threads,
 *       and a call refused for its token is replayed once with a fresh token.</li>
 *   <li><b>Errors</b> are thrown as the port's typed exceptions, with DingTalk's errcode, sub_code and
 *       request_id in {@link io.github.dingtalkroles.port.RoleDirectoryException#diagnostics()}. No
 *       HTTP, JSON or I/O exception escapes. An errcode that DingTalk does not document for the
 *       endpoint is reported as {@link io.github.dingtalkroles.port.RejectedInputException} quoting
 *       its errmsg.</li>
 *   <li><b>Retries</b>: reads and {@code update_role} are retried after transient failures (busy,
 *       HTTP 5xx, time-outs, lost connections, unreadable replies) with exponential backoff and
 *       jitter, and after throttling once the wait is over; never after the monthly quota is spent,
 *       never beyond the operation's deadline.</li>
 *   <li><b>No duplicates from lost replies</b>: {@code add_role} and {@code add_role_group} are never
 *       re-sent blindly. After a failure that may hide a created role or group, the directory reads the
 *       group (or walks the listing) and returns what the lost attempt created; only if it is absent
 *       does it send again. If that cannot be checked, the call fails with
 *       {@link UnavailableException#isOutcomeUnknown()}. {@code deleterole} answered "no such role" after
 *       a lost reply is a success (the lost attempt deleted it). Grants, revokes and scopes are safe to
 *       repeat and are retried like reads.</li>
 *   <li><b>Bulk grants and revokes</b> of any size are split into DingTalk's per-call limits (grant: 20
 *       roles x 20 users; revoke: 20 roles x 100 users) and sent concurrently on a bounded pool
 *       ({@link Builder#bulkConcurrency}, 8 calls at once by default), every call within the one rate
 *       limit; a failure reports exactly which (role, user) pairs were applied
 *       ({@link AssignmentFailedException}).</li>
 *   <li><b>Client-side rate limit</b> (19 calls/s per endpoint by default, one below DingTalk's 20, in-process; or shared by many instances
 *       through {@link Builder#callPermits}), so that bulk listing stays under
 *       DingTalk's per-app limit.</li>
 *   <li><b>Secrets</b> never reach a log line or an exception message.</li>
 * </ul>
 *
 * <h2>How it is built</h2>
 * An OpenFeign interface of DingTalk's endpoints with DingTalk's form encoder, a decoder that checks the
 * errcode envelope of every reply and reads typed reply records with Jackson, an error decoder for
 * non-2xx statuses, a request interceptor that adds the access token, and a stock HTTP client: Apache
 * HttpClient 5 through {@code feign-hc5} unless you pass your own ({@link Builder#feignClient}). Retries,
 * the deadline and the rate limit are Failsafe's, around the Feign call; Feign's own retryer is off.
 *
 * <h2>Threads and resources</h2>
 * Immutable once built and safe for concurrent use; share one instance per organisation. Each call
 * blocks its thread until it succeeds, fails, or its deadline passes. {@link #close()} releases the HTTP
 * client the directory created (its pooled connections); a client you passed in stays yours to close.
 */
public final class DingTalkRoleDirectory implements RoleDirectory, RoleAssignments, AutoCloseable {
    static final URI DEFAULT_BASE_URL = URI.create("https://oapi.dingtalk.com");
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);
    static final int DEFAULT_MAX_RETRIES = 3;
    static final Duration DEFAULT_BACKOFF = Duration.ofMillis(200);
    static final Duration DEFAULT_THROTTLING_WAIT = Duration.ofSeconds(1);
    static final int DEFAULT_CALLS_PER_SECOND = 19;
    static final int DEFAULT_BULK_CONCURRENCY = 8;
    /** The app key that permits are asked for when the token source names no app. */
    static final String UNNAMED_APP = "-";

    private final URI baseUrl;
    private final RoleCalls calls;
    private final Attempts attempts;
    private final DingTalkMetrics metrics;
    /** The HTTP client this directory created, or {@code null} if it was given one. */
    private final CloseableHttpClient ownClient;
    /** Runs the calls of bulk grants and revokes. */
    private final ExecutorService bulkCalls;

    private DingTalkRoleDirectory(URI baseUrl, RoleCalls calls, Attempts attempts, CloseableHttpClient ownClient,
            DingTalkMetrics metrics, ExecutorService bulkCalls) {
        this.baseUrl = baseUrl;
        this.metrics = metrics;
        this.calls = calls;
        this.attempts = attempts;
        this.ownClient = ownClient;
        this.bulkCalls = bulkCalls;
    }

    /**
     * A builder with the defaults listed on {@link Builder}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@inheritDoc}
     *
     * <p>If an attempt's reply is lost (time-out, lost connection, busy, HTTP 5xx, a reply without
     * errcode), the next attempt first walks the listing for {@code name} and returns the group it
     * finds. A "name exists" answer after such a loss is resolved the same way.
     */
    @Override
    public RoleGroup addRoleGroup(RoleGroupName name) {
        Objects.requireNonNull(name, "name");
        return reconciledAdd("add_role_group", deadline -> groupNamed(name, deadline),
                deadline -> RoleGroup.empty(calls.addRoleGroup(name, deadline), name));
    }

    /**
     * {@inheritDoc}
     *
     * <p>If an attempt's reply is lost, the next attempt first reads the group and returns the role of
     * that name if the lost attempt created it. A "name exists" answer (34021) after such a loss is
     * resolved the same way.
     */
    @Override
    public Role addRole(RoleGroupId groupId, RoleName name) {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(name, "name");
        return reconciledAdd("add_role", deadline -> roleNamed(groupId, name, deadline),
                deadline -> new Role(calls.addRole(groupId, name, deadline), name, groupId));
    }

    /**
     * An add that is never sent twice blindly: after an attempt whose reply was lost, the next attempt first
     * looks for what it may have created ({@code lookup}) and returns that; only if it is absent does it send
     * again. A "name exists" answer after such a loss is resolved by the same lookup.
     */
    private <T> T reconciledAdd(String operation, Function<Deadline, Optional<T>> lookup,
            Function<Deadline, T> add) {
        WriteOutcome outcome = new WriteOutcome();
        return attempts.write(operation, outcome, deadline -> {
            if (outcome.isUnresolved()) {
                Optional<T> created = lookup.apply(deadline);
                metrics.reconciliation(operation, created.isPresent());
                if (created.isPresent()) {
                    return created.get();
                }
                outcome.resolvedAsNotDone();
            }
            try {
                return add.apply(deadline);
            } catch (AttemptFailed f) {
                if (outcome.hadAmbiguousFailure() && isDuplicateName(f)) {
                    Optional<T> created = lookup.apply(deadline);
                    metrics.reconciliation(operation, created.isPresent());
                    if (created.isPresent()) {
                        return created.get();
                    }
                }
                throw f;
            }
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>Retried like a read: renaming to the same name is harmless to repeat.
     */
    @Override
    public void renameRole(RoleId roleId, RoleName newName) {
        Objects.requireNonNull(roleId, "roleId");
        Objects.requireNonNull(newName, "newName");
        attempts.write("update_role", new WriteOutcome(), deadline -> {
            calls.updateRole(roleId, newName, deadline);
            return null;
        });
    }

    @Override
    public RoleGroupPage listRoleGroups(PageRequest page) {
        Objects.requireNonNull(page, "page");
        return attempts.read("list", deadline -> calls.list(page, deadline));
    }

    @Override
    public Optional<RoleGroup> findRoleGroup(RoleGroupId groupId) {
        Objects.requireNonNull(groupId, "groupId");
        try {
            return Optional.of(attempts.read("getrolegroup",
                    deadline -> calls.getRoleGroup(groupId, deadline)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Role> findRole(RoleId roleId) {
        Objects.requireNonNull(roleId, "roleId");
        try {
            return Optional.of(attempts.read("getrole", deadline -> calls.getRole(roleId, deadline)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Retried after a lost reply; if the retry is told the role does not exist, the lost attempt deleted
     * it and the call succeeds.
     */
    @Override
    public void deleteRole(RoleId roleId) {
        Objects.requireNonNull(roleId, "roleId");
        WriteOutcome outcome = new WriteOutcome();
        attempts.write("deleterole", outcome, deadline -> {
            try {
                calls.deleteRole(roleId, deadline);
            } catch (AttemptFailed f) {
                if (!(outcome.hadAmbiguousFailure() && f.reported() instanceof NotFoundException)) {
                    throw f;
                }
            }
            return null;
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>Sent as {@code addrolesforemps} calls of at most 20 roles x 20 users, concurrently.
     */
    @Override
    public void grant(Collection<RoleId> roleIds, Collection<UserId> userIds) {
        bulk("grant", roleIds, userIds, BulkAssignment.MAX_GRANT_USERS_PER_CALL, (chunk, deadline) ->
                calls.grant(chunk.roles(), chunk.users(), deadline));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Sent as {@code removerolesforemps} calls of at most 20 roles x 100 users, concurrently.
     */
    @Override
    public void revoke(Collection<RoleId> roleIds, Collection<UserId> userIds) {
        bulk("revoke", roleIds, userIds, BulkAssignment.MAX_REVOKE_USERS_PER_CALL, (chunk, deadline) ->
                calls.revoke(chunk.roles(), chunk.users(), deadline));
    }

    private void bulk(String operation, Collection<RoleId> roleIds, Collection<UserId> userIds, int maxUsers,
            java.util.function.BiConsumer<BulkAssignment.Chunk, Deadline> send) {
        List<RoleId> roles = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(roleIds, "roleIds")));
        List<UserId> users = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(userIds, "userIds")));
        String endpoint = maxUsers == BulkAssignment.MAX_GRANT_USERS_PER_CALL ? "addrolesforemps" : "removerolesforemps";
        BulkAssignment.run(operation, BulkAssignment.split(roles, users, maxUsers), bulkCalls,
                chunk -> attempts.write(endpoint, new WriteOutcome(), deadline -> {
                    send.accept(chunk, deadline);
                    return null;
                }));
    }

    @Override
    public MemberPage listMembers(RoleId roleId, MemberPageRequest page) {
        Objects.requireNonNull(roleId, "roleId");
        Objects.requireNonNull(page, "page");
        return attempts.read("simplelist", deadline -> calls.listMembers(roleId, page, deadline));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Retried like a read: setting a scope is harmless to repeat.
     */
    @Override
    public void setScope(RoleId roleId, UserId userId, ManagementScope scope) {
        Objects.requireNonNull(roleId, "roleId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(scope, "scope");
        attempts.write("scope/update", new WriteOutcome(), deadline -> {
            calls.updateScope(roleId, userId, scope, deadline);
            return null;
        });
    }

    /**
     * The group named {@code name}, walking the whole listing within the current attempt. Each page
     * starts where the previous one's groups ended, so a short page skips nothing.
     */
    private Optional<RoleGroup> groupNamed(RoleGroupName name, Deadline deadline) {
        PageRequest page = PageRequest.first(PageRequest.MAX_SIZE);
        while (true) {
            RoleGroupPage groups = calls.list(page, deadline);
            Optional<RoleGroup> found = groups.groups().stream().filter(g -> g.name().equals(name)).findFirst();
            if (found.isPresent() || !groups.hasMore() || groups.groups().isEmpty()) {
                return found;
            }
            page = new PageRequest(page.offset() + groups.groups().size(), PageRequest.MAX_SIZE);
        }
    }

    /** The role named {@code name} in group {@code groupId}, if both exist. */
    private Optional<Role> roleNamed(RoleGroupId groupId, RoleName name, Deadline deadline) {
        try {
            return calls.getRoleGroup(groupId, deadline).role(name);
        } catch (AttemptFailed f) {
            if (f.reported() instanceof NotFoundException) {
                return Optional.empty();
            }
            throw f;
        }
    }

    private static boolean isDuplicateName(AttemptFailed failure) {
        return failure.reported() instanceof ConflictException conflict
                && conflict.reason() == ConflictException.Reason.DUPLICATE_NAME;
    }

    /**
     * Stops the bulk-call threads and releases the HTTP client this directory created (closing its pooled
     * connections); calls after closing then fail with an {@link UnavailableException}. A client passed to
     * {@link Builder#feignClient} is left open. Idempotent.
     */
    @Override
    public void close() {
        bulkCalls.shutdownNow();
        if (ownClient != null) {
            try {
                ownClient.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not close the directory's HTTP client", e);
            }
        }
    }

    /** {@code DingTalkRoleDirectory[<base URL>]}. */
    @Override
    public String toString() {
        return "DingTalkRoleDirectory[" + baseUrl + "]";
    }

    /**
     * Configures a {@link DingTalkRoleDirectory}. Exactly one way to get tokens is required:
     * {@link #appCredentials}, {@link #accessToken} or {@link #tokenSource} (the last one set wins).
     *
     * <table>
     *   <caption>Defaults</caption>
     *   <tr><th>setting</th><th>default</th></tr>
     *   <tr><td>{@link #baseUrl}</td><td>{@code https://oapi.dingtalk.com}</td></tr>
     *   <tr><td>{@link #feignClient}</td><td>none: Apache HttpClient 5 through {@code feign-hc5}, created and
     *       closed by the directory</td></tr>
     *   <tr><td>{@link #connectTimeout}</td><td>5 s</td></tr>
     *   <tr><td>{@link #readTimeout}</td><td>10 s per request</td></tr>
     *   <tr><td>{@link #deadline}</td><td>30 s per operation, all attempts and waits included</td></tr>
     *   <tr><td>{@link #maxRetries}</td><td>3 (so 4 attempts)</td></tr>
     *   <tr><td>{@link #backoff}</td><td>200 ms, doubling per retry, ±20 % jitter</td></tr>
     *   <tr><td>{@link #throttlingWait}</td><td>1 s (or the server's {@code wait}, if longer)</td></tr>
     *   <tr><td>{@link #rateLimit}</td><td>19 calls/s per endpoint, smooth, in-process</td></tr>
     *   <tr><td>{@link #callPermits}</td><td>none: the in-process {@link #rateLimit}</td></tr>
     *   <tr><td>{@link #tokenCache}</td><td>in-process, the app-credentials source's own</td></tr>
     *   <tr><td>{@link #bulkConcurrency}</td><td>8 calls at once</td></tr>
     *   <tr><td>{@link #logHttpTraffic}</td><td>off</td></tr>
     *   <tr><td>{@link #metrics}</td><td>none recorded</td></tr>
     * </table>
     *
     * <p>Not thread-safe; the directory it builds is.
     */
    public static final class Builder {
        private URI baseUrl = DEFAULT_BASE_URL;
        private Client feignClient;
        private SSLContext sslContext;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration deadline = DEFAULT_DEADLINE;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private Duration backoff = DEFAULT_BACKOFF;
        private Duration throttlingWait = DEFAULT_THROTTLING_WAIT;
        private int callsPerSecond = DEFAULT_CALLS_PER_SECOND;
        private boolean burstyRateLimit;
        private CallPermits callPermits;
        private AccessTokenCache tokenCache;
        private boolean logHttpTraffic;
        private DingTalkMetrics metrics = DingTalkMetrics.NONE;
        private int bulkConcurrency = DEFAULT_BULK_CONCURRENCY;
        private AccessTokenSource tokenSource;
        private String appKey;
        private AppSecret appSecret;
        private Consumer<Duration> onRetryScheduled = delay -> { };

        private Builder() {
        }

        /**
         * Obtain tokens with an internal app's key and secret from {@code GET /gettoken} on this
         * directory's base URL and HTTP client, cached and renewed as
         * {@link AccessTokenSource.AppCredentialsBuilder} describes (refresh margin 5 min, minimum
         * lifetime 60 s).
         *
         * @param appKey the app's key
         * @param appSecret the app's secret
         * @return this builder
         */
        public Builder appCredentials(String appKey, AppSecret appSecret) {
            Objects.requireNonNull(appKey, "appKey");
            if (appKey.isBlank()) {
                throw new IllegalArgumentException("appKey must not be blank");
            }
            this.appKey = appKey.strip();
            this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
            this.tokenSource = null;
            return this;
        }

        /**
         * Use this token for every call ({@link AccessTokenSource#fixed}). Once DingTalk refuses it,
         * calls fail with {@link NotAuthorizedException}.
         *
         * @param token the token
         * @return this builder
         */
        public Builder accessToken(AccessToken token) {
            return tokenSource(AccessTokenSource.fixed(token));
        }

        /**
         * Get tokens from {@code source}, e.g. one shared with other directories or your own.
         *
         * @param source the token source
         * @return this builder
         */
        public Builder tokenSource(AccessTokenSource source) {
            this.tokenSource = Objects.requireNonNull(source, "source");
            this.appKey = null;
            this.appSecret = null;
            return this;
        }

        /**
         * DingTalk's base URL (default {@code https://oapi.dingtalk.com}); {@code http://} is allowed,
         * e.g. for a local emulator.
         *
         * @param baseUrl an {@code http} or {@code https} URL, optionally with a path prefix
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Settings.baseUrl(baseUrl);
            return this;
        }

        /**
         * The Feign client to carry the directory's requests, instead of the one it creates: bring your
         * platform's proxy, TLS settings, connection pool and metrics, e.g.
         * {@code new feign.hc5.ApacheHttp5Client(yourHttpClient)} or
         * {@code new feign.okhttp.OkHttpClient(yourOkHttpClient)}. It may be shared between directories;
         * {@link #close()} leaves it open.
         *
         * <p>Configure it as the default is: no automatic retries of requests (OkHttp:
         * {@code retryOnConnectionFailure(false)}) and no redirects (the directory asks for none per request;
         * OkHttp and HttpClient honour that), so that a lost reply to a write comes back to the directory,
         * which reconciles it instead of sending it again. The directory's {@link #readTimeout} and
         * {@link #connectTimeout} are passed per request; the default client also bounds each exchange as a
         * whole (connect, TLS handshake, request and reply) by the read timeout cut to the operation's
         * deadline, while a client of yours applies its own rules (e.g. OkHttp's {@code callTimeout}).
         *
         * <p>By default the directory creates an Apache HttpClient 5 with a pool of keep-alive connections
         * (20 per host), no automatic retries, no redirects, TLS through the JDK's trust store with host-name
         * verification, and that whole-exchange bound; the app-credentials token source shares it.
         *
         * @param client the client
         * @return this builder
         */
        public Builder feignClient(Client client) {
            this.feignClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /** For tests: the TLS context of the directory's own client (default: the JDK's trust store). */
        Builder sslContext(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "context");
            return this;
        }

        /**
         * How long to wait for a connection (default 5 s); cut short to fit the deadline.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Settings.positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * How long one request may take (default 10 s); cut short to fit the deadline. With the default
         * client this bounds the whole exchange: connect, TLS handshake, request and the whole reply; a
         * client of your own ({@link #feignClient}) applies it as its read timeout.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Settings.positive(timeout, "readTimeout");
            return this;
        }

        /**
         * The time budget of one operation, all its attempts, waits and reconciliation included
         * (default 30 s). No attempt starts after it; a throttling wait that would end after it is not
         * waited for.
         *
         * @param deadline a positive duration, longer than the {@link #backoff}
         * @return this builder
         */
        public Builder deadline(Duration deadline) {
            this.deadline = Settings.positive(deadline, "deadline");
            return this;
        }

        /**
         * How many times to retry an operation after a transient failure or throttling (default 3).
         *
         * @param maxRetries 0 or more
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be 0 or more (got " + maxRetries + ")");
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * The first backoff delay after a transient failure (default 200 ms); it doubles with each
         * retry, varied by ±20 % jitter.
         *
         * @param backoff a positive duration, shorter than the {@link #deadline}
         * @return this builder
         */
        public Builder backoff(Duration backoff) {
            this.backoff = Settings.positive(backoff, "backoff");
            return this;
        }

        /**
         * The least wait before retrying a throttled call (default 1 s, as DingTalk asks); a longer
         * {@code wait} named by the server wins.
         *
         * @param wait a positive duration
         * @return this builder
         */
        public Builder throttlingWait(Duration wait) {
            this.throttlingWait = Settings.positive(wait, "throttlingWait");
            return this;
        }

        /**
         * Limits this directory to {@code callsPerSecond} HTTP calls per endpoint, evenly spaced. The default, 19, is
         * one below the standard edition's per-app limit of each API (20): calls sent 50 ms apart do not arrive 50 ms
         * apart, so at 20 the network's jitter now and then puts 21 into one of DingTalk's one-second windows, and
         * each errcode 90018 costs a one-second wait (measured in docs/BENCHMARKS.md, items 7 and 9: a 10,000-member
         * walk took 1.98x its floor at 20 and 1.06x at 19). Calls wait for a slot, but never past their deadline.
         * In-process: each directory limits itself. Replaces {@link #callPermits} set before.
         *
         * @param callsPerSecond 1 or more
         * @return this builder
         */
        public Builder rateLimit(int callsPerSecond) {
            return rateLimit(callsPerSecond, false);
        }

        /**
         * Limits this directory to {@code callsPerSecond} HTTP calls per endpoint and one-second window, allowing
         * bursts within the window. In-process; replaces {@link #callPermits} set before.
         *
         * @param callsPerSecond 1 or more
         * @return this builder
         */
        public Builder burstyRateLimit(int callsPerSecond) {
            return rateLimit(callsPerSecond, true);
        }

        /**
         * No client-side rate limit.
         *
         * @return this builder
         */
        public Builder noRateLimit() {
            this.callsPerSecond = 0;
            this.callPermits = null;
            return this;
        }

        /**
         * Takes the permit for each call from {@code permits} instead of the directory's own in-process limit,
         * e.g. one shared by every instance of your platform through Redis ({@code roles-redis}), so that the
         * instances together keep to DingTalk's per-app limits. Calls wait for a permit, but never past their
         * deadline. Replaces {@link #rateLimit}, {@link #burstyRateLimit} and {@link #noRateLimit} set before.
         *
         * @param permits the permits; the directory never closes them
         * @return this builder
         */
        public Builder callPermits(CallPermits permits) {
            this.callPermits = Objects.requireNonNull(permits, "permits");
            return this;
        }

        /**
         * Where the token source that {@link #appCredentials} builds keeps its tokens (default: an
         * {@link AccessTokenCache#inProcess()} cache of its own), e.g. one shared by every instance of your
         * platform through Redis ({@code roles-redis}), for one {@code /gettoken} per token lifetime in the whole
         * cluster. Has no effect on a {@link #tokenSource} or {@link #accessToken} given as such.
         *
         * @param cache the cache; the directory never closes it
         * @return this builder
         */
        public Builder tokenCache(AccessTokenCache cache) {
            this.tokenCache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /**
         * Whether to log every request and reply, headers and bodies, at DEBUG under
         * {@code io.github.dingtalkroles.dingtalk.DingTalkApi} (default {@code false}). Access tokens
         * and app secrets are masked.
         *
         * @param enabled whether to log
         * @return this builder
         */
        public Builder logHttpTraffic(boolean enabled) {
            this.logHttpTraffic = enabled;
            return this;
        }

        /**
         * Where to report calls, retries, throttling waits, token fetches and refusals, reconciliations and
         * rate-limit waits (default {@link DingTalkMetrics#NONE}); e.g.
         * {@code MicrometerDingTalkMetrics.of(meterRegistry)}, with Micrometer on the class path.
         *
         * @param metrics the metrics
         * @return this builder
         */
        public Builder metrics(DingTalkMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /**
         * How many calls of one directory's bulk grants and revokes may be in flight at once (default 8),
         * all within the {@link #rateLimit}. Enough to reach the rate limit when each call takes a while:
         * at 20 calls/s and 200 ms per call, 4 are needed.
         *
         * @param calls 1 or more
         * @return this builder
         */
        public Builder bulkConcurrency(int calls) {
            if (calls < 1) {
                throw new IllegalArgumentException("bulkConcurrency must be 1 or more (got " + calls + ")");
            }
            this.bulkConcurrency = calls;
            return this;
        }

        /** For tests: told of the delay of every scheduled retry. */
        Builder onRetryScheduled(Consumer<Duration> listener) {
            this.onRetryScheduled = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Daemon threads named after the directory, so an unclosed directory never keeps a JVM alive. */
        private static ThreadFactory bulkThreads() {
            AtomicInteger count = new AtomicInteger();
            return runnable -> {
                Thread thread = new Thread(runnable, "dingtalk-roles-bulk-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }

        private Builder rateLimit(int callsPerSecond, boolean bursty) {
            if (callsPerSecond < 1) {
                throw new IllegalArgumentException("callsPerSecond must be 1 or more (got " + callsPerSecond
                        + "); use noRateLimit() for none");
            }
            this.callsPerSecond = callsPerSecond;
            this.burstyRateLimit = bursty;
            this.callPermits = null;
            return this;
        }

        /**
         * The directory. Opens no connection yet.
         *
         * @return a new, thread-safe directory
         * @throws IllegalStateException if no token source is configured, or the backoff is not shorter
         *     than the deadline
         */
        public DingTalkRoleDirectory build() {
            if (tokenSource == null && appKey == null) {
                throw new IllegalStateException(
                        "configure how to get access tokens: appCredentials(..), accessToken(..) or tokenSource(..)");
            }
            if (backoff.compareTo(deadline) >= 0) {
                throw new IllegalStateException("the backoff (" + backoff + ") must be shorter than the deadline ("
                        + deadline + ")");
            }
            CloseableHttpClient ownClient = feignClient == null ? DefaultHttpClient.create(connectTimeout, sslContext)
                    : null;
            Client client = feignClient != null ? feignClient : new ApacheHttp5Client(ownClient);
            DingTalkHttp http = new DingTalkHttp(baseUrl, client, connectTimeout, readTimeout, logHttpTraffic, metrics);
            AccessTokenSource tokens = tokenSource != null ? tokenSource
                    : new AppCredentialsTokenSource(http, appKey, appSecret, readTimeout.plus(connectTimeout),
                            AppCredentialsTokenSource.DEFAULT_REFRESH_MARGIN,
                            AppCredentialsTokenSource.DEFAULT_MINIMUM_LIFETIME,
                            tokenCache != null ? tokenCache : AccessTokenCache.inProcess());
            CallPermits permits = callPermits != null ? callPermits
                    : callsPerSecond == 0 ? null : new InProcessCallPermits(callsPerSecond, burstyRateLimit);
            String permitsAppKey = tokens.appKey().orElse(UNNAMED_APP);
            Attempts attempts = new Attempts(maxRetries, backoff, throttlingWait, deadline, onRetryScheduled, metrics);
            return new DingTalkRoleDirectory(baseUrl, new RoleCalls(http, tokens, permits, permitsAppKey), attempts,
                    ownClient, metrics, Executors.newFixedThreadPool(bulkConcurrency, bulkThreads()));
        }
    }
}
