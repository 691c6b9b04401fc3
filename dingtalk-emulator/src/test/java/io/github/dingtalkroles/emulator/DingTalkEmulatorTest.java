package io.github.dingtalkroles.emulator;

import static io.github.dingtalkroles.emulator.WireClient.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Starting, configuring and stopping the emulator. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DingTalkEmulatorTest {

    private static DingTalkEmulator.Builder builder() {
        return DingTalkEmulator.builder().directory(InMemoryRoleDirectory.create()).accessToken("t");
    }

    @Test
    void bindsToTheLoopbackAddressAndAFreePortByDefaultAndReportsThem() {
        try (DingTalkEmulator emulator = builder().start()) {
            assertThat(emulator.port()).isPositive();
            assertThat(emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + emulator.port());
            assertThat(new WireClient(emulator).postForm("/topapi/role/list", "t", fields()).errcode()).isZero();
        }
    }

    @Test
    void listensOnTheGivenPort() throws IOException {
        int free;
        try (ServerSocket probe = new ServerSocket(0)) {
            free = probe.getLocalPort();
        }
        try (DingTalkEmulator emulator = builder().port(free).start()) {
            assertThat(emulator.port()).isEqualTo(free);
        }
    }

    @Test
    void aTakenPortFailsToStart() {
        try (DingTalkEmulator first = builder().start()) {
            assertThatThrownBy(() -> builder().port(first.port()).start()).isInstanceOf(UncheckedIOException.class);
        }
    }

    @Test
    void requiresADirectoryAndSomeWayToAuthenticate() {
        assertThatThrownBy(() -> DingTalkEmulator.builder().accessToken("t").start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("directory");
        assertThatThrownBy(() -> DingTalkEmulator.builder().directory(InMemoryRoleDirectory.create()).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("appCredentials");
    }

    @Test
    void refusesNonsensicalSettings() {
        DingTalkEmulator.Builder builder = DingTalkEmulator.builder();
        assertThatThrownBy(() -> builder.port(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.appCredentials("key", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.tokenLifetime(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.maxBodyBytes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.workerThreads(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.qpsLimitPerApp(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.clientTimeout(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void faultsRefuseNonsense() {
        try (DingTalkEmulator emulator = builder().start()) {
            assertThatThrownBy(() -> emulator.faults().next(EmulatorOperation.ADD_ROLE, EmulatorFault.BUSY, -1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> EmulatorFault.of(EmulatorFault.Kind.DELAY)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> EmulatorFault.delay(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
            assertThat(EmulatorFault.of(EmulatorFault.Kind.BUSY)).isSameAs(EmulatorFault.BUSY);
            assertThat(EmulatorFault.delay(Duration.ofSeconds(1))).isEqualTo(EmulatorFault.delay(Duration.ofMillis(1000)));
        }
    }

    @Test
    void closeStopsListeningAndIsIdempotent() {
        DingTalkEmulator emulator = builder().start();
        int port = emulator.port();

        emulator.close();
        emulator.close();

        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        assertThat(emulator.toString()).contains("closed");
    }

    @Test
    void closeEndsCallsInFlightInsteadOfWaitingForThem() throws Exception {
        DingTalkEmulator emulator = builder().start();
        emulator.faults().next(EmulatorOperation.LIST_ROLES, EmulatorFault.delay(Duration.ofMinutes(5)));
        WireClient client = new WireClient(emulator).withTimeout(Duration.ofMinutes(1));
        CompletableFuture<WireClient.Answer> inFlight = CompletableFuture.supplyAsync(
                () -> client.postForm("/topapi/role/list", "t", fields()));
        while (emulator.requestCount(EmulatorOperation.LIST_ROLES) == 0) {
            Thread.sleep(10);
        }

        emulator.close();

        assertThatThrownBy(() -> inFlight.get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(UncheckedIOException.class);
    }

    @Test
    void servesConcurrentWritersWithoutLosingOrMixingUpAnyWrite() throws Exception {
        InMemoryRoleDirectory directory = InMemoryRoleDirectory.create();
        RoleGroup hr = directory.addRoleGroup(RoleGroupName.of("HR"));
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try (DingTalkEmulator emulator = DingTalkEmulator.builder().directory(directory).accessToken("t").start()) {
            WireClient client = new WireClient(emulator);
            List<Future<Long>> roleIds = IntStream.range(0, 40)
                    .mapToObj(i -> callers.submit(() -> client.postForm("/role/add_role", "t",
                            fields("roleName", "R" + i, "groupId", hr.id().value())).json().get("roleId").asLong()))
                    .toList();

            Set<Long> distinct = new HashSet<>();
            for (Future<Long> id : roleIds) {
                distinct.add(id.get(20, TimeUnit.SECONDS));
            }

            assertThat(distinct).hasSize(40);
            assertThat(directory.findRoleGroup(hr.id()).orElseThrow().roles()).hasSize(40);
        } finally {
            callers.shutdownNow();
        }
    }
}
