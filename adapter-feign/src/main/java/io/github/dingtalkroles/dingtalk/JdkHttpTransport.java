package io.github.dingtalkroles.dingtalk;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Feign's transport over one JDK {@link HttpClient}: what feign-java11's {@code Http2Client} does for
 * this adapter, with less work per call (no stream pipelines or set copies of the headers, no derived
 * clients: {@link DingTalkHttp} keeps the options in line with the client). The read timeout of each
 * request is the JDK request timeout; the body is handed over as a stream, so {@link DingTalkHttp}
 * reads it once and can refuse an oversized reply without buffering it. Thread-safe.
 */
final class JdkHttpTransport implements Client {
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED_HEADERS;

    static {
        Set<String> restricted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        restricted.addAll(List.of("connection", "content-length", "expect", "host", "upgrade"));
        RESTRICTED_HEADERS = restricted;
    }

    private final HttpClient client;

    JdkHttpTransport(HttpClient client) {
        this.client = client;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(new URI(request.url()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("invalid URI", e);
        }
        builder.timeout(Duration.ofMillis(options.readTimeoutMillis()));
        boolean accept = false;
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            String name = header.getKey();
            if (RESTRICTED_HEADERS.contains(name)) {
                continue;
            }
            accept |= name.equalsIgnoreCase("Accept");
            for (String value : header.getValue()) {
                builder.header(name, value);
            }
        }
        if (!accept) {
            builder.header("Accept", "*/*");
        }
        byte[] body = request.body();
        builder.method(request.httpMethod().name(),
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<InputStream> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Map<String, Collection<String>> headers = new HashMap<>(response.headers().map());
        // The body's length is withheld from Feign on purpose: given a length up to 8 KiB, Feign copies
        // the body into a buffer of its own before returning the Response; without one it hands the
        // stream over, and DingTalkHttp reads it once, sized from the Content-Length header.
        return Response.builder()
                .status(response.statusCode())
                .request(request)
                .protocolVersion(response.version() == HttpClient.Version.HTTP_2
                        ? Request.ProtocolVersion.HTTP_2 : Request.ProtocolVersion.HTTP_1_1)
                .headers(headers)
                .body(response.body(), null)
                .build();
    }
}
