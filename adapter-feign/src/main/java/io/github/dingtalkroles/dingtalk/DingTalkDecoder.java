package io.github.dingtalkroles.dingtalk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import feign.Response;
import feign.codec.Decoder;
import io.github.dingtalkroles.port.UnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Feign's {@link Decoder} for DingTalk's replies with HTTP 2xx. DingTalk reports most failures inside a
 * 200 body, so the envelope is checked first ({@link DingTalkErrors#failure}): any reply but errcode 0
 * becomes an {@link AttemptFailed}. A success is then read into the endpoint's reply record with
 * {@link DingTalkJson#MAPPER}; the body is parsed once, into a tree both are read from; a body the record cannot be made of is invalid data
 * ({@link DingTalkErrors#invalidData}), naming the field and the problem, never the value.
 *
 * <p>Bodies are read whole, up to {@link #MAX_BODY_BYTES}; a larger one is refused rather than buffered.
 * Thread-safe and stateless.
 */
final class DingTalkDecoder implements Decoder {
    /** Replies larger than this are refused rather than buffered. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    @Override
    public Object decode(Response response, Type type) throws IOException {
        byte[] body = body(response);
        ObjectNode tree = DingTalkJson.tree(body);
        Envelope envelope = Envelope.of(tree);
        if (!DingTalkErrors.isSuccess(response.status(), envelope)) {
            Sent sent = Sent.of(response);
            throw DingTalkErrors.failure(response.status(), body, envelope, sent.operation(), sent.token(),
                    sent.secrets());
        }
        try {
            return DingTalkJson.MAPPER.treeToValue(tree, DingTalkJson.MAPPER.constructType(type));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Sent sent = Sent.of(response);
            throw DingTalkErrors.invalidData(sent.operation(), problem(e), envelope, sent.secrets());
        }
    }

    /** The whole body, or an {@link AttemptFailed} if it is larger than {@link #MAX_BODY_BYTES}. */
    static byte[] body(Response response) throws IOException {
        if (response.body() == null) {
            return new byte[0];
        }
        Integer length = response.body().length();
        try (InputStream in = response.body().asInputStream()) {
            // sized by Content-Length when the reply states one (readNBytes would first fill 8 KB chunks)
            byte[] body = length != null && length <= MAX_BODY_BYTES ? in.readNBytes(length)
                    : in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw AttemptFailed.giveUpAmbiguous(new UnavailableException("DingTalk's reply to "
                        + Sent.of(response).operation()
                        + " is larger than " + MAX_BODY_BYTES + " bytes", false, false,
                        io.github.dingtalkroles.port.BackendDiagnostics.NONE, null));
            }
            return body;
        }
    }

    /**
     * {@code result.list[0].groupId is not an integer}: where in the body, and what is wrong there (the
     * domain's or a reply record's own words where one refused the value).
     */
    private static String problem(Exception e) {
        String what = e instanceof ValueInstantiationException && e.getCause() != null
                ? Objects.toString(e.getCause().getMessage(), e.getCause().getClass().getSimpleName())
                : e instanceof JsonProcessingException json
                ? Objects.toString(json.getOriginalMessage(), e.getClass().getSimpleName())
                : Objects.toString(e.getMessage(), e.getClass().getSimpleName());
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining()).substring(1);
            return path + (what.startsWith("is ") ? " " : ": ") + what;
        }
        return what;
    }

    /**
     * What the reply answers: the endpoint (the last segment of the request's path, {@code add_role}), the
     * access token the request carried, and the credential values to keep out of every message.
     */
    record Sent(String operation, AccessToken token, String[] secrets) {
        static Sent of(Response response) {
            String url = response.request() == null ? "" : response.request().url();
            String path;
            try {
                path = Objects.toString(URI.create(url).getPath(), "");
            } catch (IllegalArgumentException e) {
                path = "";
            }
            String operation = path.substring(path.lastIndexOf('/') + 1);
            String[] secrets = Redaction.credentialValues(url);
            String token = Redaction.queryValue(url, "access_token");
            AccessToken sentToken = null;
            if (token != null) {
                try {
                    sentToken = AccessToken.of(token);
                } catch (IllegalArgumentException e) {
                    // not a token this library would have sent
                }
            }
            return new Sent(operation.isEmpty() ? "the call" : operation, sentToken, secrets);
        }
    }
}
