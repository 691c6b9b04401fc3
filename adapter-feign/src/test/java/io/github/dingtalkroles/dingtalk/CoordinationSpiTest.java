package io.github.dingtalkroles.dingtalk;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.dingtalkroles.dingtalk.Stubs.GETTOKEN;
import static io.github.dingtalkroles.dingtalk.Stubs.GET_ROLE_GROUP;
import static io.github.dingtalkroles.dingtalk.Stubs.LIST;
import static io.github.dingtalkroles.dingtalk.Stubs.getAnswers;
import static io.github.dingtalkroles.dingtalk.Stubs.listReply;
import static io.github.dingtalkroles.dingtalk.Stubs.ok;
import static io.github.dingtalkroles.dingtalk.Stubs.postAnswers;
import static io.github.dingtalkroles.dingtalk.Stubs.roleGroupReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.ThrottledException;
import io.github.dingtalkroles.port.UnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The two seams that let many instances of one app coordinate: the directory asks its {@link CallPermits} before
 * every call, per app key and endpoint, within the operation's deadline; app-credentials sources keep their tokens
 * in an {@link AccessTokenCache} that several sources may share.
 */
class CoordinationSpiTest {
    private static final AppSecret SECRET = AppSecret.of("app-5ecret-value-0002");

    @RegisterExtension
    static WireMockExtension dingTalk = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().notifier(new Slf4jNotifier(false)))
            .build();

    /** What the directory asked for. */
    private record Asked(String appKey, String endpoint, Duration timeLeft) {
    }

    @Test
    void asksThePermitsForEveryCallWithTheAppKeyTheEndpointAndTheTimeLeft() {
        getAnswers(dingTalk, GETTOKEN, ok("\"access_token\":\"T1\",\"expires_in\":7200"));
        postAnswers(dingTalk, LIST, listReply(false));
        postAnswers(dingTalk, GET_ROLE_GROUP, roleGroupReply("HR"));
        List<Asked> asked = new CopyOnWriteArrayList<>();
        DingTalkRoleDirectory directory = Stubs.fastDirectory(dingTalk).appCredentials("app-one", SECRET)
                .deadline(Duration.ofSeconds(5))
                .callPermits((appKey, endpoint, timeLeft) -> asked.add(new Asked(appKey, endpoint, timeLeft)))
                .build();

        directory.listRoleGroups(PageRequest.first());
        directory.findRoleGroup(RoleGroupId.of(7));

        assertThat(asked).extracting(Asked::appKey).containsExactly("app-one", "app-one");
        assertThat(asked).extracting(Asked::endpoint).containsExactly("list", "getrolegroup");
        assertThat(asked).allSatisfy(a -> assertThat(a.timeLeft())
                .isPositive().isLessThanOrEqualTo(Duration.ofSeconds(5)));
    }

    @Test
    void aDirectoryWhoseTokenSourceNamesNoAppAsksUnderADash() {
        postAnswers(dingTalk, LIST, listReply(false));
        List<String> appKeys = new CopyOnWriteArrayList<>();
        DingTalkRoleDirectory directory = Stubs.fastDirectory(dingTalk)
                .callPermits((appKey, endpoint, timeLeft) -> appKeys.add(appKey))
                .build();

        directory.listRoleGroups(PageRequest.first());

        assertThat(appKeys).containsExactly("-");
    }

    @Test
    void aRefusedPermitSendsNothingAndIsThrottled() {
        postAnswers(dingTalk, LIST, listReply(false));
        DingTalkRoleDirectory directory = Stubs.fastDirectory(dingTalk).maxRetries(0)
                .callPermits((appKey, endpoint, timeLeft) -> false)
                .build();

        assertThatThrownBy(() -> directory.listRoleGroups(PageRequest.first()))
                .isInstanceOf(ThrottledException.class)
                .hasMessageContaining("client-side rate limit");
        dingTalk.verify(exactly(0), postRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void permitsThatThrowFailTheCallAsUnavailableWithoutSendingIt() {
        postAnswers(dingTalk, LIST, listReply(false));
        DingTalkRoleDirectory directory = Stubs.fastDirectory(dingTalk)
                .callPermits((appKey, endpoint, timeLeft) -> {
                    throw new IllegalStateException("broken store");
                })
                .build();

        assertThatThrownBy(() -> directory.listRoleGroups(PageRequest.first()))
                .isInstanceOfSatisfying(UnavailableException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("rate limit");
        dingTalk.verify(exactly(0), postRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void theInProcessLimitIsPerEndpointAsDingTalksIs() {
        postAnswers(dingTalk, LIST, listReply(false));
        postAnswers(dingTalk, GET_ROLE_GROUP, roleGroupReply("HR"));
        DingTalkRoleDirectory directory = Stubs.fastDirectory(dingTalk).maxRetries(0).rateLimit(1)
                .deadline(Duration.ofMillis(500)).build();

        directory.listRoleGroups(PageRequest.first());
        directory.findRoleGroup(RoleGroupId.of(7));

        assertThatThrownBy(() -> directory.listRoleGroups(PageRequest.first())).isInstanceOf(ThrottledException.class);
        dingTalk.verify(exactly(1), postRequestedFor(urlPathEqualTo(LIST)));
        dingTalk.verify(exactly(1), postRequestedFor(urlPathEqualTo(GET_ROLE_GROUP)));
    }

    @Test
    void theLastRateLimitSettingWins() {
        postAnswers(dingTalk, LIST, listReply(false));
        List<String> asked = new CopyOnWriteArrayList<>();
        DingTalkRoleDirectory directory = Stubs.fastDirectory(dingTalk)
                .callPermits((appKey, endpoint, timeLeft) -> asked.add(endpoint))
                .noRateLimit()
                .build();

        directory.listRoleGroups(PageRequest.first());

        assertThat(asked).isEmpty();
    }

    @Test
    void twoSourcesSharingACacheFetchOneTokenForBoth() {
        getAnswers(dingTalk, GETTOKEN, ok("\"access_token\":\"SHARED-T1\",\"expires_in\":7200"));
        postAnswers(dingTalk, LIST, listReply(false));
        AccessTokenCache shared = AccessTokenCache.inProcess();
        DingTalkRoleDirectory first = Stubs.fastDirectory(dingTalk).appCredentials("app-one", SECRET)
                .tokenCache(shared).build();
        AccessTokenSource second = AccessTokenSource.appCredentialsBuilder("app-one", SECRET)
                .baseUrl(dingTalk.baseUrl()).cache(shared).build();

        first.listRoleGroups(PageRequest.first());

        assertThat(second.currentToken()).isEqualTo(AccessToken.of("SHARED-T1"));
        assertThat(shared.cached("app-one")).contains(AccessToken.of("SHARED-T1"));
        assertThat(shared.cached("another-app")).isEmpty();
        dingTalk.verify(exactly(1), getRequestedFor(urlPathEqualTo(GETTOKEN)));
    }

    @Test
    void aSharedCacheForgetsARefusedTokenOnlyIfItIsStillTheCachedOne() {
        AccessTokenCache cache = AccessTokenCache.inProcess();
        AccessToken first = cache.getOrFetch("app", Duration.ofSeconds(1),
                timeLeft -> new AccessTokenCache.Fetched(AccessToken.of("FIRST"), Duration.ofHours(1)));

        cache.invalidate("app", AccessToken.of("OLDER"));
        assertThat(cache.cached("app")).contains(first);

        cache.invalidate("app", first);
        assertThat(cache.cached("app")).isEmpty();
    }

    @Test
    void aFetchedTokenNeedsAPositiveLifetimeAndNeverShowsTheToken() {
        assertThatThrownBy(() -> new AccessTokenCache.Fetched(AccessToken.of("T"), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new AccessTokenCache.Fetched(AccessToken.of("T0KEN-VALUE"), Duration.ofMinutes(1)).toString())
                .doesNotContain("T0KEN-VALUE");
    }

    @Test
    void outagesAndFallbacksOfTheCoordinatingStoreAreCounted() {
        io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        DingTalkMetrics metrics = MicrometerDingTalkMetrics.of(registry);

        metrics.coordinationOutage();
        metrics.coordinationFallback("rate_limit");
        metrics.coordinationFallback("rate_limit");
        metrics.coordinationFallback("token");

        assertThat(registry.get("dingtalk.roles.coordination.outages").counter().count()).isEqualTo(1);
        assertThat(registry.get("dingtalk.roles.coordination.fallbacks").tag("use", "rate_limit").counter().count())
                .isEqualTo(2);
        assertThat(registry.get("dingtalk.roles.coordination.fallbacks").tag("use", "token").counter().count())
                .isEqualTo(1);
    }

    @Test
    void theAppCredentialsSourceNamesItsAppAndAFixedOneNone() {
        assertThat(AccessTokenSource.appCredentials("app-one", SECRET).appKey()).contains("app-one");
        assertThat(AccessTokenSource.fixed(AccessToken.of("T")).appKey()).isEmpty();
    }
}
