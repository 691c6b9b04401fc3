package io.github.dingtalkroles.emulator;

import static io.github.dingtalkroles.emulator.WireClient.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dingtalkroles.emulator.WireClient.Answer;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.testsupport.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccessTokenTest {
    private static final String LIST = "/topapi/role/list";

    private final MutableClock clock = new MutableClock();
    private final DingTalkEmulator emulator = DingTalkEmulator.builder()
            .directory(InMemoryRoleDirectory.create())
            .appCredentials("app-a", "secret-a")
            .appCredentials("app-b", "secret-b")
            .accessToken("fixed-token")
            .tokenLifetime(Duration.ofSeconds(600))
            .clock(clock)
            .start();
    private final WireClient client = new WireClient(emulator);

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void issuesATokenWithItsLifetimeForKnownAppCredentials() {
        Answer answer = client.get("/gettoken?appkey=app-a&appsecret=secret-a");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("errcode").asLong()).isZero();
        assertThat(answer.errmsg()).isEqualTo("ok");
        assertThat(answer.json().get("access_token").asText()).matches("[0-9a-f]{32}");
        assertThat(answer.json().get("expires_in").asLong()).isEqualTo(600);
    }

    @Test
    void aTokenOpensTheRoleEndpoints() {
        String token = client.token("app-a", "secret-a");

        assertThat(client.postForm(LIST, token, fields()).errcode()).isZero();
    }

    @Test
    void asksAgainWhileValidGetTheSameTokenWithItsLifetimeExtended() {
        String first = client.token("app-a", "secret-a");
        clock.advance(Duration.ofSeconds(500));

        Answer again = client.get("/gettoken?appkey=app-a&appsecret=secret-a");
        clock.advance(Duration.ofSeconds(500));

        assertThat(again.json().get("access_token").asText()).isEqualTo(first);
        assertThat(again.json().get("expires_in").asLong()).isEqualTo(600);
        assertThat(client.postForm(LIST, first, fields()).errcode()).as("extended past its first expiry").isZero();
    }

    @Test
    void anExpiredTokenIsRefusedWith88And40014AndGettokenIssuesANewOne() {
        String old = client.token("app-a", "secret-a");
        clock.advance(Duration.ofSeconds(600));

        Answer refused = client.postForm(LIST, old, fields());
        String renewed = client.token("app-a", "secret-a");

        assertThat(refused.errcode()).isEqualTo(88);
        assertThat(refused.json().get("sub_code").asText()).isEqualTo("40014");
        assertThat(renewed).isNotEqualTo(old);
        assertThat(client.postForm(LIST, renewed, fields()).errcode()).isZero();
    }

    @Test
    void eachAppHasItsOwnToken() {
        assertThat(client.token("app-a", "secret-a")).isNotEqualTo(client.token("app-b", "secret-b"));
    }

    @Test
    void refusesAWrongSecretOrAnUnknownAppKeyWith40096() {
        assertThat(client.get("/gettoken?appkey=app-a&appsecret=secret-b").errcode()).isEqualTo(40096);
        assertThat(client.get("/gettoken?appkey=nobody&appsecret=secret-a").errcode()).isEqualTo(40096);
    }

    @Test
    void answersAMissingAppKeyOrSecretWith40035() {
        assertThat(client.get("/gettoken?appsecret=secret-a").errcode()).isEqualTo(40035);
        assertThat(client.get("/gettoken?appkey=&appsecret=secret-a").errcode()).isEqualTo(40035);
        assertThat(client.get("/gettoken?appkey=app-a").errcode()).isEqualTo(40035);
    }

    @Test
    void aCallWithoutATokenIsRefusedWith88And40000() {
        for (Answer answer : new Answer[] {client.postForm(LIST, null, fields()), client.postForm(LIST, " ", fields())}) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.errcode()).isEqualTo(88);
            assertThat(answer.json().get("sub_code").asText()).isEqualTo("40000");
            assertThat(answer.errmsg()).isNotBlank();
        }
    }

    @Test
    void anUnknownTokenIsRefusedWith88And40014() {
        Answer answer = client.postForm(LIST, "not-a-token", fields());

        assertThat(answer.errcode()).isEqualTo(88);
        assertThat(answer.json().get("sub_code").asText()).isEqualTo("40014");
    }

    @Test
    void aFixedTokenWorksWithoutGettokenAndNeverExpires() {
        clock.advance(Duration.ofDays(365));

        assertThat(client.postForm(LIST, "fixed-token", fields()).errcode()).isZero();
    }

    @Test
    void acceptsTheTokenInAFormBodyAsThePagesCurlExamplesSendIt() {
        Answer answer = client.post(LIST, "application/x-www-form-urlencoded", "access_token=fixed-token&offset=0&size=20");

        assertThat(answer.errcode()).isZero();
    }

    @Test
    void gettokenAnswersOnlyGet() {
        Answer answer = client.post("/gettoken?appkey=app-a&appsecret=secret-a", null, "");

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.errcode()).isEqualTo(405);
    }
}
