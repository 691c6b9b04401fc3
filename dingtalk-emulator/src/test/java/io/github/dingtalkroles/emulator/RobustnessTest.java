package io.github.dingtalkroles.emulator;

import static io.github.dingtalkroles.emulator.WireClient.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dingtalkroles.emulator.WireClient.Answer;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed, oversized and slow input: the emulator answers JSON, never a stack trace, never hangs,
 * and keeps serving. The time-outs on these tests only catch hangs; nothing here measures speed.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RobustnessTest {
    private static final String TOKEN = "test-token";
    private static final String ADD_GROUP = "/role/add_role_group";
    private static final String LIST = "/topapi/role/list";

    private final DingTalkEmulator emulator = DingTalkEmulator.builder()
            .directory(InMemoryRoleDirectory.create())
            .accessToken(TOKEN)
            .maxBodyBytes(1024)
            .workerThreads(1)
            .requestHeadTimeout(Duration.ofMillis(500))
            .clientTimeout(Duration.ofMillis(500))
            .start();
    private final WireClient client = new WireClient(emulator);

    @AfterEach
    void stop() {
        emulator.close();
    }

    private void assertStillServing() {
        assertThat(client.postForm(LIST, TOKEN, fields()).errcode()).isZero();
    }

    private Socket socket() throws IOException {
        Socket socket = new Socket("127.0.0.1", emulator.port());
        socket.setSoTimeout(15_000);
        return socket;
    }

    /** Everything the server sends until it closes the connection. */
    private static String readToEnd(Socket socket) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // a reset is as good as a close here
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {
            """
            {"name":""",
            "not json at all {",
            """
            ["HR"]""",
            """
            {"name":{"nested":1}}""",
            """
            {"name":"a","name":"b"}""",
            """
            {"name":"HR"} trailing""",
            "\"HR\""})
    void aMalformedJsonBodyAnswers400002AndTheServerGoesOn(String body) {
        Answer answer = client.post(ADD_GROUP + "?access_token=" + TOKEN, "application/json", body);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json;charset=UTF-8");
        assertThat(answer.errcode()).isEqualTo(400002);
        assertThat(answer.errmsg()).startsWith("Invalid parameter");
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at io.");
        assertStillServing();
    }

    @Test
    void aMalformedFormBodyAnswers400002() {
        Answer answer = client.post(ADD_GROUP + "?access_token=" + TOKEN, "application/x-www-form-urlencoded", "name=%zz");

        assertThat(answer.errcode()).isEqualTo(400002);
    }

    @Test
    void anUnknownCharsetAnswers400002() {
        Answer answer = client.post(ADD_GROUP + "?access_token=" + TOKEN,
                "application/x-www-form-urlencoded;charset=no-such-charset", "name=HR");

        assertThat(answer.errcode()).isEqualTo(400002);
    }

    @Test
    void theTokenIsCheckedBeforeTheBody() {
        Answer answer = client.post(ADD_GROUP, "application/json", "{broken");

        assertThat(answer.errcode()).isEqualTo(88);
        assertThat(answer.json().get("sub_code").asText()).isEqualTo("40000");
    }

    @Test
    void aJsonBodyWithoutAContentTypeIsStillRead() {
        Answer answer = client.post(ADD_GROUP + "?access_token=" + TOKEN, null, """
                {"name":"HR"}""");

        assertThat(answer.errcode()).as(answer.body()).isZero();
    }

    @Test
    void aBodyOverTheLimitAnswers413WithAJsonErrcode() {
        Answer answer = client.postForm(ADD_GROUP, TOKEN, fields("name", "x".repeat(2000)));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.errcode()).isEqualTo(413);
        assertStillServing();
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedToo() throws IOException {
        try (Socket socket = socket()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + ADD_GROUP + "?access_token=" + TOKEN + " HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "800\r\n" + "x".repeat(0x800) + "\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            assertThat(readToEnd(socket)).startsWith("HTTP/1.1 413").contains("\"errcode\":413");
        }
        assertStillServing();
    }

    @Test
    void unknownPathsAnswer404WithAJsonErrcode() {
        Answer answer = client.postForm("/role/delete_everything", TOKEN, fields());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).isEqualTo("application/json;charset=UTF-8");
        assertThat(answer.errcode()).isEqualTo(404);
        assertThat(answer.json().get("request_id").asText()).matches("[a-z0-9]{12}");
    }

    @Test
    void aWrongMethodAnswers405WithAJsonErrcodeAndTheAllowedMethod() {
        Answer get = client.get(LIST + "?access_token=" + TOKEN);
        Answer head = client.send("HEAD", LIST);

        assertThat(get.status()).isEqualTo(405);
        assertThat(get.errcode()).isEqualTo(405);
        assertThat(get.errmsg()).contains("POST");
        assertThat(head.status()).isEqualTo(405);
    }

    @Test
    void garbageBytesAreAnsweredOrDroppedAndTheServerGoesOn() throws IOException {
        try (Socket socket = socket()) {
            socket.getOutputStream().write(new byte[] {0, 1, 2, (byte) 0xff, '\r', '\n', '\r', '\n', 'G', 'E'});
            socket.getOutputStream().write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            assertThat(readToEnd(socket)).doesNotContain("Exception");
        }
        assertStillServing();
    }

    @Test
    void aClientThatStallsInItsHeadersIsCutOffAndOthersAreServed() throws Exception {
        try (Socket stalled = socket()) {
            stalled.getOutputStream().write(("POST " + LIST + " HTTP/1.1\r\nHost: x\r\n").getBytes(StandardCharsets.US_ASCII));
            stalled.getOutputStream().flush();

            // the emulator has a single worker, and a request takes it only once its head and body are in
            assertThat(client.postForm(LIST, TOKEN, fields()).errcode()).isZero();

            assertThat(readToEnd(stalled)).isEmpty();
        }
    }

    @Test
    void aClientThatStallsInItsBodyIsCutOffAndOthersAreServed() throws Exception {
        try (Socket stalled = socket()) {
            stalled.getOutputStream().write(("POST " + ADD_GROUP + "?access_token=" + TOKEN + " HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"name\":").getBytes(StandardCharsets.US_ASCII));
            stalled.getOutputStream().flush();

            assertThat(client.postForm(LIST, TOKEN, fields()).errcode()).isZero();

            assertThat(readToEnd(stalled)).isEmpty();
        }
    }

    @Test
    void aClientThatSendsNothingDoesNotHoldTheWorker() throws Exception {
        try (Socket idle = socket()) {
            assertThat(client.postForm(LIST, TOKEN, fields()).errcode()).isZero();
        }
    }

    @Test
    void servesKeepAliveRequestsOnOneConnection() throws IOException {
        try (Socket socket = socket()) {
            String request = "POST " + LIST + "?access_token=" + TOKEN + " HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
            socket.getOutputStream().write((request + request).getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(("GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            String received = readToEnd(socket);

            assertThat(received.split("HTTP/1.1 200", -1)).hasSize(3);
            assertThat(received).contains("HTTP/1.1 404");
        }
    }
}
