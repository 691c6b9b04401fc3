package io.github.dingtalkroles.dingtalk;

import feign.Response;
import feign.codec.ErrorDecoder;
import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.UnavailableException;
import java.io.IOException;

/**
 * Feign's {@link ErrorDecoder} for DingTalk's replies with a status other than 2xx: HTTP 5xx is a transient
 * failure that may hide a carried-out write, 429 and DingTalk's ban pages (HTML, or {@code punish} JSON) are
 * throttling, and a JSON body with an errcode is read like one with HTTP 200, all through
 * {@link DingTalkErrors#failure}, the one place that maps DingTalk's answers to the port's exceptions.
 * Returns an {@link AttemptFailed}, which the Feign call throws as it is. Thread-safe and stateless.
 */
final class DingTalkErrorDecoder implements ErrorDecoder {

    @Override
    public Exception decode(String methodKey, Response response) {
        DingTalkDecoder.Sent sent = DingTalkDecoder.Sent.of(response);
        byte[] body;
        try {
            body = DingTalkDecoder.body(response);
        } catch (AttemptFailed tooLarge) {
            return tooLarge;
        } catch (IOException e) {
            return AttemptFailed.backOff(new UnavailableException("the connection to DingTalk failed while reading"
                    + " its reply to " + sent.operation(), true, false, BackendDiagnostics.NONE,
                    RedactedCause.of(e, sent.secrets())), true);
        }
        // a status other than 2xx is never a success, whatever the body says
        return DingTalkErrors.failure(response.status(), body, Envelope.of(DingTalkJson.tree(body)),
                sent.operation(), sent.token(), sent.secrets());
    }
}
