package io.github.dingtalkroles.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.UnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS through the directory's default client: the server's certificate must be trusted and name the
 * host, so a certificate for {@code localhost} is accepted there and refused for {@code 127.0.0.1}, and a
 * refused certificate is not retried.
 */
class TlsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;

    private static SSLContext context;
    private static SSLServerSocket server;
    private static final AtomicInteger ACCEPTED = new AtomicInteger();

    @BeforeAll
    static void startServer() throws Exception {
        // a self-signed certificate for localhost only, made by the JDK's own keytool
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as(output).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(TlsTest::serve, "tls-server");
        thread.setDaemon(true);
        thread.start();
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    private static void serve() {
        while (!server.isClosed()) {
            try (SSLSocket connection = (SSLSocket) server.accept()) {
                ACCEPTED.incrementAndGet();
                InputStream in = connection.getInputStream();
                byte[] tail = new byte[4];
                int b;
                while ((b = in.read()) >= 0) {
                    System.arraycopy(tail, 1, tail, 0, 3);
                    tail[3] = (byte) b;
                    if (tail[0] == '\r' && tail[1] == '\n' && tail[2] == '\r' && tail[3] == '\n') {
                        break;
                    }
                }
                OutputStream out = connection.getOutputStream();
                String body = "{\"errcode\":0,\"result\":{\"hasMore\":false,\"list\":[]}}";
                out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n"
                        + body).getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // a refused handshake, or the server is closing
            }
        }
    }

    @Test
    void aTrustedCertificateForTheHostCarriesTheExchange() {
        try (DingTalkRoleDirectory directory = directory("localhost").sslContext(context).build()) {
            assertThat(directory.listRoleGroups(PageRequest.first()).groups()).isEmpty();
        }
    }

    @Test
    void aCertificateForAnotherHostIsRefusedAndNotRetried() {
        assertRefusedOnce(directory("127.0.0.1").sslContext(context));
    }

    @Test
    void anUntrustedCertificateIsRefusedWithTheDefaultTrustStoreAndNotRetried() {
        assertRefusedOnce(directory("localhost"));
    }

    private static void assertRefusedOnce(DingTalkRoleDirectory.Builder builder) {
        int before = ACCEPTED.get();
        try (DingTalkRoleDirectory directory = builder.build()) {
            Throwable failure = catchThrowable(() -> directory.listRoleGroups(PageRequest.first()));

            assertThat(failure).isInstanceOfSatisfying(UnavailableException.class,
                    e -> assertThat(e.isRetryable()).isFalse()).hasMessageContaining("certificate")
                    .hasMessageNotContaining("secret-token");
        }
        assertThat(ACCEPTED.get() - before).as("handshakes: no retry of a refused certificate").isEqualTo(1);
    }

    private static DingTalkRoleDirectory.Builder directory(String host) {
        return DingTalkRoleDirectory.builder()
                .baseUrl("https://" + host + ":" + server.getLocalPort())
                .accessToken(AccessToken.of("secret-token"))
                .backoff(Duration.ofMillis(10))
                .noRateLimit();
    }
}
