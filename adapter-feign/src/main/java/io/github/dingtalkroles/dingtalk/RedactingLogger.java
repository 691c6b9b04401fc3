package io.github.dingtalkroles.dingtalk;

import feign.slf4j.Slf4jLogger;

/**
 * Feign's SLF4J logger (everything at DEBUG, under the logger name
 * {@code io.github.dingtalkroles.dingtalk.DingTalkApi}) with every line passed through
 * {@link Redaction}: request lines carry {@code access_token} and {@code appsecret} in the query,
 * and the {@code /gettoken} reply carries the token in its body.
 */
final class RedactingLogger extends Slf4jLogger {

    RedactingLogger() {
        super(DingTalkApi.class);
    }

    @Override
    protected void log(String configKey, String format, Object... args) {
        super.log(configKey, "%s", Redaction.redact(String.format(format, args)));
    }
}
