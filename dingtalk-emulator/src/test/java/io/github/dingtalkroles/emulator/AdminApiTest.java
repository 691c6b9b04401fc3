package io.github.dingtalkroles.emulator;

import static io.github.dingtalkroles.emulator.WireClient.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dingtalkroles.emulator.WireClient.Answer;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The admin paths that reach the fault API and the request counts from outside the JVM. */
class AdminApiTest {
    private static final String TOKEN = "test-token";
    private static final String LIST = "/topapi/role/list";
    private static final String SECRET = "admin-s3cret-for-tests";
    private static final String QUEUE_BUSY = """
            {"operation":"ANY","fault":"BUSY","times":1000}""";

    private static DingTalkEmulator start(boolean admin) {
        return DingTalkEmulator.builder()
                .directory(InMemoryRoleDirectory.create()).accessToken(TOKEN).adminApi(admin).adminSecret(SECRET)
                .start();
    }

    /** A client that presents the admin secret, as a test driving the emulator from outside does. */
    private static WireClient admin(DingTalkEmulator emulator) {
        return new WireClient(emulator).withHeader("Authorization", "Bearer " + SECRET);
    }

    @Test
    void adminPathsAreNotFoundUnlessTurnedOn() {
        try (DingTalkEmulator emulator = start(false)) {
            WireClient client = admin(emulator);

            Answer faults = client.postJson("/__emulator/faults", null, """
                    {"operation":"ANY","fault":"BUSY"}""");
            Answer requests = client.get("/__emulator/requests");

            assertThat(faults.status()).isEqualTo(404);
            assertThat(requests.status()).isEqualTo(404);
            assertThat(emulator.faults().pending()).isZero();
            assertThat(client.postForm(LIST, TOKEN, fields()).errcode()).isZero();
            assertThat(emulator.adminSecret()).isEmpty();
        }
    }

    @Test
    void refusesCallsWithoutTheBearerSecret() {
        try (DingTalkEmulator emulator = start(true)) {
            Answer none = new WireClient(emulator).postJson("/__emulator/faults", null, QUEUE_BUSY);
            Answer wrong = new WireClient(emulator).withHeader("Authorization", "Bearer not-the-secret")
                    .postJson("/__emulator/faults", null, QUEUE_BUSY);
            Answer basic = new WireClient(emulator).withHeader("Authorization", "Basic " + SECRET)
                    .get("/__emulator/requests");

            assertThat(List.of(none, wrong, basic)).extracting(Answer::status).containsOnly(401);
            assertThat(none.errmsg()).contains("Authorization: Bearer").doesNotContain(SECRET);
            assertThat(emulator.faults().pending()).isZero();
        }
    }

    @Test
    void refusesACrossOriginFormPostEvenWithTheSecret() {
        try (DingTalkEmulator emulator = start(true)) {
            WireClient evil = admin(emulator).withHeader("Origin", "http://evil.example");

            Answer form = evil.postForm("/__emulator/faults", null, fields("operation", "ANY", "fault", "BUSY",
                    "times", 1000));
            Answer json = evil.postJson("/__emulator/faults", null, QUEUE_BUSY);
            Answer read = evil.get("/__emulator/requests");

            assertThat(List.of(form, json, read)).extracting(Answer::status).containsOnly(403);
            assertThat(emulator.faults().pending()).isZero();
        }
    }

    @Test
    void refusesFormPostsFromTheRightOriginWithTheSecret() {
        try (DingTalkEmulator emulator = start(true)) {
            WireClient client = admin(emulator).withHeader("Origin", emulator.baseUrl());

            Answer form = client.postForm("/__emulator/faults", null, fields("fault", "BUSY"));
            Answer text = client.post("/__emulator/faults", "text/plain", QUEUE_BUSY);
            Answer query = client.post("/__emulator/faults?fault=BUSY", null, "");
            Answer json = client.postJson("/__emulator/faults", null, QUEUE_BUSY);

            assertThat(List.of(form, text, query)).extracting(Answer::status).containsOnly(415);
            assertThat(json.status()).as("JSON from the emulator's own origin").isEqualTo(200);
            assertThat(emulator.faults().pending()).isEqualTo(1000);
        }
    }

    @Test
    void makesARandomSecretWhenNoneIsGiven() {
        try (DingTalkEmulator emulator = DingTalkEmulator.builder().directory(InMemoryRoleDirectory.create())
                .accessToken(TOKEN).adminApi(true).start();
                DingTalkEmulator other = DingTalkEmulator.builder().directory(InMemoryRoleDirectory.create())
                        .accessToken(TOKEN).adminApi(true).start()) {
            String secret = emulator.adminSecret().orElseThrow();

            Answer with = new WireClient(emulator).withHeader("Authorization", "Bearer " + secret)
                    .get("/__emulator/requests");

            assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
            assertThat(other.adminSecret()).isPresent().get().isNotEqualTo(secret);
            assertThat(with.status()).isEqualTo(200);
            assertThat(emulator.toString()).doesNotContain(secret);
        }
    }

    @Test
    void queuesAFaultFromAJsonBody() {
        try (DingTalkEmulator emulator = start(true)) {
            WireClient client = admin(emulator);

            Answer queued = client.postJson("/__emulator/faults", null,
                    """
                    {"operation":"LIST_ROLES","fault":"SYSTEM_ERROR","times":2}""");

            assertThat(queued.status()).isEqualTo(200);
            assertThat(queued.json().get("pending").asInt()).isEqualTo(2);
            assertThat(client.postForm(LIST, TOKEN, fields()).errcode()).isEqualTo(400001);
            assertThat(client.postForm(LIST, TOKEN, fields()).errcode()).isEqualTo(400001);
            assertThat(client.postForm(LIST, TOKEN, fields()).errcode()).isZero();
        }
    }

    @Test
    void queuesAFaultByPathAndOnAnyOperationByDefault() {
        try (DingTalkEmulator emulator = start(true)) {
            WireClient client = admin(emulator);

            client.postJson("/__emulator/faults", null, """
                    {"operation":"/topapi/role/list","fault":"busy"}""");
            client.postJson("/__emulator/faults", null, """
                    {"fault":"THROTTLED"}""");

            assertThat(client.postForm(LIST, TOKEN, fields()).errcode()).isEqualTo(-1);
            assertThat(client.postForm("/role/add_role_group", TOKEN, fields("name", "HR")).errcode()).isEqualTo(90018);
        }
    }

    @Test
    void queuesADelay() {
        try (DingTalkEmulator emulator = start(true)) {
            WireClient client = admin(emulator);
            client.postJson("/__emulator/faults", null, """
                    {"operation":"LIST_ROLES","fault":"DELAY","delayMillis":3000}""");
            WireClient impatient = new WireClient(emulator).withTimeout(Duration.ofMillis(300));

            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> impatient.sendOrThrow(impatient.postRequest(LIST, TOKEN, "{}")))
                    .isInstanceOf(HttpTimeoutException.class);
        }
    }

    @Test
    void refusesBadFaultRequestsWith400() {
        try (DingTalkEmulator emulator = start(true)) {
            WireClient client = admin(emulator);

            List<String> bodies = List.of(
                    """
                    {"fault":"NOPE"}""",
                    """
                    {"operation":"NOPE","fault":"BUSY"}""",
                    "{}",
                    """
                    {"fault":"DELAY"}""",
                    """
                    {"fault":"BUSY","times":-1}""",
                    "[1]");
            for (String body : bodies) {
                Answer answer = client.postJson("/__emulator/faults", null, body);
                assertThat(answer.status()).as(body).isEqualTo(400);
                assertThat(answer.errcode()).as(body).isEqualTo(400002);
            }
            assertThat(emulator.faults().pending()).isZero();
        }
    }

    @Test
    void clearsFaultsAndReadsAndResetsRequestCounts() {
        try (DingTalkEmulator emulator = start(true)) {
            WireClient client = admin(emulator);
            emulator.faults().nextOnAny(EmulatorFault.BUSY, 5);
            client.postForm(LIST, TOKEN, fields());

            Answer cleared = client.send("DELETE", "/__emulator/faults");
            client.postForm(LIST, TOKEN, fields());
            Answer counts = client.get("/__emulator/requests");
            Answer reset = client.send("DELETE", "/__emulator/requests");

            assertThat(cleared.json().get("pending").asInt()).isZero();
            assertThat(counts.json().get("requests").get("LIST_ROLES").asLong()).isEqualTo(2);
            assertThat(counts.json().get("requests").get("GETTOKEN").asLong()).isZero();
            assertThat(counts.json().get("throttled").get("LIST_ROLES").asLong()).isZero();
            assertThat(reset.json().get("requests").get("LIST_ROLES").asLong()).isZero();
            assertThat(emulator.requestCount(EmulatorOperation.LIST_ROLES)).isZero();
        }
    }
}
