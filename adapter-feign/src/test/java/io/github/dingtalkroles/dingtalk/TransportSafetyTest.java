package io.github.dingtalkroles.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleGroupPage;
import io.github.dingtalkroles.port.UnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the default transport (Apache HttpClient 5 through feign-hc5) does with a server that misbehaves:
 * it never sends a request twice on its own, never follows a redirect, bounds a whole exchange by the
 * operation's deadline, and refuses malformed framing without mixing up replies. Each server here counts
 * what it receives.
 */
class TransportSafetyTest {
    private static final String LIST_OK = RawServer.ok("""
            {"errcode":0,"result":{"hasMore":false,"list":[]},"request_id":"ok"}""");
    private static final String UPDATE_OK = RawServer.ok("""
            {"errcode":0,"request_id":"ok"}""");

    @Test
    void aPostWhoseReusedConnectionDropsAfterReadingItIsNotSentAgain() throws Exception {
        try (RawServer server = new RawServer((index, connection, self) -> {
            self.readRequest(connection);
            RawServer.write(connection, LIST_OK);
            self.readRequest(connection);
            // read the second request on the kept-alive connection, then drop it unanswered
        }); DingTalkRoleDirectory directory = oneAttempt(server)) {
            directory.listRoleGroups(PageRequest.first());

            Throwable failure = catchThrowable(() -> directory.renameRole(RoleId.of(5), RoleName.of("Ops")));

            assertThat(failure).isInstanceOf(UnavailableException.class);
            assertThat(server.count("POST /role/update_role")).as("update_role requests received").isEqualTo(1);
            assertThat(server.connections()).as("connections: the connection was reused").isEqualTo(1);
        }
    }

    @Test
    void aPostWhoseFreshConnectionDropsAfterReadingItIsNotSentAgain() throws Exception {
        try (RawServer server = new RawServer((index, connection, self) -> self.readRequest(connection));
                DingTalkRoleDirectory directory = oneAttempt(server)) {

            Throwable failure = catchThrowable(() -> directory.renameRole(RoleId.of(5), RoleName.of("Ops")));

            assertThat(failure).isInstanceOf(UnavailableException.class);
            assertThat(server.count("POST /role/update_role")).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aRedirectIsNotFollowed(int status) throws Exception {
        try (RawServer server = new RawServer((index, connection, self) -> {
            while (self.readRequest(connection) != null) {
                RawServer.write(connection, "HTTP/1.1 " + status + " Moved\r\nLocation: /elsewhere\r\n"
                        + "Content-Length: 0\r\n\r\n");
            }
        }); DingTalkRoleDirectory directory = oneAttempt(server)) {

            Throwable failure = catchThrowable(() -> directory.renameRole(RoleId.of(5), RoleName.of("Ops")));

            assertThat(failure).isInstanceOf(UnavailableException.class).hasMessageContaining("HTTP " + status);
            assertThat(server.count("POST /role/update_role")).isEqualTo(1);
            assertThat(server.count("POST /elsewhere")).isZero();
            assertThat(server.count("GET /elsewhere")).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 40\r\n\r\n{}",
            "HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n{}",
            "HTTP/1.1 2OO OK\r\nContent-Length: 2\r\n\r\n{}",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"})
    void aMalformedReplyIsATypedFailureAndTheNextCallGetsItsOwnReply(String malformed) throws Exception {
        try (RawServer server = new RawServer((index, connection, self) -> {
            if (index == 0) {
                self.readRequest(connection);
                RawServer.write(connection, malformed + UPDATE_OK);
                Thread.sleep(2000);
                return;
            }
            while (self.readRequest(connection) != null) {
                RawServer.write(connection, LIST_OK);
            }
        }); DingTalkRoleDirectory directory = oneAttempt(server)) {

            Throwable failure = catchThrowable(() -> directory.renameRole(RoleId.of(5), RoleName.of("Ops")));
            RoleGroupPage next = directory.listRoleGroups(PageRequest.first());

            assertThat(failure).isInstanceOf(UnavailableException.class);
            assertThat(next.groups()).isEmpty();
            assertThat(server.count("POST /topapi/role/list")).isEqualTo(1);
        }
    }

    @Test
    void aTlsHandshakeCutShortSentNothingSoAnAddIsRetriedWithoutLookingFirst() throws Exception {
        try (RawServer server = new RawServer((index, connection, self) -> {
            // accept the connection and close it at once: the client's handshake fails, no request is sent
        }); DingTalkRoleDirectory directory = DingTalkRoleDirectory.builder()
                .baseUrl("https://127.0.0.1:" + server.port())
                .accessToken(AccessToken.of("tok"))
                .backoff(Duration.ofMillis(10))
                .maxRetries(1)
                .noRateLimit()
                .build()) {

            Throwable failure = catchThrowable(() -> directory.addRole(
                    io.github.dingtalkroles.domain.RoleGroupId.of(5), RoleName.of("Ops")));

            // a failure that may hide a write would make the retry read the group first and end "outcome unknown"
            assertThat(failure).isInstanceOfSatisfying(UnavailableException.class, u -> {
                assertThat(u.isOutcomeUnknown()).isFalse();
                assertThat(u).hasMessageContaining("could not connect");
            });
            assertThat(server.connections()).as("one handshake per attempt, nothing read").isEqualTo(2);
            assertThat(server.requestLines).isEmpty();
        }
    }

    @Test
    void aServerThatDripsItsTlsHandshakeCannotHoldACallPastItsDeadline() throws Exception {
        try (RawServer server = new RawServer((index, connection, self) -> {
            // a TLS record header, then one byte every half second: each resets a per-read timeout
            for (int i = 0; i < 120; i++) {
                connection.getOutputStream().write(i == 0 ? 0x16 : 0x03);
                connection.getOutputStream().flush();
                Thread.sleep(500);
            }
        }); DingTalkRoleDirectory directory = twoSecondDeadline("https://127.0.0.1:" + server.port())) {

            // without a bound on the whole exchange, this call lasts as long as the server drips (60 s)
            Throwable failure = assertTimeoutPreemptively(Duration.ofSeconds(15),
                    () -> catchThrowable(() -> directory.listRoleGroups(PageRequest.first())));

            assertThat(failure).isInstanceOf(UnavailableException.class).hasMessageContaining("timed out");
        }
    }

    @Test
    void aServerThatDripsItsReplyCannotHoldACallPastItsDeadline() throws Exception {
        try (RawServer server = new RawServer((index, connection, self) -> {
            self.readRequest(connection);
            RawServer.write(connection, "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n");
            for (int i = 0; i < 120; i++) {
                RawServer.write(connection, " ");
                Thread.sleep(500);
            }
        }); DingTalkRoleDirectory directory = twoSecondDeadline(server.baseUrl())) {

            Throwable failure = assertTimeoutPreemptively(Duration.ofSeconds(15),
                    () -> catchThrowable(() -> directory.listRoleGroups(PageRequest.first())));

            assertThat(failure).isInstanceOf(UnavailableException.class).hasMessageContaining("timed out");
        }
    }

    /** One attempt per operation, a 2 s deadline, and timeouts longer than that. */
    private static DingTalkRoleDirectory twoSecondDeadline(String baseUrl) {
        return DingTalkRoleDirectory.builder()
                .baseUrl(baseUrl)
                .accessToken(AccessToken.of("tok"))
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(5))
                .deadline(Duration.ofSeconds(2))
                .maxRetries(0)
                .noRateLimit()
                .build();
    }

    /** A directory on {@code server} that makes one attempt per operation. */
    private static DingTalkRoleDirectory oneAttempt(RawServer server) {
        return DingTalkRoleDirectory.builder()
                .baseUrl(server.baseUrl())
                .accessToken(AccessToken.of("tok"))
                .readTimeout(Duration.ofSeconds(3))
                .deadline(Duration.ofSeconds(5))
                .maxRetries(0)
                .noRateLimit()
                .build();
    }

}
