package io.github.dingtalkroles.dingtalk;

import feign.Request;
import feign.Response;
import feign.slf4j.Slf4jLogger;
import java.io.IOException;

/**
 * Feign's SLF4J logger (everything at DEBUG, under the logger name
 * {@code io.github.dingtalkroles.dingtalk.DingTalkApi}) with every line passed through
 * {@link Redaction}: request lines carry {@code access_token} and {@code appsecret} in the query,
 * and the {@code /gettoken} reply carries the token in its body. The credential values of the request
 * being logged are also removed from its reply's lines, should the server echo them in free text. Every
 * line is then made one line ({@link Redaction#escapeControls}): a reply body or header holding a newline,
 * CR or NUL cannot print what looks like further log lines.
 *
 * <p>Feign logs a request and its reply on the calling thread, so those values are kept per thread,
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
        credentialsInFlight.set(Redaction.credentialValues(request.url()));
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
        super.log(configKey, "%s",
                Redaction.escapeControls(Redaction.redact(String.format(format, args), credentialsInFlight.get())));
    }
}
