package io.github.dingtalkroles.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import feign.Request;
import feign.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter's own HTTP/1.1 transport against a scripted raw-socket server: what goes on the wire,
 * how replies are framed, when connections are reused, and that nothing is ever sent twice.
 */
class SocketTransportTest {
    private static final String OK_JSON = "{\"errcode\":0}";
    private static final Request.Options OPTIONS = new Request.Options(2, TimeUnit.SECONDS, 2, TimeUnit.SECONDS, false);

    private final SocketTransport transport = new SocketTransport();
    private ScriptedServer server;

    @AfterEach
    void stop() throws IOException {
        transport.closeIdleConnections();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void writesTheRequestLineHostFormAndLengthAndReadsAFixedLengthReply() throws IOException {
        server = ScriptedServer.start(request -> reply(200, "Content-Length: " + OK_JSON.length(), OK_JSON));

        String body = read(transport.execute(post("/role/add_role?access_token=a%20b", "roleName=R&groupId=1"), OPTIONS));

        assertThat(body).isEqualTo(OK_JSON);
        String request = server.requests.get(0);
        assertThat(request).startsWith("POST /role/add_role?access_token=a%20b HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                + "\r\n");
        assertThat(request).contains("\r\nContent-Type: application/x-www-form-urlencoded;charset=utf-8\r\n")
                .contains("\r\nAccept: application/json\r\n")
                .contains("\r\nContent-Length: 20\r\n")
                .endsWith("\r\n\r\nroleName=R&groupId=1");
    }

    @Test
    void aRequestLineWithNonAsciiTextIsSentAsUtf8() throws IOException {
        // Feign percent-encodes URLs, but the transport must not mangle one that is not
        server = ScriptedServer.start(request -> reply(200, "Content-Length: 2", "{}"));

        read(transport.execute(post("/x?name=\u89d2\u8272", "a=1"), OPTIONS));

        byte[] sent = server.requests.get(0).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(new String(sent, StandardCharsets.UTF_8)).startsWith("POST /x?name=\u89d2\u8272 HTTP/1.1\r\nHost: ");
    }

    @Test
    void aGetHasNoBodyAndNoLength() throws IOException {
        server = ScriptedServer.start(request -> reply(200, "Content-Length: 2", "{}"));

        read(transport.execute(Request.create(Request.HttpMethod.GET, server.url("/gettoken?appkey=k"), Map.of(), null,
                StandardCharsets.UTF_8, null), OPTIONS));

        assertThat(server.requests.get(0)).startsWith("GET /gettoken?appkey=k HTTP/1.1\r\n")
                .doesNotContain("Content-Length").endsWith("\r\n\r\n");
    }

    @Test
    void aKeptAliveConnectionCarriesTheNextRequest() throws IOException {
        server = ScriptedServer.start(request -> reply(200, "Content-Length: " + OK_JSON.length(), OK_JSON));

        for (int i = 0; i < 3; i++) {
            assertThat(read(transport.execute(post("/x", "a=" + i), OPTIONS))).isEqualTo(OK_JSON);
        }

        assertThat(server.requests).hasSize(3);
        assertThat(server.connections.get()).isEqualTo(1);
        assertThat(transport.idleConnections()).isEqualTo(1);
    }

    @Test
    void aConnectionTheServerClosedWhileIdleIsNotReused() throws IOException {
        // the server answers without announcing the close, then closes: the probe must notice
        server = ScriptedServer.start(request -> reply(200, "Content-Length: 2", "{}") + ScriptedServer.CLOSE);

        read(transport.execute(post("/x", "a=1"), OPTIONS));
        server.awaitClosedConnections(1);
        String second = read(transport.execute(post("/x", "a=2"), OPTIONS));

        assertThat(second).isEqualTo("{}");
        assertThat(server.connections.get()).isEqualTo(2);
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void connectionCloseIsHonoured() throws IOException {
        server = ScriptedServer.start(request -> reply(200, "Content-Length: 2\r\nConnection: close", "{}"));

        read(transport.execute(post("/x", "a=1"), OPTIONS));

        assertThat(transport.idleConnections()).isZero();
    }

    @Test
    void chunkedRepliesAreReassembledAndTheConnectionKept() throws IOException {
        server = ScriptedServer.start(request -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\n{\"err\r\n8\r\ncode\":0}\r\n0\r\nX-Trailer: t\r\n\r\n");

        assertThat(read(transport.execute(post("/x", "a=1"), OPTIONS))).isEqualTo(OK_JSON);
        assertThat(read(transport.execute(post("/x", "a=2"), OPTIONS))).isEqualTo(OK_JSON);

        assertThat(server.connections.get()).isEqualTo(1);
    }

    @Test
    void aReplyWithoutLengthEndsWithTheConnection() throws IOException {
        server = ScriptedServer.start(request -> "HTTP/1.1 200 OK\r\n\r\n" + OK_JSON + ScriptedServer.CLOSE);

        assertThat(read(transport.execute(post("/x", "a=1"), OPTIONS))).isEqualTo(OK_JSON);
        assertThat(transport.idleConnections()).isZero();
    }

    @Test
    void interimRepliesAreSkipped() throws IOException {
        server = ScriptedServer.start(request -> "HTTP/1.1 100 Continue\r\n\r\n"
                + reply(200, "Content-Length: 2", "{}"));

        Response response = transport.execute(post("/x", "a=1"), OPTIONS);

        assertThat(response.status()).isEqualTo(200);
        assertThat(read(response)).isEqualTo("{}");
    }

    @Test
    void headersAreReadCaseInsensitively() throws IOException {
        server = ScriptedServer.start(request -> reply(503, "content-length: 2\r\nRetry-After: 3", "{}"));

        Response response = transport.execute(post("/x", "a=1"), OPTIONS);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.headers().get("Retry-After")).containsExactly("3");
        assertThat(read(response)).isEqualTo("{}");
    }

    @Test
    void aTruncatedBodyIsAnErrorNotAShortReply() throws IOException {
        server = ScriptedServer.start(request -> reply(200, "Content-Length: 100", "{\"errcode\":0") + ScriptedServer.CLOSE);

        Response response = transport.execute(post("/x", "a=1"), OPTIONS);

        assertThatThrownBy(() -> read(response)).isInstanceOf(IOException.class).hasMessageContaining("before the end");
    }

    @Test
    void aRequestIsNeverSentTwiceWhenTheConnectionDropsBeforeTheReply() throws IOException {
        AtomicInteger seen = new AtomicInteger();
        server = ScriptedServer.start(request -> seen.incrementAndGet() == 1
                ? reply(200, "Content-Length: 2", "{}")
                : ScriptedServer.CLOSE);
        read(transport.execute(post("/x", "a=1"), OPTIONS));

        Throwable failure = catchThrowable(() -> transport.execute(post("/x", "a=2"), OPTIONS));

        assertThat(failure).isInstanceOf(IOException.class).isNotInstanceOf(NotSentException.class);
        assertThat(DingTalkHttp.neverSent(failure)).isFalse();
        assertThat(server.requests).hasSize(2);
        assertThat(server.connections.get()).isEqualTo(1);
    }

    @Test
    void aRefusedConnectionIsReportedAsNeverSent() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }

        Throwable failure = catchThrowable(() -> transport.execute(
                post("http://127.0.0.1:" + freePort + "/x", "a=1", true), OPTIONS));

        assertThat(failure).isInstanceOf(NotSentException.class);
        assertThat(DingTalkHttp.neverSent(failure)).isTrue();
    }

    @Test
    void theReadTimeoutBoundsTheWholeReplyNotEachRead() throws IOException {
        // a body trickled a byte every 50 ms for 10 s: a per-read timeout of 400 ms would never fire
        server = ScriptedServer.start(request -> reply(200, "Content-Length: 200", "") + ScriptedServer.TRICKLE);
        Request.Options shortRead = new Request.Options(2, TimeUnit.SECONDS, 400, TimeUnit.MILLISECONDS, false);

        Response response = transport.execute(post("/x", "a=1"), shortRead);

        assertThatThrownBy(() -> read(response)).isInstanceOf(SocketTimeoutException.class);
        assertThat(server.trickled.get()).isLessThan(200);
    }

    @Test
    void headerValuesWithLineBreaksAreRefusedWithoutQuotingThem() {
        Map<String, Collection<String>> headers = Map.of("X-Token", List.of("secret\r\nInjected: yes"));
        Request request = Request.create(Request.HttpMethod.POST, "http://127.0.0.1:1/x", headers, new byte[0],
                StandardCharsets.UTF_8, null);

        assertThatThrownBy(() -> transport.execute(request, OPTIONS)).isInstanceOf(IOException.class)
                .hasMessageContaining("X-Token").hasMessageNotContaining("secret");
    }

    @Test
    void malformedStatusLinesAreRefused() throws IOException {
        server = ScriptedServer.start(request -> "SSH-2.0-OpenSSH\r\n\r\n");

        assertThatThrownBy(() -> transport.execute(post("/x", "a=1"), OPTIONS)).isInstanceOf(IOException.class)
                .hasMessageContaining("status line");
    }

    @Test
    void aHugeHeadIsRefused() throws IOException {
        server = ScriptedServer.start(request -> "HTTP/1.1 200 OK\r\nX: " + "a".repeat(70_000) + "\r\n\r\n");

        assertThatThrownBy(() -> transport.execute(post("/x", "a=1"), OPTIONS)).isInstanceOf(IOException.class)
                .hasMessageContaining("larger than");
    }

    @Test
    void ipv6LiteralsAndDefaultPortsAreTakenApartRight() {
        Throwable failure = catchThrowable(() -> transport.execute(post("ftp://host/x", "a=1", true), OPTIONS));
        assertThat(failure).isInstanceOf(IOException.class).hasMessageContaining("scheme");
        assertThat(catchThrowable(() -> transport.execute(post("http://[::1/x", "a=1", true), OPTIONS)))
                .hasMessageContaining("IPv6");
        assertThat(catchThrowable(() -> transport.execute(post("http://host:99999/x", "a=1", true), OPTIONS)))
                .hasMessageContaining("port");
    }

    private Request post(String path, String form) {
        return post(server.url(path), form, true);
    }

    private static Request post(String url, String form, boolean asForm) {
        Map<String, Collection<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/x-www-form-urlencoded;charset=utf-8"));
        headers.put("Accept", List.of("application/json"));
        return Request.create(Request.HttpMethod.POST, url, headers, form.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8, null);
    }

    private static String reply(int status, String headers, String body) {
        return "HTTP/1.1 " + status + " X\r\n" + headers + "\r\n\r\n" + body;
    }

    private static String read(Response response) throws IOException {
        try (response; InputStream in = response.body().asInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A one-thread server: reads each request (head and Content-Length body) and writes the script's answer. */
    private static final class ScriptedServer implements AutoCloseable {
        /** Appended to an answer: close the connection after writing it. */
        static final String CLOSE = "\u0000close";
        /** Appended to an answer: write a byte every 50 ms, 200 in all. */
        static final String TRICKLE = "\u0000trickle";

        final List<String> requests = new CopyOnWriteArrayList<>();
        final AtomicInteger connections = new AtomicInteger();
        final AtomicInteger trickled = new AtomicInteger();
        private final BlockingQueue<Integer> closed = new LinkedBlockingQueue<>();
        private final ServerSocket socket;
        private final java.util.function.Function<String, String> script;

        private ScriptedServer(ServerSocket socket, java.util.function.Function<String, String> script) {
            this.socket = socket;
            this.script = script;
        }

        static ScriptedServer start(java.util.function.Function<String, String> script) throws IOException {
            ScriptedServer server = new ScriptedServer(new ServerSocket(0, 8, InetAddress.getLoopbackAddress()), script);
            Thread thread = new Thread(server::serve, "scripted-server");
            thread.setDaemon(true);
            thread.start();
            return server;
        }

        int port() {
            return socket.getLocalPort();
        }

        String url(String path) {
            return "http://127.0.0.1:" + port() + path;
        }

        void awaitClosedConnections(int count) {
            try {
                for (int i = 0; i < count; i++) {
                    assertThat(closed.poll(5, TimeUnit.SECONDS)).as("a connection closed by the server").isNotNull();
                }
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket connection = socket.accept()) {
                    connections.incrementAndGet();
                    InputStream in = connection.getInputStream();
                    OutputStream out = connection.getOutputStream();
                    String request;
                    while ((request = readRequest(in)) != null) {
                        requests.add(request);
                        String answer = script.apply(request);
                        int control = answer.indexOf('\u0000');
                        out.write((control < 0 ? answer : answer.substring(0, control)).getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                        if (answer.endsWith(TRICKLE)) {
                            for (int i = 0; i < 200 && !socket.isClosed(); i++) {
                                Thread.sleep(50);
                                out.write('x');
                                out.flush();
                                trickled.incrementAndGet();
                            }
                        }
                        if (control >= 0) {
                            break;
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    // the client went away, or the server is closing
                }
                closed.add(1);
            }
        }

        private static String readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                byte[] bytes = head.toByteArray();
                int n = bytes.length;
                if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                    String text = head.toString(StandardCharsets.ISO_8859_1);
                    int length = 0;
                    for (String line : text.split("\r\n")) {
                        if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                            length = Integer.parseInt(line.substring(15).strip());
                        }
                    }
                    return text + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
