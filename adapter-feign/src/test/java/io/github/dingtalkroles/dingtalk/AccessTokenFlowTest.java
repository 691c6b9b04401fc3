package io.github.dingtalkroles.dingtalk;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.dingtalkroles.dingtalk.Stubs.GETTOKEN;
import static io.github.dingtalkroles.dingtalk.Stubs.LIST;
import static io.github.dingtalkroles.dingtalk.Stubs.error;
import static io.github.dingtalkroles.dingtalk.Stubs.getAnswers;
import static io.github.dingtalkroles.dingtalk.Stubs.listReply;
import static io.github.dingtalkroles.dingtalk.Stubs.ok;
import static io.github.dingtalkroles.dingtalk.Stubs.postAnswers;
import static io.github.dingtalkroles.dingtalk.Stubs.wrapped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.dingtalkroles.port.NotAuthorizedException;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.UnavailableException;
import java.net.URI;
import feign.hc5.ApacheHttp5Client;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** App key + secret through /gettoken: cached, renewed single-flight, invalidated carefully, replayed once. */
class AccessTokenFlowTest {
    private static final AppSecret SECRET = AppSecret.of("app-5ecret-value-0001");

    @RegisterExtension
    static WireMockExtension dingTalk = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().notifier(new Slf4jNotifier(false)))
            .build();

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void oneTokenServesManyCalls() {
        getAnswers(dingTalk, GETTOKEN, token("T1", 7200));
        postAnswers(dingTalk, LIST, listReply(false));
        DingTalkRoleDirectory directory = Stubs.fastDirectory(dingTalk).appCredentials("key", SECRET).build();

        for (int i = 0; i < 3; i++) {
            directory.listRoleGroups(PageRequest.first());
        }

        dingTalk.verify(exactly(1), getRequestedFor(urlPathEqualTo(GETTOKEN)));
        dingTalk.verify(exactly(3), postRequestedFor(urlPathEqualTo(LIST)).withQueryParam("access_token", equalTo("T1")));
    }

    @Test
    void manyThreadsWithoutATokenShareOneGettokenCall() throws Exception {
        getAnswers(dingTalk, GETTOKEN, token("T1", 7200).withFixedDelay(300));
        AccessTokenSource source = source();

        List<AccessToken> tokens = concurrently(8, source::currentToken);

        assertThat(tokens).hasSize(8).containsOnly(AccessToken.of("T1"));
        dingTalk.verify(exactly(1), getRequestedFor(urlPathEqualTo(GETTOKEN)));
    }

    @Test
    void manyThreadsAtExpiryShareOneRenewal() throws Exception {
        getAnswers(dingTalk, GETTOKEN, token("T1", 7200), token("T2", 7200).withFixedDelay(300));
        AccessTokenSource source = source();
        assertThat(source.currentToken()).isEqualTo(AccessToken.of("T1"));

        nanos.addAndGet(Duration.ofSeconds(7200).toNanos());
        List<AccessToken> tokens = concurrently(8, source::currentToken);

        assertThat(tokens).hasSize(8).containsOnly(AccessToken.of("T2"));
        dingTalk.verify(exactly(2), getRequestedFor(urlPathEqualTo(GETTOKEN)));
    }

    @Test
    void aTokenIsRenewedOnlyOnceItsLifetimeLessTheMarginIsOver() {
        getAnswers(dingTalk, GETTOKEN, token("T1", 7200), token("T2", 7200));
        AccessTokenSource source = source();

        source.currentToken();
        nanos.set(Duration.ofSeconds(7200 - 300).minusMillis(1).toNanos());
        assertThat(source.currentToken()).isEqualTo(AccessToken.of("T1"));
        nanos.set(Duration.ofSeconds(7200 - 300).toNanos());
        assertThat(source.currentToken()).isEqualTo(AccessToken.of("T2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",\"expires_in\":0"})
    void aTokenWithoutLifetimeIsCachedForTheMinimumLifetime(String expiresIn) {
        getAnswers(dingTalk, GETTOKEN, ok("\"access_token\":\"T1\"" + expiresIn), ok("\"access_token\":\"T2\""));
        AccessTokenSource source = source();

        source.currentToken();
        nanos.set(Duration.ofSeconds(59).toNanos());
        assertThat(source.currentToken()).isEqualTo(AccessToken.of("T1"));
        nanos.set(Duration.ofSeconds(60).toNanos());
        assertThat(source.currentToken()).isEqualTo(AccessToken.of("T2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775807", "\"9223372036854775807\"", "31536000000"})
    void anAbsurdLifetimeIsCappedAtADayInsteadOfFailing(String expiresIn) {
        getAnswers(dingTalk, GETTOKEN, ok("\"access_token\":\"T1\",\"expires_in\":" + expiresIn),
                ok("\"access_token\":\"T2\""));
        AccessTokenSource source = source();

        assertThat(source.currentToken()).isEqualTo(AccessToken.of("T1"));
        nanos.set(Duration.ofDays(1).minusMinutes(5).minusMillis(1).toNanos());
        assertThat(source.currentToken()).isEqualTo(AccessToken.of("T1"));
        nanos.set(Duration.ofDays(1).minusMinutes(5).toNanos());
        assertThat(source.currentToken()).isEqualTo(AccessToken.of("T2"));
    }

    @Test
    void invalidatingAnOldTokenKeepsTheCurrentOne() {
        getAnswers(dingTalk, GETTOKEN, token("T1", 7200), token("T2", 7200), token("T3", 7200));
        AccessTokenSource source = source();
        AccessToken first = source.currentToken();

        source.invalidate(first);
        AccessToken second = source.currentToken();
        source.invalidate(first);

        assertThat(second).isEqualTo(AccessToken.of("T2"));
        assertThat(source.currentToken()).isEqualTo(AccessToken.of("T2"));
        dingTalk.verify(exactly(2), getRequestedFor(urlPathEqualTo(GETTOKEN)));
    }

    @Test
    void aRejectedTokenIsRenewedAndTheCallReplayedOnce() {
        getAnswers(dingTalk, GETTOKEN, token("T1", 7200), token("T2", 7200));
        dingTalk.stubFor(post(urlPathEqualTo(LIST)).withQueryParam("access_token", equalTo("T1"))
                .willReturn(wrapped("40014", "invalid access_token")));
        dingTalk.stubFor(post(urlPathEqualTo(LIST)).withQueryParam("access_token", equalTo("T2"))
                .willReturn(listReply(false)));
        DingTalkRoleDirectory directory = Stubs.fastDirectory(dingTalk).appCredentials("key", SECRET).build();

        assertThat(directory.listRoleGroups(PageRequest.first()).groups()).isEmpty();

        dingTalk.verify(exactly(2), getRequestedFor(urlPathEqualTo(GETTOKEN)));
        dingTalk.verify(exactly(2), postRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void aTokenRejectedTwiceIsNotAuthorizedAfterOneReplay() {
        getAnswers(dingTalk, GETTOKEN, token("T1", 7200), token("T2", 7200), token("T3", 7200));
        postAnswers(dingTalk, LIST, error(42001, "access_token expired"));
        DingTalkRoleDirectory directory = Stubs.fastDirectory(dingTalk).appCredentials("key", SECRET).build();

        assertThatThrownBy(() -> directory.listRoleGroups(PageRequest.first()))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("errcode 42001");

        dingTalk.verify(exactly(2), postRequestedFor(urlPathEqualTo(LIST)));
        dingTalk.verify(exactly(2), getRequestedFor(urlPathEqualTo(GETTOKEN)));
    }

    @Test
    void aRejectedFixedTokenIsNotAuthorizedWithoutReplay() {
        postAnswers(dingTalk, LIST, wrapped("40000", "access_token is blank"));
        DingTalkRoleDirectory directory = Stubs.fastDirectory(dingTalk).build();

        assertThatThrownBy(() -> directory.listRoleGroups(PageRequest.first()))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("sub_code 40000");

        dingTalk.verify(exactly(1), postRequestedFor(urlPathEqualTo(LIST)));
    }

    @ParameterizedTest
    @ValueSource(ints = {40096, 40089, 40035})
    void refusedAppCredentialsAreNotAuthorizedAndNotRetried(int errcode) {
        getAnswers(dingTalk, GETTOKEN, error(errcode, "invalid appkey or appsecret"));
        DingTalkRoleDirectory directory = Stubs.fastDirectory(dingTalk).appCredentials("key", SECRET).build();

        assertThatThrownBy(() -> directory.listRoleGroups(PageRequest.first()))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("errcode " + errcode);

        dingTalk.verify(exactly(1), getRequestedFor(urlPathEqualTo(GETTOKEN)));
        dingTalk.verify(exactly(0), postRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void aBusyGettokenIsRetriedByTheOperation() {
        getAnswers(dingTalk, GETTOKEN, error(-1, "busy"), token("T1", 7200));
        postAnswers(dingTalk, LIST, listReply(false));
        DingTalkRoleDirectory directory = Stubs.fastDirectory(dingTalk).appCredentials("key", SECRET).build();

        directory.listRoleGroups(PageRequest.first());

        dingTalk.verify(exactly(2), getRequestedFor(urlPathEqualTo(GETTOKEN)));
        dingTalk.verify(exactly(1), postRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void aGettokenReplyWithoutTokenIsUnavailable() {
        getAnswers(dingTalk, GETTOKEN, ok("\"expires_in\":7200"));

        assertThatThrownBy(() -> source().currentToken())
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("no usable access_token");
    }

    @Test
    void directoriesOfSeveralOrganisationsShareOneFeignClientThatClosingLeavesOpen() throws Exception {
        dingTalk.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(GETTOKEN))
                .withQueryParam("appkey", equalTo("org-a")).willReturn(token("TA", 7200)));
        dingTalk.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(GETTOKEN))
                .withQueryParam("appkey", equalTo("org-b")).willReturn(token("TB", 7200)));
        postAnswers(dingTalk, LIST, listReply(false));
        try (CloseableHttpClient shared = HttpClients.createDefault()) {
            DingTalkRoleDirectory orgA = Stubs.fastDirectory(dingTalk).feignClient(new ApacheHttp5Client(shared))
                    .appCredentials("org-a", AppSecret.of("secret-a")).build();
            DingTalkRoleDirectory orgB = Stubs.fastDirectory(dingTalk).feignClient(new ApacheHttp5Client(shared))
                    .appCredentials("org-b", AppSecret.of("secret-b")).build();

            orgA.listRoleGroups(PageRequest.first());
            orgA.close();
            orgB.listRoleGroups(PageRequest.first());
        }

        dingTalk.verify(exactly(1), postRequestedFor(urlPathEqualTo(LIST)).withQueryParam("access_token", equalTo("TA")));
        dingTalk.verify(exactly(1), postRequestedFor(urlPathEqualTo(LIST)).withQueryParam("access_token", equalTo("TB")));
    }

    @Test
    void aTokenFetchSharesTheDeadlineOfTheOperationThatNeedsIt() throws Exception {
        getAnswers(dingTalk, GETTOKEN, token("T1", 7200).withFixedDelay(5000));
        postAnswers(dingTalk, LIST, listReply(false));
        DingTalkRoleDirectory directory = Stubs.fastDirectory(dingTalk)
                .appCredentials("key", SECRET)
                .readTimeout(Duration.ofSeconds(10))
                .deadline(Duration.ofSeconds(1))
                .build();

        // the token request on its own would get 10 s to answer: it must end with the operation's 1 s, and a
        // second caller waiting for that same fetch must stop waiting at its own deadline
        List<Throwable> failures = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(4),
                () -> concurrently(2, () -> org.assertj.core.api.Assertions.catchThrowable(
                        () -> directory.listRoleGroups(PageRequest.first()))));

        assertThat(failures).allSatisfy(failure -> assertThat(failure).isInstanceOf(UnavailableException.class));
        dingTalk.verify(exactly(1), getRequestedFor(urlPathEqualTo(GETTOKEN)));
        dingTalk.verify(exactly(0), postRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void aClosedDirectoryReleasesTheClientItCreated() {
        postAnswers(dingTalk, LIST, listReply(false));
        DingTalkRoleDirectory directory = Stubs.fastDirectory(dingTalk).build();
        directory.listRoleGroups(PageRequest.first());

        directory.close();

        assertThatThrownBy(() -> directory.listRoleGroups(PageRequest.first()))
                .isInstanceOf(UnavailableException.class);
        dingTalk.verify(exactly(1), postRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void aFailingCustomSourceIsReportedAsUnavailable() {
        AccessTokenSource broken = new AccessTokenSource() {
            @Override
            public AccessToken currentToken() {
                throw new IllegalStateException("vault sealed");
            }

            @Override
            public void invalidate(AccessToken rejected) {
            }
        };
        DingTalkRoleDirectory directory = Stubs.fastDirectory(dingTalk).tokenSource(broken).build();

        assertThatThrownBy(() -> directory.listRoleGroups(PageRequest.first()))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("access token source failed");
    }

    @Test
    void aDirectoryNeedsATokenSource() {
        assertThatThrownBy(() -> DingTalkRoleDirectory.builder().build())
                .isInstanceOf(IllegalStateException.class);
    }

    private AccessTokenSource source() {
        DingTalkHttp http = new DingTalkHttp(URI.create(dingTalk.baseUrl()),
                new ApacheHttp5Client(DefaultHttpClient.create(Duration.ofSeconds(2), null)), Duration.ofSeconds(2),
                Duration.ofSeconds(2), false, DingTalkMetrics.NONE);
        return new AppCredentialsTokenSource(http, "key", SECRET, Duration.ofSeconds(4),
                Duration.ofMinutes(5), Duration.ofSeconds(60), new InProcessAccessTokenCache(nanos::get));
    }

    private static ResponseDefinitionBuilder token(String value, int expiresIn) {
        return ok("\"access_token\":\"" + value + "\",\"expires_in\":" + expiresIn);
    }

    private static <T> List<T> concurrently(int threads, java.util.concurrent.Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(10, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
