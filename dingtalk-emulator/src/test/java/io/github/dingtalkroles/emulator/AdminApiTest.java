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

    private static DingTalkEmulator start(boolean admin) {
        return DingTalkEmulator.builder()
                .directory(InMemoryRoleDirectory.create()).accessToken(TOKEN).adminApi(admin).start();
    }

    @Test
    void adminPathsAreNotFoundUnlessTurnedOn() {
        try (DingTalkEmulator emulator = start(false)) {
            WireClient client = new WireClient(emulator);

            Answer faults = client.postJson("/__emulator/faults", null, """
                    {"operation":"ANY","fault":"BUSY"}""");
            Answer requests = client.get("/__emulator/requests");

            assertThat(faults.status()).isEqualTo(404);
            assertThat(requests.status()).isEqualTo(404);
            assertThat(emulator.faults().pending()).isZero();
            assertThat(client.postForm(LIST, TOKEN, fields()).errcode()).isZero();
        }
    }

    @Test
    void queuesAFaultFromAJsonBody() {
        try (DingTalkEmulator emulator = start(true)) {
            WireClient client = new WireClient(emulator);

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
    void queuesAFaultByPathFromTheQueryStringAndOnAnyEndpointByDefault() {
        try (DingTalkEmulator emulator = start(true)) {
            WireClient client = new WireClient(emulator);

            client.post("/__emulator/faults?operation=/topapi/role/list&fault=busy", null, "");
            client.post("/__emulator/faults?fault=THROTTLED", null, "");

            assertThat(client.postForm(LIST, TOKEN, fields()).errcode()).isEqualTo(-1);
            assertThat(client.postForm("/role/add_role_group", TOKEN, fields("name", "HR")).errcode()).isEqualTo(90018);
        }
    }

    @Test
    void queuesADelay() {
        try (DingTalkEmulator emulator = start(true)) {
            WireClient client = new WireClient(emulator);
            client.postForm("/__emulator/faults", null,
                    fields("endpoint", "LIST_ROLES", "fault", "DELAY", "delayMillis", 3000));
            WireClient impatient = new WireClient(emulator).withTimeout(Duration.ofMillis(300));

            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> impatient.sendOrThrow(impatient.postRequest(LIST, TOKEN, "{}")))
                    .isInstanceOf(HttpTimeoutException.class);
        }
    }

    @Test
    void refusesBadFaultRequestsWith400() {
        try (DingTalkEmulator emulator = start(true)) {
            WireClient client = new WireClient(emulator);

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
            WireClient client = new WireClient(emulator);
            emulator.faults().nextOnAny(EmulatorFault.BUSY, 5);
            client.postForm(LIST, TOKEN, fields());

            Answer cleared = client.send("DELETE", "/__emulator/faults");
            client.postForm(LIST, TOKEN, fields());
            Answer counts = client.get("/__emulator/requests");
            Answer reset = client.send("DELETE", "/__emulator/requests");

            assertThat(cleared.json().get("pending").asInt()).isZero();
            assertThat(counts.json().get("requests").get("LIST_ROLES").asLong()).isEqualTo(2);
            assertThat(counts.json().get("requests").get("GETTOKEN").asLong()).isZero();
            assertThat(reset.json().get("requests").get("LIST_ROLES").asLong()).isZero();
            assertThat(emulator.requestCount(EmulatorOperation.LIST_ROLES)).isZero();
        }
    }
}
