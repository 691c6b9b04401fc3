package io.github.dingtalkroles.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One HTTP answer, ready to send.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type}, or {@code null} for none
 * @param body the body bytes (possibly empty)
 * @param header one more header, {@code name: value} (such as a 405's {@code Allow}), or {@code null}
 * @param closeConnection whether to close the connection after the answer ({@code Connection: close})
 */
record HttpAnswer(int status, String contentType, byte[] body, String header, boolean closeConnection) {
    static final String JSON = "application/json;charset=UTF-8";
    static final String HTML = "text/html;charset=UTF-8";

    /** {@code body} (which starts {@code errcode, errmsg}) with {@code request_id} added, HTTP 200. */
    static HttpAnswer json(ObjectNode body, String requestId) {
        return json(200, body, requestId);
    }

    static HttpAnswer json(int status, ObjectNode body, String requestId) {
        body.put("request_id", requestId);
        return new HttpAnswer(status, JSON, EmulatorJson.bytes(body), null, false);
    }

    static HttpAnswer error(WireError error, String requestId) {
        return error(200, error, requestId);
    }

    static HttpAnswer error(int status, WireError error, String requestId) {
        ObjectNode body = EmulatorJson.object();
        body.put("errcode", error.errcode());
        if (error.subCode() != null) {
            body.put("sub_code", error.subCode());
            body.put("sub_msg", error.subMsg());
        }
        body.put("errmsg", error.errmsg());
        return json(status, body, requestId);
    }

    /** Raw bytes as they are, HTTP 200. */
    static HttpAnswer raw(String contentType, byte[] body) {
        return new HttpAnswer(200, contentType, body, null, false);
    }

    static HttpAnswer html(int status, String html) {
        return new HttpAnswer(status, HTML, html.getBytes(StandardCharsets.UTF_8), null, false);
    }

    /** This answer with its {@code Allow} header set. */
    HttpAnswer allowing(String methods) {
        return withHeader("Allow: " + methods);
    }

    /** This answer with one more header, {@code name: value}. */
    HttpAnswer withHeader(String nameAndValue) {
        return new HttpAnswer(status, contentType, body, nameAndValue, closeConnection);
    }

    /** This answer, after which the connection is closed (the rest of the request is not read). */
    HttpAnswer closing() {
        return new HttpAnswer(status, contentType, body, header, true);
    }

    /** This answer with its body cut in the middle (at least one byte gone). */
    HttpAnswer truncated() {
        return new HttpAnswer(status, contentType, Arrays.copyOf(body, body.length / 2), header, closeConnection);
    }
}
