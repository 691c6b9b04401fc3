package io.github.dingtalkroles.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dingtalkroles.dingtalk.DingTalkRoleDirectory;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.emulator.DingTalkEmulator;
import io.github.dingtalkroles.emulator.EmulatorOperation;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.testsupport.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many threads meet an expired token at once: one {@code /gettoken} for all of them, and every call
 * succeeds with the new token.
 */
class TokenRefreshUnderLoadTest {
    private static final int THREADS = 32;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void thirtyTwoThreadsHittingAnExpiredTokenAtOnceCauseExactlyOneGettoken() throws Exception {
        MutableClock clock = new MutableClock();
        InMemoryRoleDirectory backing = InMemoryRoleDirectory.create();
        RoleGroup hr = backing.addRoleGroup(RoleGroupName.of("HR"));
        backing.addRole(hr.id(), RoleName.of("Recruiter"));
        try (DingTalkEmulator emulator = Credentials.emulator().directory(backing).clock(clock)
                .tokenLifetime(Duration.ofHours(2)).workerThreads(THREADS).start()) {
            DingTalkRoleDirectory client = DingTalkRoleDirectory.builder()
                    .baseUrl(emulator.baseUrl())
                    .appCredentials(Credentials.APP_KEY, Credentials.appSecret())
                    .noRateLimit()
                    .logHttpTraffic(true)
                    .build();
            client.listRoleGroups(PageRequest.first()); // the first token, cached for 2 h less 5 min
            assertThat(emulator.requestCount(EmulatorOperation.GETTOKEN)).isEqualTo(1);

            clock.advance(Duration.ofHours(2).plusSeconds(1)); // DingTalk's side: the token has expired
            emulator.resetRequestCounts();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<Optional<RoleGroup>>> calls = new ArrayList<>();
            try {
                for (int i = 0; i < THREADS; i++) {
                    calls.add(pool.submit(() -> {
                        start.await();
                        return client.findRoleGroup(hr.id());
                    }));
                }
                start.countDown();
                for (Future<Optional<RoleGroup>> call : calls) {
                    assertThat(call.get(1, TimeUnit.MINUTES)).get()
                            .extracting(g -> g.roles().get(0).name().value()).isEqualTo("Recruiter");
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(emulator.requestCount(EmulatorOperation.GETTOKEN)).as("gettoken calls after the expiry").isEqualTo(1);
            assertThat(emulator.requestCount(EmulatorOperation.GET_ROLE_GROUP))
                    .as("each call at most once refused and once replayed")
                    .isBetween((long) THREADS + 1, 2L * THREADS);
            NoSecrets.assertNoneIn("the client's toString", client.toString());
        }
        NoSecrets.assertNoneLogged();
    }
}
