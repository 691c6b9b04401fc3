package io.github.dingtalkroles.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The admin paths, served only when {@link DingTalkEmulator.Builder#adminApi(boolean)} is on: the
 * fault API and the request counts for tests outside the JVM.
 *
 * <ul>
 *   <li>{@code POST /__emulator/faults} with {@code endpoint} (a name such as {@code ADD_ROLE}, a path
 *       such as {@code /role/add_role}, or {@code ANY}/absent for any endpoint), {@code fault} (a
 *       {@link Fault.Kind} name), {@code times} (default 1) and, for {@code DELAY},
 *       {@code delayMillis}; as a JSON or form body, or in the query string.</li>
 *   <li>{@code GET /__emulator/faults}: how many strikes are pending. {@code DELETE}: forget them.</li>
 *   <li>{@code GET /__emulator/requests}: requests received per endpoint. {@code DELETE}: reset.</li>
 * </ul>
 *
 * Answers are JSON with {@code errcode} 0; bad input answers HTTP 400 with errcode 400002.
 */
final class AdminApi {
    static final String PREFIX = "/__emulator/";
    private static final String FAULTS = PREFIX + "faults";
    private static final String REQUESTS = PREFIX + "requests";

    private final Faults faults;
    private final RequestCounts counts;

    AdminApi(Faults faults, RequestCounts counts) {
        this.faults = faults;
        this.counts = counts;
    }

    Reply handle(String method, String path, Params params, String requestId) {
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
        return Reply.error(404, WireError.of(404, "No such admin path"), requestId);
    }

    private Reply queueFault(Params params, String requestId) {
        try {
            Optional<Endpoint> endpoint = endpoint(params.get("endpoint").orElse("ANY"));
            Fault fault = fault(params);
            int times = (int) number(params.get("times").orElse("1"), "times");
            if (endpoint.isPresent()) {
                faults.next(endpoint.get(), fault, times);
            } else {
                faults.nextOnAny(fault, times);
            }
            return pendingFaults(requestId);
        } catch (IllegalArgumentException e) {
            return Reply.error(400, WireError.invalidParameter(e.getMessage()), requestId);
        }
    }

    /** An endpoint by name or path; empty for any endpoint. */
    private static Optional<Endpoint> endpoint(String text) {
        if (text.equalsIgnoreCase("ANY")) {
            return Optional.empty();
        }
        Optional<Endpoint> byPath = Endpoint.atPath(text);
        if (byPath.isPresent()) {
            return byPath;
        }
        try {
            return Optional.of(Endpoint.valueOf(text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown endpoint; use one of " + Arrays.toString(Endpoint.values())
                    + ", a path, or ANY");
        }
    }

    private static Fault fault(Params params) {
        String name = params.get("fault").orElseThrow(() -> new IllegalArgumentException("fault is required"));
        Fault.Kind kind;
        try {
            kind = Fault.Kind.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown fault; use one of " + Arrays.toString(Fault.Kind.values()));
        }
        if (kind == Fault.Kind.DELAY) {
            String millis = params.get("delayMillis")
                    .orElseThrow(() -> new IllegalArgumentException("a DELAY fault needs delayMillis"));
            return Fault.delay(Duration.ofMillis(number(millis, "delayMillis")));
        }
        return Fault.of(kind);
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

    private Reply pendingFaults(String requestId) {
        ObjectNode body = Json.success();
        body.put("pending", faults.pending());
        return Reply.json(body, requestId);
    }

    private Reply requestCounts(String requestId) {
        ObjectNode body = Json.success();
        ObjectNode requests = body.putObject("requests");
        for (Map.Entry<Endpoint, Long> entry : counts.snapshot().entrySet()) {
            requests.put(entry.getKey().name(), entry.getValue());
        }
        return Reply.json(body, requestId);
    }

    private static Reply methodNotAllowed(String method, String allowed, String requestId) {
        return Reply.error(405, WireError.of(405, "HTTP method " + method + " is not allowed here; use " + allowed),
                requestId).allowing(allowed);
    }
}
