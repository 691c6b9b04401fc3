package io.github.dingtalkroles.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The admin paths, served only when {@link DingTalkEmulator.Builder#adminApi(boolean)} is on: the
 * fault API and the request counts for tests outside the JVM. A test-only surface: every call needs
 * the bearer secret and must not come from another origin; POSTs must be JSON ({@link #refusal}).
 *
 * <ul>
 *   <li>{@code POST /__emulator/faults} with {@code operation} (a name such as {@code ADD_ROLE}, a path
 *       such as {@code /role/add_role}, or {@code ANY}/absent for any operation), {@code fault} (a
 *       {@link EmulatorFault.Kind} name), {@code times} (default 1) and, for {@code DELAY},
 *       {@code delayMillis}; as a JSON body.</li>
 *   <li>{@code GET /__emulator/faults}: how many strikes are pending. {@code DELETE}: forget them.</li>
 *   <li>{@code GET /__emulator/requests}: requests received per endpoint ({@code requests}), and how many of
 *       them the QPS limit answered with errcode 90018 ({@code throttled}). {@code DELETE}: reset both.</li>
 * </ul>
 *
 * Answers are JSON with {@code errcode} 0; bad input answers HTTP 400 with errcode 400002.
 */
final class AdminApi {
    static final String PREFIX = "/__emulator/";
    private static final String FAULTS = PREFIX + "faults";
    private static final String REQUESTS = PREFIX + "requests";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EmulatorFaults faults;
    private final RequestCounts counts;
    private final byte[] secret;

    AdminApi(EmulatorFaults faults, RequestCounts counts, String secret) {
        this.faults = faults;
        this.counts = counts;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A fresh random bearer secret: 24 random bytes, URL-safe Base64. */
    static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Why an admin call is refused, before anything of it is read or done; {@code null} if it may go
     * on. Refused: a request from another origin than the emulator's own (HTTP 403: a browser page
     * elsewhere), one without the bearer secret (HTTP 401), and a POST whose body is not JSON (HTTP
     * 415: an HTML form cannot send JSON, and would not get past the first two anyway).
     */
    HttpAnswer refusal(Headers headers, String method, String ownOrigin, String requestId) {
        String origin = headers.getFirst("Origin");
        if (origin != null && !origin.equals(ownOrigin)) {
            return HttpAnswer.error(403, WireError.of(403, "Cross-origin requests to the admin API are refused"),
                    requestId);
        }
        String authorization = headers.getFirst("Authorization");
        byte[] presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(presented, secret)) {
            return HttpAnswer.error(401, WireError.of(401,
                    "The admin API needs the header Authorization: Bearer <the emulator's admin secret>"), requestId)
                    .withHeader("WWW-Authenticate: Bearer realm=\"dingtalk-emulator admin\"");
        }
        String contentType = headers.getFirst("Content-Type");
        if ("POST".equals(method) && (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json"))) {
            return HttpAnswer.error(415, WireError.of(415, "The admin API takes JSON bodies only"
                    + " (Content-Type: application/json); form posts are refused"), requestId);
        }
        return null;
    }

    HttpAnswer handle(String method, String path, Params params, String requestId) {
        if (FAULTS.equals(path)) {
            return switch (method) {
                case "POST" -> queueFault(params, requestId);
                case "DELETE" -> {
                    faults.clear();
                    yield pendingFaults(requestId);
                }
                case "GET" -> pendingFaults(requestId);
                default -> methodNotAllowed(method, "GET, POST, DELETE", requestId);
            };
        }
        if (REQUESTS.equals(path)) {
            return switch (method) {
                case "GET" -> requestCounts(requestId);
                case "DELETE" -> {
                    counts.reset();
                    yield requestCounts(requestId);
                }
                default -> methodNotAllowed(method, "GET, DELETE", requestId);
            };
        }
        return HttpAnswer.error(404, WireError.of(404, "No such admin path"), requestId);
    }

    private HttpAnswer queueFault(Params params, String requestId) {
        try {
            Optional<EmulatorOperation> operation = operation(params.get("operation").orElse("ANY"));
            EmulatorFault fault = fault(params);
            int times = (int) number(params.get("times").orElse("1"), "times");
            if (operation.isPresent()) {
                faults.next(operation.get(), fault, times);
            } else {
                faults.nextOnAny(fault, times);
            }
            return pendingFaults(requestId);
        } catch (IllegalArgumentException e) {
            return HttpAnswer.error(400, WireError.invalidParameter(e.getMessage()), requestId);
        }
    }

    /** An endpoint by name or path; empty for any endpoint. */
    private static Optional<EmulatorOperation> operation(String text) {
        if (text.equalsIgnoreCase("ANY")) {
            return Optional.empty();
        }
        Optional<EmulatorOperation> byPath = EmulatorOperation.atPath(text);
        if (byPath.isPresent()) {
            return byPath;
        }
        try {
            return Optional.of(EmulatorOperation.valueOf(text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown operation; use one of " + Arrays.toString(EmulatorOperation.values())
                    + ", a path, or ANY");
        }
    }

    private static EmulatorFault fault(Params params) {
        String name = params.get("fault").orElseThrow(() -> new IllegalArgumentException("fault is required"));
        EmulatorFault.Kind kind;
        try {
            kind = EmulatorFault.Kind.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown fault; use one of " + Arrays.toString(EmulatorFault.Kind.values()));
        }
        if (kind == EmulatorFault.Kind.DELAY) {
            String millis = params.get("delayMillis")
                    .orElseThrow(() -> new IllegalArgumentException("a DELAY fault needs delayMillis"));
            return EmulatorFault.delay(Duration.ofMillis(number(millis, "delayMillis")));
        }
        return EmulatorFault.of(kind);
    }

    private static long number(String text, String name) {
        try {
            long value = Long.parseLong(text);
            if (value >= 0 && value <= Integer.MAX_VALUE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(name + " must be a whole number from 0 to " + Integer.MAX_VALUE);
    }

    private HttpAnswer pendingFaults(String requestId) {
        ObjectNode body = EmulatorJson.success();
        body.put("pending", faults.pending());
        return HttpAnswer.json(body, requestId);
    }

    private HttpAnswer requestCounts(String requestId) {
        ObjectNode body = EmulatorJson.success();
        ObjectNode requests = body.putObject("requests");
        for (Map.Entry<EmulatorOperation, Long> entry : counts.snapshot().entrySet()) {
            requests.put(entry.getKey().name(), entry.getValue());
        }
        ObjectNode throttled = body.putObject("throttled");
        for (Map.Entry<EmulatorOperation, Long> entry : counts.throttledSnapshot().entrySet()) {
            throttled.put(entry.getKey().name(), entry.getValue());
        }
        return HttpAnswer.json(body, requestId);
    }

    private static HttpAnswer methodNotAllowed(String method, String allowed, String requestId) {
        return HttpAnswer.error(405, WireError.of(405, "HTTP method " + method + " is not allowed here; use " + allowed),
                requestId).allowing(allowed);
    }
}
