package io.github.dingtalkroles.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every request: routes it, counts it, reads its body within bounds, applies a queued fault,
 * checks the token and the QPS limit, lets {@link RoleApi} (or the token store) answer, and writes
 * the answer. Every answer the emulator makes itself is JSON with {@code errcode} and
 * {@code request_id}; nothing ever answers with a stack trace.
 *
 * <p>Logs at debug level, never the query string (it holds tokens and secrets) nor a body.
 */
final class EmulatorHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DingTalkEmulator.class);

    private static final String HTML_500 = "<html><head><title>500 Internal Server Error</title></head>"
            + "<body><h1>500 Internal Server Error</h1></body></html>";
    private static final String HTML_THROTTLE_PAGE = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
            + "<title>Access denied</title></head><body><h1>Access denied</h1>"
            + "<p>Too many requests from your IP address. Please try again later.</p></body></html>";
    private static final String PUNISH_BODY = "{\"status\":1111,\"wait\":5,\"punish\":\"deny\"}";

    private final RoleApi roleApi;
    private final java.time.Duration latency;
    private final Tokens tokens;
    private final QpsLimiter qpsLimiter; // null: no limit
    private final EmulatorFaults faults;
    private final RequestCounts counts;
    private final AdminApi admin; // null: admin paths are 404
    private final int maxBodyBytes;
    private final WorkerPool pool;
    private final ClientLimit clientLimit;
    private volatile String ownOrigin = "";

    EmulatorHandler(RoleApi roleApi, java.time.Duration latency, Tokens tokens, QpsLimiter qpsLimiter, EmulatorFaults faults, RequestCounts counts,
            AdminApi admin, int maxBodyBytes, WorkerPool pool, ClientLimit clientLimit) {
        this.roleApi = roleApi;
        this.latency = latency;
        this.tokens = tokens;
        this.qpsLimiter = qpsLimiter;
        this.faults = faults;
        this.counts = counts;
        this.admin = admin;
        this.maxBodyBytes = maxBodyBytes;
        this.pool = pool;
        this.clientLimit = clientLimit;
    }

    /** The emulator's own origin ({@code http://host:port}), the one origin the admin API accepts. */
    void servedAt(String origin) {
        this.ownOrigin = origin;
    }

    @Override
    public void handle(HttpExchange exchange) {
        WorkerPool.Guard guard = WorkerPool.current();
        guard.arm(); // the head is in: from here the client time-out applies
        InetAddress client = exchange.getRemoteAddress().getAddress();
        boolean entered = false;
        try {
            entered = clientLimit.tryEnter(client);
            if (entered) {
                serve(exchange);
            } else {
                LOG.debug("Refused a request: its client address has too many in progress");
                send(exchange, guard, HttpAnswer.error(429, WireError.of(429,
                        "Too many requests in progress from your address"), RequestIds.next()).closing());
            }
        } catch (IOException e) {
            LOG.debug("Connection lost while serving {}: {}", exchange.getRequestURI().getRawPath(), e.toString());
        } catch (RuntimeException e) {
            LOG.warn("Unexpected failure serving {}", exchange.getRequestURI().getRawPath(), e);
        } finally {
            if (entered) {
                clientLimit.exit(client);
            }
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        WorkerPool.Guard guard = WorkerPool.current();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String requestId = RequestIds.next();

        if (admin != null && path.startsWith(AdminApi.PREFIX)) {
            HttpAnswer refusal = admin.refusal(exchange.getRequestHeaders(), method, ownOrigin, requestId);
            if (refusal != null) {
                LOG.debug("{} {}: admin call refused with HTTP {}", method, path, refusal.status());
                send(exchange, guard, refusal.closing());
                return;
            }
            byte[] body = readBody(exchange);
            if (!guard.disarm()) {
                return;
            }
            send(exchange, guard, body == null ? tooLarge(requestId) : withWorker(requestId,
                    () -> admin(exchange, method, path, body, requestId)));
            return;
        }
        Optional<EmulatorOperation> routed = EmulatorOperation.atPath(path);
        if (routed.isEmpty()) {
            send(exchange, guard, HttpAnswer.error(404, WireError.of(404, "The requested URI does not exist"), requestId));
            return;
        }
        EmulatorOperation operation = routed.get();
        counts.increment(operation);
        if (!operation.method().equals(method)) {
            send(exchange, guard, HttpAnswer.error(405, WireError.of(405, "HTTP method " + method
                    + " is not allowed here; use " + operation.method()), requestId).allowing(operation.method()));
            return;
        }
        byte[] body = readBody(exchange);
        if (!guard.disarm()) {
            return;
        }
        if (body == null) {
            send(exchange, guard, tooLarge(requestId));
            return;
        }

        HttpAnswer reply = withWorker(requestId, () -> call(exchange, operation, body, requestId));
        if (reply == null) {
            return; // dropped or interrupted: no answer
        }
        LOG.debug("{} {} -> HTTP {}", method, path, reply.status());
        send(exchange, guard, reply);
    }

    /** A call of {@code operation}, with its queued fault if any; {@code null}: send no answer. */
    private HttpAnswer call(HttpExchange exchange, EmulatorOperation operation, byte[] body, String requestId) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        EmulatorFault fault = faults.take(operation).orElse(null);
        HttpAnswer reply;
        if (fault != null && replacesCall(fault, operation)) {
            LOG.debug("{} {}: injected fault {}", method, path, fault);
            if (fault.kind() == EmulatorFault.Kind.DROP_CONNECTION) {
                return null; // closing the exchange without an answer drops the connection
            }
            if (fault.kind() == EmulatorFault.Kind.TOKEN_EXPIRED) {
                tokens.expire(presentedToken(exchange, body));
            }
            reply = faultReply(fault, operation, requestId);
        } else {
            reply = answer(operation, exchange, body, requestId);
            if (fault != null) {
                LOG.debug("{} {}: injected fault {} after the call", method, path, fault);
                reply = spoil(reply, fault, operation, requestId);
                if (reply == null) {
                    return null;
                }
            }
        }
        return reply;
    }

    /**
     * Runs {@code call} on one of the workers that serve requests; if none is free within the client
     * time-out, answers busy (errcode -1) without calling.
     */
    private HttpAnswer withWorker(String requestId, Supplier<HttpAnswer> call) {
        if (!pool.acquireWorker()) {
            return HttpAnswer.error(WireError.of(-1, "System busy"), requestId);
        }
        try {
            return call.get();
        } finally {
            pool.releaseWorker();
        }
    }

    /** Whether the fault answers instead of the call (the directory is not touched). */
    private static boolean replacesCall(EmulatorFault fault, EmulatorOperation operation) {
        return !fault.kind().afterCall() || (fault.kind() == EmulatorFault.Kind.COMMIT_THEN_BUSY && !operation.isWrite());
    }

    /** The normal answer to a call of {@code operation}. */
    private HttpAnswer answer(EmulatorOperation operation, HttpExchange exchange, byte[] rawBody, String requestId) {
        try {
            Params query = Params.query(exchange.getRequestURI().getRawQuery());
            ObjectNode answer = operation == EmulatorOperation.GETTOKEN
                    ? gettoken(query)
                    : roleCall(operation, query, rawBody, exchange.getRequestHeaders().getFirst("Content-Type"));
            return HttpAnswer.json(answer, requestId);
        } catch (WireException e) {
            return HttpAnswer.error(e.error(), requestId);
        } catch (RuntimeException e) {
            LOG.warn("Unexpected failure serving {}", operation.path(), e);
            return HttpAnswer.error(WireError.SYSTEM_ERROR, requestId);
        }
    }

    private ObjectNode gettoken(Params query) throws WireException {
        String appKey = tokens.authenticate(query);
        throttle(appKey, EmulatorOperation.GETTOKEN);
        Tokens.Issued issued = tokens.issue(appKey);
        ObjectNode answer = EmulatorJson.success();
        answer.put("access_token", issued.token());
        answer.put("expires_in", issued.expiresInSeconds());
        return answer;
    }

    /** A role endpoint's call: the token first (as DingTalk's gateway does), then the QPS limit, then the body. */
    private ObjectNode roleCall(EmulatorOperation operation, Params query, byte[] rawBody, String contentType)
            throws WireException {
        Params body;
        WireException malformed = null;
        try {
            body = Params.body(rawBody, contentType);
        } catch (WireException e) {
            body = Params.none();
            malformed = e;
        }
        String app = tokens.appOf(token(query, body));
        throttle(app, operation);
        if (malformed != null) {
            throw malformed;
        }
        delay();
        return roleApi.call(operation, body);
    }

    /** The configured per-request latency, before the call is carried out. */
    private void delay() {
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void throttle(String app, EmulatorOperation operation) throws WireException {
        if (qpsLimiter != null && !qpsLimiter.tryAcquire(app, operation)) {
            counts.throttled(operation);
            throw WireError.THROTTLED.toException();
        }
    }

    /**
     * The {@code access_token} of a call: from the query string, as the pages specify, or else from a
     * form body, as the pages' own curl examples send it. {@code null} if there is none.
     */
    private static String token(Params query, Params body) {
        return query.get("access_token").or(() -> body.get("access_token")).orElse(null);
    }

    /** The token a call presents, for a fault that expires it; {@code null} if it cannot be read. */
    private static String presentedToken(HttpExchange exchange, byte[] rawBody) {
        try {
            return token(Params.query(exchange.getRequestURI().getRawQuery()),
                    Params.body(rawBody, exchange.getRequestHeaders().getFirst("Content-Type")));
        } catch (WireException e) {
            return null;
        }
    }

    private static HttpAnswer faultReply(EmulatorFault fault, EmulatorOperation operation, String requestId) {
        return switch (fault.kind()) {
            case BUSY, COMMIT_THEN_BUSY -> HttpAnswer.error(WireError.busy(operation), requestId);
            case SYSTEM_ERROR -> HttpAnswer.error(WireError.SYSTEM_ERROR, requestId);
            case THROTTLED -> HttpAnswer.error(WireError.THROTTLED, requestId);
            case QUOTA_EXHAUSTED -> HttpAnswer.error(WireError.QUOTA_EXHAUSTED, requestId);
            case TOKEN_EXPIRED -> HttpAnswer.error(WireError.TOKEN_INVALID, requestId);
            case HTTP_500 -> HttpAnswer.html(500, HTML_500);
            case HTML_THROTTLE_PAGE -> HttpAnswer.html(200, HTML_THROTTLE_PAGE);
            case PUNISH -> HttpAnswer.raw(HttpAnswer.JSON, PUNISH_BODY.getBytes(StandardCharsets.UTF_8));
            case EMPTY_BODY -> HttpAnswer.raw(HttpAnswer.JSON, new byte[0]);
            case DROP_CONNECTION, TRUNCATED_JSON, DELAY ->
                    throw new IllegalArgumentException(fault + " does not replace the call");
        };
    }

    /** The answer of a call that was carried out, spoilt by {@code fault}; {@code null} if interrupted. */
    private static HttpAnswer spoil(HttpAnswer reply, EmulatorFault fault, EmulatorOperation operation, String requestId) {
        switch (fault.kind()) {
            case COMMIT_THEN_BUSY:
                return HttpAnswer.error(WireError.busy(operation), requestId);
            case TRUNCATED_JSON:
                return reply.truncated();
            case DELAY:
                try {
                    Thread.sleep(fault.delay().toMillis());
                    return reply;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // the emulator is closing
                    return null;
                }
            default:
                throw new IllegalArgumentException(fault + " replaces the call");
        }
    }

    private HttpAnswer admin(HttpExchange exchange, String method, String path, byte[] rawBody, String requestId) {
        try {
            Params query = Params.query(exchange.getRequestURI().getRawQuery());
            Params body = Params.body(rawBody, exchange.getRequestHeaders().getFirst("Content-Type"));
            return admin.handle(method, path, body.orElse(query), requestId);
        } catch (WireException e) {
            return HttpAnswer.error(400, e.error(), requestId);
        }
    }

    private HttpAnswer tooLarge(String requestId) {
        return HttpAnswer.error(413, WireError.of(413, "The request body is larger than " + maxBodyBytes + " bytes"),
                requestId).closing();
    }

    /** The request body, or {@code null} if it is larger than allowed (then it is not read in full). */
    private byte[] readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > maxBodyBytes) {
                    return null;
                }
            } catch (NumberFormatException e) {
                // the JDK server has already refused a malformed length; read what comes
            }
        }
        byte[] body = exchange.getRequestBody().readNBytes(maxBodyBytes + 1);
        return body.length > maxBodyBytes ? null : body;
    }

    /** Writes the answer; the client must take it within the client time-out. */
    private static void send(HttpExchange exchange, WorkerPool.Guard guard, HttpAnswer reply) throws IOException {
        guard.arm();
        if (reply.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        }
        if (reply.header() != null) {
            int colon = reply.header().indexOf(':');
            exchange.getResponseHeaders().set(reply.header().substring(0, colon), reply.header().substring(colon + 1).strip());
        }
        if (reply.closeConnection()) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
        boolean noBody = reply.body().length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
        guard.disarm();
    }
}
