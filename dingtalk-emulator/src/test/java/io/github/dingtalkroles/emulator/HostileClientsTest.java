package io.github.dingtalkroles.emulator;

import static io.github.dingtalkroles.emulator.WireClient.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dingtalkroles.emulator.WireClient.Answer;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link RobustnessTest} shows each kind of hostile input alone; here they all run at once, without
 * pause, while a well-behaved client works: slow clients that stall in their headers or body, bodies
 * over the limit, wrong methods, bad encodings and raw garbage. The emulator stays up, answers every
 * hostile request with an errcode (or drops it), and serves every call of the well-behaved client,
 * carrying each write out exactly once. The time-out only catches hangs.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class HostileClientsTest {
    private static final String TOKEN = "hostile-test-token";
    private static final String ADD_GROUP = "/role/add_role_group";
    private static final String LIST = "/topapi/role/list";
    private static final int GOOD_CALLS = 40;

    private final InMemoryRoleDirectory directory = InMemoryRoleDirectory.create();
    private final DingTalkEmulator emulator = DingTalkEmulator.builder()
            .directory(directory)
            .accessToken(TOKEN)
            .maxBodyBytes(1024)
            .workerThreads(4)
            .clientTimeout(Duration.ofMillis(500))
            .start();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ConcurrentLinkedQueue<String> wrongAnswers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger hostileRequests = new AtomicInteger();

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aWellBehavedClientIsServedThroughoutWhileOthersStallFloodAndSendGarbage() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> hostile = new ArrayList<>();
        try {
            hostile.add(pool.submit(() -> repeat(this::stallInHeaders)));
            hostile.add(pool.submit(() -> repeat(this::stallInBody)));
            hostile.add(pool.submit(() -> repeat(this::oversizedBody)));
            hostile.add(pool.submit(() -> repeat(this::wrongMethodAndBadEncodings)));
            hostile.add(pool.submit(() -> repeat(this::garbageBytes)));

            WireClient good = new WireClient(emulator).withTimeout(Duration.ofSeconds(20));
            for (int i = 0; i < GOOD_CALLS; i++) {
                Answer added = good.postForm(ADD_GROUP, TOKEN, fields("name", "G" + i));
                assertThat(added.errcode()).as(added.body()).isZero();
                Answer listed = good.postForm(LIST, TOKEN, fields("size", 200, "offset", 0));
                assertThat(listed.errcode()).as(listed.body()).isZero();
            }
        } finally {
            running.set(false);
            for (Future<?> f : hostile) {
                f.get(30, TimeUnit.SECONDS);
            }
            pool.shutdownNow();
        }

        assertThat(wrongAnswers).as("hostile requests answered other than with an errcode").isEmpty();
        assertThat(hostileRequests.get()).as("hostile requests sent meanwhile").isGreaterThan(GOOD_CALLS);
        assertThat(directory.allRoleGroups().filter(g -> !g.isDefault()).map(g -> g.name().value()))
                .containsExactlyElementsOf(IntStream.range(0, GOOD_CALLS).mapToObj(i -> "G" + i).toList());
        assertThat(new WireClient(emulator).postForm(LIST, TOKEN, fields()).errcode()).isZero();
    }

    private void repeat(HostileRequest request) {
        while (running.get()) {
            try {
                request.send();
            } catch (IOException | UncheckedIOException dropped) {
                // the emulator may close a hostile connection instead of answering it
            }
            hostileRequests.incrementAndGet();
        }
    }

    @FunctionalInterface
    private interface HostileRequest {
        void send() throws IOException;
    }

    private void stallInHeaders() throws IOException {
        try (Socket socket = socket()) {
            socket.getOutputStream().write(("POST " + LIST + " HTTP/1.1\r\nHost: x\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            expectCutOff(socket);
        }
    }

    private void stallInBody() throws IOException {
        try (Socket socket = socket()) {
            socket.getOutputStream().write(("POST " + ADD_GROUP + "?access_token=" + TOKEN + " HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"name\":")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            expectCutOff(socket);
        }
    }

    private void oversizedBody() {
        Answer answer = new WireClient(emulator).postForm(ADD_GROUP, TOKEN, fields("name", "x".repeat(4096)));
        expect(answer, 413);
    }

    private void wrongMethodAndBadEncodings() {
        WireClient client = new WireClient(emulator);
        expect(client.get(ADD_GROUP + "?access_token=" + TOKEN), 405);
        expect(client.send("DELETE", LIST + "?access_token=" + TOKEN), 405);
        expect(client.post(ADD_GROUP + "?access_token=" + TOKEN, "application/x-www-form-urlencoded", "name=%zz"), 400002);
        expect(client.post(ADD_GROUP + "?access_token=" + TOKEN,
                "application/x-www-form-urlencoded;charset=no-such", "name=HR"), 400002);
        expect(client.post(ADD_GROUP + "?access_token=" + TOKEN, "application/json", """
                {"name":"""), 400002);
        expect(client.post(ADD_GROUP, "application/json", """
                {"name":"NoToken"}"""), 88);
        expect(client.post(ADD_GROUP + "?access_token=wrong", "application/json", """
                {"name":"BadToken"}"""), 88);
    }

    private void garbageBytes() throws IOException {
        try (Socket socket = socket()) {
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, '\r', '\n', '\r', '\n'});
            out.write("\u00ff\u00fe GARBAGE /\u0000 HTTP/9.9\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String received = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            if (received.contains("Exception") || received.contains("at io.")) {
                wrongAnswers.add("garbage answered with " + received);
            }
        }
    }

    private void expect(Answer answer, long errcode) {
        if (answer.errcode() != errcode || answer.body().contains("Exception")) {
            wrongAnswers.add("expected errcode " + errcode + " but got HTTP " + answer.status() + " " + answer.body());
        }
    }

    /** The emulator must close a stalled connection (after its client time-out) without answering. */
    private void expectCutOff(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] received = in.readAllBytes();
        if (received.length > 0) {
            wrongAnswers.add("a stalled request was answered: " + new String(received, StandardCharsets.ISO_8859_1));
        }
    }

    private Socket socket() throws IOException {
        Socket socket = new Socket("127.0.0.1", emulator.port());
        socket.setSoTimeout(15_000);
        return socket;
    }
}
