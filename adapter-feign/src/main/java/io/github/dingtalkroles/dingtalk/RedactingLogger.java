package io.github.dingtalkroles.dingtalk;

import feign.Request;
import feign.Response;
import feign.slf4j.Slf4jLogger;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Feign's SLF4J logger (everything at DEBUG, under the logger name
 * {@code io.github.dingtalkroles.dingtalk.DingTalkApi}) with every line passed through
 * {@link Redaction}: request lines carry {@code access_token} and {@code appsecret} in the query,
 * and the {@code /gettoken} reply carries the token in its body. The credential values of the request
 * being logged are also removed from its reply's lines, should the server echo them in free text.
 * Feign logs a request and its reply on the calling thread, so those values are kept per thread,
 * from the request line until the reply or the failure is logged.
 */
final class RedactingLogger extends Slf4jLogger {
    private static final String[] NONE = new String[0];

    private final ThreadLocal<String[]> credentialsInFlight = ThreadLocal.withInitial(() -> NONE);

    RedactingLogger() {
        super(DingTalkApi.class);
    }

    @Override
    protected void logRequest(String configKey, Level logLevel, Request request) {
        credentialsInFlight.set(credentialValues(request.url()));
        super.logRequest(configKey, logLevel, request);
    }

    @Override
    protected Response logAndRebufferResponse(String configKey, Level logLevel, Response response, long elapsedTime)
            throws IOException {
        try {
            return super.logAndRebufferResponse(configKey, logLevel, response, elapsedTime);
        } finally {
            credentialsInFlight.remove();
        }
    }

    @Override
    protected IOException logIOException(String configKey, Level logLevel, IOException ioe, long elapsedTime) {
        try {
            return super.logIOException(configKey, logLevel, ioe, elapsedTime);
        } finally {
            credentialsInFlight.remove();
        }
    }

    @Override
    protected void log(String configKey, String format, Object... args) {
        super.log(configKey, "%s", Redaction.redact(String.format(format, args), credentialsInFlight.get()));
    }

    /** The values of {@code access_token} and {@code appsecret} in {@code url}'s query, as sent and decoded. */
    static String[] credentialValues(String url) {
        String query;
        try {
            query = URI.create(url).getRawQuery();
        } catch (IllegalArgumentException e) {
            return NONE;
        }
        if (query == null) {
            return NONE;
        }
        List<String> values = new ArrayList<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = pair.substring(0, eq).toLowerCase(Locale.ROOT);
            if (name.equals("access_token") || name.equals("appsecret")) {
                String raw = pair.substring(eq + 1);
                values.add(raw);
                try {
                    values.add(URLDecoder.decode(raw, StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    // keep the raw value only
                }
            }
        }
        return values.toArray(NONE);
    }
}
