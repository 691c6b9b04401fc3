package io.github.dingtalkroles.emulator;

import static io.github.dingtalkroles.emulator.WireClient.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.emulator.WireClient.Answer;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultInjectionTest {
    private static final String TOKEN = "test-token";
    private static final String ADD_GROUP = "/role/add_role_group";
    private static final String LIST = "/topapi/role/list";

    private final InMemoryRoleDirectory directory = InMemoryRoleDirectory.create();
    private final DingTalkEmulator emulator = DingTalkEmulator.builder()
            .directory(directory)
            .accessToken(TOKEN)
            .appCredentials("app", "secret")
            .start();
    private final WireClient client = new WireClient(emulator);

    @AfterEach
    void stop() {
        emulator.close();
    }

    private Answer addGroup(String name) {
        return client.postForm(ADD_GROUP, TOKEN, fields("name", name));
    }

    private long groupCount() {
        return directory.allRoleGroups().count();
    }

    @ParameterizedTest(name = "{0} answers errcode {1}")
    @CsvSource({"BUSY, -1", "SYSTEM_ERROR, 400001", "THROTTLED, 90018", "QUOTA_EXHAUSTED, 90020", "TOKEN_EXPIRED, 88"})
    void anErrcodeFaultAnswersItsCodeAndWritesNothing(EmulatorFault.Kind kind, long errcode) {
        emulator.faults().next(EmulatorOperation.ADD_ROLE_GROUP, EmulatorFault.of(kind), 1);

        Answer answer = addGroup("HR");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.errcode()).isEqualTo(errcode);
        assertThat(answer.json().get("request_id").asText()).matches("[a-z0-9]{12}");
        assertThat(groupCount()).isEqualTo(1);
        assertThat(addGroup("HR").errcode()).as("the fault struck once").isZero();
    }

    @Test
    void busyIsWordedAsTheOperationsPageWordsIt() {
        emulator.faults().next(EmulatorOperation.ADD_ROLE, EmulatorFault.BUSY).next(EmulatorOperation.UPDATE_ROLE, EmulatorFault.BUSY);

        assertThat(client.postForm("/role/add_role", TOKEN, fields()).errmsg()).isEqualTo("System busy");
        assertThat(client.postForm("/role/update_role", TOKEN, fields()).errmsg()).isEqualTo("The system is busy");
    }

    @Test
    void anExpiredTokenFaultReallyInvalidatesAGettokenToken() {
        String token = client.token("app", "secret");
        emulator.faults().next(EmulatorOperation.LIST_ROLES, EmulatorFault.TOKEN_EXPIRED, 1);

        Answer expired = client.postForm(LIST, token, fields());
        Answer after = client.postForm(LIST, token, fields());
        String renewed = client.token("app", "secret");

        assertThat(expired.json().get("sub_code").asText()).isEqualTo("40014");
        assertThat(after.errcode()).isEqualTo(88);
        assertThat(renewed).isNotEqualTo(token);
        assertThat(client.postForm(LIST, renewed, fields()).errcode()).isZero();
    }

    @Test
    void anExpiredTokenFaultLeavesAFixedTokenValid() {
        emulator.faults().next(EmulatorOperation.LIST_ROLES, EmulatorFault.TOKEN_EXPIRED, 1);

        assertThat(client.postForm(LIST, TOKEN, fields()).errcode()).isEqualTo(88);
        assertThat(client.postForm(LIST, TOKEN, fields()).errcode()).isZero();
    }

    @Test
    void http500AnswersAnHtmlServerError() {
        emulator.faults().next(EmulatorOperation.ADD_ROLE_GROUP, EmulatorFault.HTTP_500);

        Answer answer = addGroup("HR");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(groupCount()).isEqualTo(1);
    }

    @Test
    void theThrottlePageIsA200HtmlPageWithoutErrcode() {
        emulator.faults().next(EmulatorOperation.LIST_ROLES, EmulatorFault.HTML_THROTTLE_PAGE);

        Answer answer = client.postForm(LIST, TOKEN, fields());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.body()).startsWith("<!DOCTYPE html>").doesNotContain("errcode");
    }

    @Test
    void punishAnswersTheIpBanBody() {
        emulator.faults().next(EmulatorOperation.LIST_ROLES, EmulatorFault.PUNISH);

        Answer answer = client.postForm(LIST, TOKEN, fields());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("status").asInt()).isEqualTo(1111);
        assertThat(answer.json().get("wait").asInt()).isEqualTo(5);
        assertThat(answer.json().get("punish").asText()).isEqualTo("deny");
        assertThat(answer.json().has("errcode")).isFalse();
    }

    @Test
    void emptyBodyAnswers200WithNothingAndWritesNothing() {
        emulator.faults().next(EmulatorOperation.ADD_ROLE_GROUP, EmulatorFault.EMPTY_BODY);

        Answer answer = addGroup("HR");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.body()).isEmpty();
        assertThat(groupCount()).isEqualTo(1);
    }

    @Test
    void truncatedJsonCarriesTheCallOutAndCutsItsAnswer() {
        emulator.faults().next(EmulatorOperation.ADD_ROLE_GROUP, EmulatorFault.TRUNCATED_JSON);

        Answer answer = addGroup("HR");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).startsWith("""
                {"errcode":0""");
        assertThatThrownBy(() -> WireClient.MAPPER.readTree(answer.body())).isInstanceOf(JsonProcessingException.class);
        assertThat(groupCount()).isEqualTo(2);
    }

    @Test
    void aDroppedConnectionAnswersNothingWritesNothingAndTheNextCallIsServed() {
        emulator.faults().next(EmulatorOperation.ADD_ROLE_GROUP, EmulatorFault.DROP_CONNECTION);

        assertThatThrownBy(() -> client.sendOrThrow(client.postRequest(ADD_GROUP, TOKEN, """
                {"name":"HR"}""")))
                .isInstanceOf(IOException.class);
        assertThat(groupCount()).isEqualTo(1);
        assertThat(addGroup("HR").errcode()).isZero();
    }

    @Test
    void commitThenBusyWritesButAnswersBusyLikeALostReply() {
        RoleGroup hr = directory.addRoleGroup(RoleGroupName.of("HR"));
        emulator.faults().next(EmulatorOperation.ADD_ROLE, EmulatorFault.COMMIT_THEN_BUSY, 1);

        Answer lost = client.postForm("/role/add_role", TOKEN, fields("roleName", "Recruiter", "groupId", hr.id().value()));
        Answer retried = client.postForm("/role/add_role", TOKEN, fields("roleName", "Recruiter", "groupId", hr.id().value()));

        assertThat(lost.errcode()).isEqualTo(-1);
        assertThat(lost.errmsg()).isEqualTo("System busy");
        assertThat(retried.errcode()).as("the blind retry of a lost add_role").isEqualTo(34021);
        assertThat(directory.findRoleGroup(hr.id()).orElseThrow().roles()).hasSize(1);
    }

    @Test
    void commitThenBusyOnAReadIsPlainBusy() {
        emulator.faults().next(EmulatorOperation.LIST_ROLES, EmulatorFault.COMMIT_THEN_BUSY, 1);

        assertThat(client.postForm(LIST, TOKEN, fields()).errcode()).isEqualTo(-1);
    }

    @Test
    void aDelayedAnswerOutlastsAShortClientTimeoutButTheWriteHappens() {
        emulator.faults().next(EmulatorOperation.ADD_ROLE_GROUP, EmulatorFault.delay(Duration.ofSeconds(3)));
        WireClient impatient = new WireClient(emulator).withTimeout(Duration.ofMillis(300));

        assertThatThrownBy(() -> impatient.sendOrThrow(impatient.postRequest(ADD_GROUP, TOKEN, """
                {"name":"HR"}""")))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(groupCount()).isEqualTo(2);
    }

    @Test
    void aDelayedAnswerArrivesIntactForAPatientClient() {
        emulator.faults().next(EmulatorOperation.LIST_ROLES, EmulatorFault.delay(Duration.ofMillis(200)));

        assertThat(client.postForm(LIST, TOKEN, fields()).errcode()).isZero();
    }

    @Test
    void faultsStrikeTheNextCallsInTheOrderTheyWereQueued() {
        emulator.faults()
                .next(EmulatorOperation.LIST_ROLES, EmulatorFault.BUSY, 2)
                .nextOnAny(EmulatorFault.THROTTLED, 1)
                .next(EmulatorOperation.LIST_ROLES, EmulatorFault.SYSTEM_ERROR, 1);

        assertThat(client.postForm(LIST, TOKEN, fields()).errcode()).isEqualTo(-1);
        assertThat(client.postForm(LIST, TOKEN, fields()).errcode()).isEqualTo(-1);
        assertThat(client.postForm(LIST, TOKEN, fields()).errcode()).isEqualTo(90018);
        assertThat(client.postForm(LIST, TOKEN, fields()).errcode()).isEqualTo(400001);
        assertThat(client.postForm(LIST, TOKEN, fields()).errcode()).isZero();
        assertThat(emulator.faults().pending()).isZero();
    }

    @Test
    void aFaultForOneOperationSparesTheOthers() {
        emulator.faults().next(EmulatorOperation.ADD_ROLE_GROUP, EmulatorFault.BUSY, 1);

        assertThat(client.postForm(LIST, TOKEN, fields()).errcode()).isZero();
        assertThat(client.get("/gettoken?appkey=app&appsecret=secret").errcode()).isZero();
        assertThat(addGroup("HR").errcode()).isEqualTo(-1);
    }

    @Test
    void anyOperationFaultsStrikeWhicheverCallComesNext() {
        emulator.faults().nextOnAny(EmulatorFault.BUSY, 2);

        assertThat(client.get("/gettoken?appkey=app&appsecret=secret").errcode()).isEqualTo(-1);
        assertThat(addGroup("HR").errcode()).isEqualTo(-1);
        assertThat(addGroup("HR").errcode()).isZero();
    }

    @Test
    void clearForgetsQueuedFaults() {
        emulator.faults().next(EmulatorOperation.LIST_ROLES, EmulatorFault.BUSY, 3).nextOnAny(EmulatorFault.HTTP_500, 2);
        assertThat(emulator.faults().pending()).isEqualTo(5);

        emulator.faults().clear();

        assertThat(emulator.faults().pending()).isZero();
        assertThat(client.postForm(LIST, TOKEN, fields()).errcode()).isZero();
    }

    @Test
    void countsEveryRequestAnEndpointReceivesWhateverItsOutcome() {
        emulator.faults().next(EmulatorOperation.LIST_ROLES, EmulatorFault.BUSY, 1);

        client.postForm(LIST, TOKEN, fields());
        client.postForm(LIST, TOKEN, fields());
        client.postForm(LIST, "bad-token", fields());
        client.get(LIST);
        client.token("app", "secret");

        assertThat(emulator.requestCount(EmulatorOperation.LIST_ROLES)).isEqualTo(4);
        assertThat(emulator.requestCount(EmulatorOperation.GETTOKEN)).isEqualTo(1);
        assertThat(emulator.requestCount(EmulatorOperation.ADD_ROLE)).isZero();
        emulator.resetRequestCounts();
        assertThat(emulator.requestCount(EmulatorOperation.LIST_ROLES)).isZero();
    }
}
