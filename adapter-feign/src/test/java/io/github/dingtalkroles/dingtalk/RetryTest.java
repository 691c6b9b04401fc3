package io.github.dingtalkroles.dingtalk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.lessThan;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.dingtalkroles.dingtalk.Stubs.LIST;
import static io.github.dingtalkroles.dingtalk.Stubs.UPDATE_ROLE;
import static io.github.dingtalkroles.dingtalk.Stubs.error;
import static io.github.dingtalkroles.dingtalk.Stubs.json;
import static io.github.dingtalkroles.dingtalk.Stubs.listReply;
import static io.github.dingtalkroles.dingtalk.Stubs.ok;
import static io.github.dingtalkroles.dingtalk.Stubs.postAnswers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.port.NotFoundException;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.ThrottledException;
import io.github.dingtalkroles.port.UnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads and update_role retry transient failures and throttling, bounded by attempts and by the deadline. */
class RetryTest {

    @RegisterExtension
    static WireMockExtension dingTalk = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().notifier(new Slf4jNotifier(false)))
            .build();

    private final List<Duration> scheduledDelays = new CopyOnWriteArrayList<>();

    @Test
    void aBusyReadSucceedsOnTheNextAttempt() {
        postAnswers(dingTalk, LIST, error(-1, "System busy"), listReply(false));

        assertThat(directory().build().listRoleGroups(PageRequest.first()).hasMore()).isFalse();

        dingTalk.verify(exactly(2), postRequestedFor(urlPathEqualTo(LIST)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3})
    void transientFailuresAreRetriedAtMostMaxRetriesTimes(int maxRetries) {
        postAnswers(dingTalk, LIST, error(400001, "System error"));

        assertThatThrownBy(() -> directory().maxRetries(maxRetries).build().listRoleGroups(PageRequest.first()))
                .isInstanceOf(UnavailableException.class);

        dingTalk.verify(exactly(maxRetries + 1), postRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void theDefaultIsThreeRetries() {
        postAnswers(dingTalk, LIST, error(-1, "System busy"));

        assertThatThrownBy(() -> directory().build().listRoleGroups(PageRequest.first()))
                .isInstanceOf(UnavailableException.class);

        dingTalk.verify(exactly(4), postRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void backoffDoublesWithJitter() {
        postAnswers(dingTalk, LIST, error(-1, "System busy"));

        catchThrowable(() -> directory().backoff(Duration.ofMillis(20)).build().listRoleGroups(PageRequest.first()));

        assertThat(scheduledDelays).hasSize(3);
        for (int retry = 0; retry < 3; retry++) {
            long nominal = 20L << retry;
            assertThat(scheduledDelays.get(retry).toMillis()).as("delay before retry %d", retry + 1)
                    .isBetween((long) (nominal * 0.8) - 1, (long) (nominal * 1.2) + 1);
        }
    }

    @Test
    void throttledCallsWaitAtLeastTheThrottlingWait() {
        postAnswers(dingTalk, LIST, error(90018, "too many calls"), listReply(false));

        directory().throttlingWait(Duration.ofMillis(100)).build().listRoleGroups(PageRequest.first());

        assertThat(scheduledDelays).singleElement()
                .satisfies(delay -> assertThat(delay).isGreaterThanOrEqualTo(Duration.ofMillis(100)));
        dingTalk.verify(exactly(2), postRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void aLongerWaitNamedByTheServerIsHonoured() {
        postAnswers(dingTalk, LIST, json("{\"status\":1111,\"wait\":1,\"punish\":\"deny\"}"), listReply(false));

        directory().build().listRoleGroups(PageRequest.first());

        assertThat(scheduledDelays).singleElement()
                .satisfies(delay -> assertThat(delay).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
        dingTalk.verify(exactly(2), postRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void theMonthlyQuotaIsNeverRetried() {
        postAnswers(dingTalk, LIST, error(90020, "quota exhausted"));

        assertThatThrownBy(() -> directory().build().listRoleGroups(PageRequest.first()))
                .isInstanceOfSatisfying(ThrottledException.class, t -> assertThat(t.isQuotaExhausted()).isTrue());

        assertThat(scheduledDelays).isEmpty();
        dingTalk.verify(exactly(1), postRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void noAttemptStartsAfterTheDeadline() {
        postAnswers(dingTalk, LIST, error(-1, "System busy"));
        DingTalkRoleDirectory directory = directory().maxRetries(1000).backoff(Duration.ofMillis(50))
                .deadline(Duration.ofMillis(400)).build();

        long started = System.nanoTime();
        assertThatThrownBy(() -> directory.listRoleGroups(PageRequest.first())).isInstanceOf(UnavailableException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        dingTalk.verify(lessThan(20), postRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void aSlowReplyIsCutOffAtTheDeadline() {
        postAnswers(dingTalk, LIST, listReply(false).withFixedDelay(4000));
        DingTalkRoleDirectory directory = directory().readTimeout(Duration.ofSeconds(10))
                .deadline(Duration.ofMillis(500)).build();

        long started = System.nanoTime();
        assertThatThrownBy(() -> directory.listRoleGroups(PageRequest.first())).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("timed out");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aTimedOutRenameIsRetried() {
        postAnswers(dingTalk, UPDATE_ROLE, ok("").withFixedDelay(2500), ok(""));

        directory().readTimeout(Duration.ofSeconds(1)).build().renameRole(RoleId.of(9), RoleName.of("Ops"));

        dingTalk.verify(exactly(2), postRequestedFor(urlPathEqualTo(UPDATE_ROLE)));
    }

    @Test
    void aRenameWhoseRepliesWereAllLostHasAnUnknownOutcome() {
        postAnswers(dingTalk, UPDATE_ROLE, aResponse().withStatus(503));

        Throwable failure = catchThrowable(() -> directory().build().renameRole(RoleId.of(9), RoleName.of("Ops")));

        assertThat(failure).isInstanceOfSatisfying(UnavailableException.class, u -> {
            assertThat(u.isOutcomeUnknown()).isTrue();
            assertThat(u.isRetryable()).isTrue();
        });
        dingTalk.verify(exactly(4), postRequestedFor(urlPathEqualTo(UPDATE_ROLE)));
    }

    @Test
    void aDefiniteAnswerAfterALostRenameReplyIsReportedAsItIs() {
        postAnswers(dingTalk, UPDATE_ROLE, error(-1, "System busy"), error(33011, "Invalid roleId"));

        assertThatThrownBy(() -> directory().build().renameRole(RoleId.of(9), RoleName.of("Ops")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aReadsLostRepliesDoNotMakeItsOutcomeUnknown() {
        postAnswers(dingTalk, LIST, aResponse().withStatus(503));

        Throwable failure = catchThrowable(() -> directory().build().listRoleGroups(PageRequest.first()));

        assertThat(failure).isInstanceOfSatisfying(UnavailableException.class,
                u -> assertThat(u.isOutcomeUnknown()).isFalse());
    }

    @Test
    void theClientSideRateLimitHoldsBackCallsThatWouldPassTheDeadline() {
        postAnswers(dingTalk, LIST, listReply(false));
        DingTalkRoleDirectory directory = directory().rateLimit(1).deadline(Duration.ofMillis(800)).build();

        directory.listRoleGroups(PageRequest.first());
        Throwable second = catchThrowable(() -> directory.listRoleGroups(PageRequest.first()));

        assertThat(second).isInstanceOf(ThrottledException.class).hasMessageContaining("client-side rate limit");
        dingTalk.verify(exactly(1), postRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void callsWithinTheRateLimitGoThrough() {
        postAnswers(dingTalk, LIST, listReply(false));
        DingTalkRoleDirectory directory = directory().burstyRateLimit(5).deadline(Duration.ofSeconds(2)).build();

        for (int i = 0; i < 5; i++) {
            directory.listRoleGroups(PageRequest.first());
        }

        dingTalk.verify(exactly(5), postRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> DingTalkRoleDirectory.builder().maxRetries(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DingTalkRoleDirectory.builder().rateLimit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DingTalkRoleDirectory.builder().deadline(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DingTalkRoleDirectory.builder().baseUrl("ftp://example.com"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DingTalkRoleDirectory.builder().accessToken(AccessToken.of("t"))
                .backoff(Duration.ofSeconds(5)).deadline(Duration.ofSeconds(5)).build())
                .isInstanceOf(IllegalStateException.class);
    }

    private DingTalkRoleDirectory.Builder directory() {
        return Stubs.fastDirectory(dingTalk).onRetryScheduled(scheduledDelays::add);
    }
}
