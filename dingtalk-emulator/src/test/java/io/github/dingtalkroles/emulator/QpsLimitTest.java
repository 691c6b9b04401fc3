package io.github.dingtalkroles.emulator;

import static io.github.dingtalkroles.emulator.WireClient.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.testsupport.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The optional per-app, per-API QPS limit, on a clock the test moves (so no test depends on speed). */
class QpsLimitTest {
    private static final String LIST = "/topapi/role/list";
    private static final String GET_GROUP = "/topapi/role/getrolegroup";

    private final MutableClock clock = new MutableClock();
    private final DingTalkEmulator emulator = DingTalkEmulator.builder()
            .directory(InMemoryRoleDirectory.create())
            .appCredentials("app-a", "secret-a")
            .appCredentials("app-b", "secret-b")
            .qpsLimitPerApp(2)
            .clock(clock)
            .start();
    private final WireClient client = new WireClient(emulator);

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void callsOverTheLimitWithinOneSecondAnswer90018UntilTheWindowMoves() {
        String token = client.token("app-a", "secret-a");

        assertThat(client.postForm(LIST, token, fields()).errcode()).isZero();
        assertThat(client.postForm(LIST, token, fields()).errcode()).isZero();
        assertThat(client.postForm(LIST, token, fields()).errcode()).isEqualTo(90018);
        clock.advance(Duration.ofMillis(1000));
        assertThat(client.postForm(LIST, token, fields()).errcode()).isZero();
    }

    @Test
    void countsThe90018AnswersOfTheLimitPerEndpointButNotInjectedThrottlingFaults() {
        String token = client.token("app-a", "secret-a");
        for (int i = 0; i < 5; i++) {
            client.postForm(LIST, token, fields());
        }
        emulator.faults().next(EmulatorOperation.GET_ROLE_GROUP, EmulatorFault.THROTTLED, 1);
        client.postForm(GET_GROUP, token, fields("group_id", InMemoryRoleDirectory.DEFAULT_GROUP_ID));

        assertThat(emulator.throttledCount(EmulatorOperation.LIST_ROLES)).isEqualTo(3);
        assertThat(emulator.requestCount(EmulatorOperation.LIST_ROLES)).isEqualTo(5);
        assertThat(emulator.throttledCount(EmulatorOperation.GET_ROLE_GROUP)).isZero();
        emulator.resetRequestCounts();
        assertThat(emulator.throttledCount(EmulatorOperation.LIST_ROLES)).isZero();
    }

    @Test
    void theLimitIsPerAppAndPerApi() {
        String a = client.token("app-a", "secret-a");
        String b = client.token("app-b", "secret-b");
        client.postForm(LIST, a, fields());
        client.postForm(LIST, a, fields());

        assertThat(client.postForm(LIST, a, fields()).errcode()).isEqualTo(90018);
        assertThat(client.postForm(LIST, b, fields()).errcode()).isZero();
        assertThat(client.postForm(GET_GROUP, a, fields("group_id", InMemoryRoleDirectory.DEFAULT_GROUP_ID)).errcode())
                .isZero();
    }

    @Test
    void gettokenIsLimitedPerAppToo() {
        client.token("app-a", "secret-a");
        client.token("app-a", "secret-a");

        assertThat(client.get("/gettoken?appkey=app-a&appsecret=secret-a").errcode()).isEqualTo(90018);
    }

    @Test
    void isOffByDefault() {
        try (DingTalkEmulator unlimited = DingTalkEmulator.builder()
                .directory(InMemoryRoleDirectory.create()).accessToken("t").clock(clock).start()) {
            WireClient unlimitedClient = new WireClient(unlimited);
            for (int i = 0; i < 30; i++) {
                assertThat(unlimitedClient.postForm(LIST, "t", fields()).errcode()).isZero();
            }
        }
    }
}
