package io.github.dingtalkroles.dingtalk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.dingtalkroles.dingtalk.Stubs.ADD_ROLE;
import static io.github.dingtalkroles.dingtalk.Stubs.GETTOKEN;
import static io.github.dingtalkroles.dingtalk.Stubs.GET_ROLE_GROUP;
import static io.github.dingtalkroles.dingtalk.Stubs.LIST;
import static io.github.dingtalkroles.dingtalk.Stubs.UPDATE_ROLE;
import static io.github.dingtalkroles.dingtalk.Stubs.error;
import static io.github.dingtalkroles.dingtalk.Stubs.getAnswers;
import static io.github.dingtalkroles.dingtalk.Stubs.json;
import static io.github.dingtalkroles.dingtalk.Stubs.listReply;
import static io.github.dingtalkroles.dingtalk.Stubs.ok;
import static io.github.dingtalkroles.dingtalk.Stubs.postAnswers;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.port.PageRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import io.github.dingtalkroles.testsupport.CapturedLogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** No app secret or access token in any log line (at TRACE, HTTP traffic logged) or exception. */
class RedactionTest {
    private static final String SECRET_VALUE = "app-5ecret-Qx7Zp9";
    private static final String TOKEN_VALUE = "tok-5ecret-Lm3Wv8";
    private static final String SECOND_TOKEN_VALUE = "tok-5ecret-Rn4Ys2";

    @RegisterExtension
    static WireMockExtension dingTalk = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().notifier(new Slf4jNotifier(false)))
            .build();

    private final List<Throwable> failures = new ArrayList<>();

    private CapturedLogs.Watch logs;

    @BeforeEach
    void watchLogs() {
        assertThat(CapturedLogs.installed()).as("the test-support SLF4J backend").isTrue();
        logs = CapturedLogs.watchAll();
    }

    @AfterEach
    void stopWatching() {
        logs.close();
    }

    @Test
    void secretsNeverReachLogsOrExceptionsAlongTheTokenFlowAndErrorPaths() {
        getAnswers(dingTalk, GETTOKEN, token(TOKEN_VALUE), token(SECOND_TOKEN_VALUE));
        dingTalk.stubFor(post(urlPathEqualTo(LIST)).withQueryParam("access_token", equalTo(TOKEN_VALUE))
                .willReturn(json("{\"errcode\":88,\"sub_code\":\"40014\",\"errmsg\":\"invalid access_token "
                        + TOKEN_VALUE + "\"}")));
        dingTalk.stubFor(post(urlPathEqualTo(LIST)).withQueryParam("access_token", equalTo(SECOND_TOKEN_VALUE))
                .willReturn(listReply(false)));
        postAnswers(dingTalk, GET_ROLE_GROUP, error(12345, "odd access_token=" + SECOND_TOKEN_VALUE));
        postAnswers(dingTalk, UPDATE_ROLE, aResponse().withStatus(503).withBody("upstream " + SECOND_TOKEN_VALUE));
        postAnswers(dingTalk, ADD_ROLE, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        DingTalkRoleDirectory directory = verboseDirectory().appCredentials("ding-key", AppSecret.of(SECRET_VALUE))
                .build();

        directory.listRoleGroups(PageRequest.first());
        attempt(() -> directory.findRoleGroup(RoleGroupId.of(5)));
        attempt(() -> directory.renameRole(RoleId.of(9), RoleName.of("Ops")));
        attempt(() -> directory.addRole(RoleGroupId.of(5), RoleName.of("Ops")));
        dingTalk.stubFor(post(urlPathEqualTo(LIST)).willReturn(listReply(false).withFixedDelay(2000)));
        attempt(() -> directory.listRoleGroups(PageRequest.first()));

        assertNoSecretIn(directory.toString());
        assertLogsAndFailuresHoldNoSecret();
        assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("access_token=****"));
        assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("appsecret=****"));
        assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("\"access_token\":\"****\""));
    }

    @Test
    void refusedAppCredentialsLeakNeitherSecretNorKey() {
        getAnswers(dingTalk, GETTOKEN, error(40096, "invalid appsecret " + SECRET_VALUE));
        AppSecret secret = AppSecret.of(SECRET_VALUE);
        AccessTokenSource source = AccessTokenSource.appCredentialsBuilder("ding-key", secret)
                .baseUrl(dingTalk.baseUrl())
                .logHttpTraffic(true)
                .build();
        DingTalkRoleDirectory directory = verboseDirectory().tokenSource(source).build();

        attempt(() -> directory.listRoleGroups(PageRequest.first()));
        attempt(source::currentToken);

        assertThat(failures).hasSize(2);
        assertNoSecretIn(source.toString());
        assertNoSecretIn(secret.toString());
        assertLogsAndFailuresHoldNoSecret();
    }

    @Test
    void theSecretTypesMaskTheirValues() {
        assertThat(AppSecret.of(SECRET_VALUE)).hasToString("AppSecret[****]");
        assertThat(AccessToken.of(TOKEN_VALUE)).hasToString("AccessToken[****]");
        assertThat(AccessTokenSource.fixed(AccessToken.of(TOKEN_VALUE)).toString()).doesNotContain(TOKEN_VALUE);
    }

    @Test
    void redactionMasksQueryFormAndJsonCredentials() {
        assertThat(Redaction.redact("GET /gettoken?appkey=k&appsecret=s3&x=1")).isEqualTo("GET /gettoken?appkey=k&appsecret=****&x=1");
        assertThat(Redaction.redact("POST /role/add_role?access_token=abc HTTP/1.1"))
                .isEqualTo("POST /role/add_role?access_token=**** HTTP/1.1");
        assertThat(Redaction.redact("{\"access_token\" : \"abc\",\"expires_in\":7200}"))
                .isEqualTo("{\"access_token\" : \"****\",\"expires_in\":7200}");
        assertThat(Redaction.redact("token abc here", "abc")).isEqualTo("token **** here");
    }

    @Test
    void loggedTrafficIsOneLinePerEntryWhateverTheServerSends() {
        String forged = "{\"errcode\":0,\"result\":{\"hasMore\":false,\"list\":[]},\"x\":\"a\"}\n"
                + "2026-12-01 12:00:00 INFO root - access granted\r\n\u0000\u001b[31m";
        postAnswers(dingTalk, LIST, json(forged));
        DingTalkRoleDirectory directory = verboseDirectory().accessToken(AccessToken.of(TOKEN_VALUE)).build();

        attempt(() -> directory.listRoleGroups(PageRequest.first()));

        List<String> lines = logs.lines();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\\n2026-12-01 12:00:00 INFO root"));
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain("\n").doesNotContain("\r")
                .doesNotContain("\u0000").doesNotContain("\u001b"));
    }

    private DingTalkRoleDirectory.Builder verboseDirectory() {
        return Stubs.fastDirectory(dingTalk).logHttpTraffic(true).readTimeout(Duration.ofMillis(700))
                .deadline(Duration.ofSeconds(2));
    }

    private void attempt(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    private void assertLogsAndFailuresHoldNoSecret() {
        List<String> lines = logs.lines();
        assertThat(lines).isNotEmpty();
        lines.forEach(RedactionTest::assertNoSecretIn);
        for (Throwable failure : failures) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            assertNoSecretIn(trace.toString());
        }
    }

    private static void assertNoSecretIn(String text) {
        assertThat(text).doesNotContain(SECRET_VALUE).doesNotContain(TOKEN_VALUE).doesNotContain(SECOND_TOKEN_VALUE);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder token(String value) {
        return ok("\"access_token\":\"" + value + "\",\"expires_in\":7200");
    }
}
