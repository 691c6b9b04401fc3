package io.github.dingtalkroles.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.emulator.DingTalkEmulator;
import io.github.dingtalkroles.emulator.EmulatorOperation;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.testsupport.RedisServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The proofs of issue 15: {@value #INSTANCES} JVM processes ({@link ClusterInstance}, started with this module's test
 * class path), each with {@value ClusterInstance#THREADS} threads, calling one emulator whose per-app limit is
 * {@value #DINGTALK_LIMIT} calls/s per endpoint, through one real redis-server. They share the rate limit
 * ({@value #CLUSTER_RATE} calls/s) and the token through roles-redis.
 *
 * <ul>
 *   <li>listing, then a write mix: no throttling error reaches a caller, and the emulator answers 90018 to at
 *       most 1 % of the calls;</li>
 *   <li>at token expiry, every thread of every process at once: exactly one {@code /gettoken};</li>
 *   <li>Redis killed mid-run and restarted: every call completes or fails with one of the port's typed errors
 *       (never a Redis exception), nothing is written twice, and the processes coordinate through Redis again.</li>
 * </ul>
 * No assertion on time; the runs are bounded by time only so that the test stays short. The quota figures (how much
 * of DingTalk's limit the cluster uses, and the same run without Redis) are a benchmark: {@code benchmarks/run
 * cluster}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ClusterCoordinationTest {
    static final int INSTANCES = 4;
    static final int DINGTALK_LIMIT = 20;
    /** The cluster's rate: below DingTalk's 20, as headroom for the jitter of five JVMs on a small machine. */
    static final int CLUSTER_RATE = 17;
    private static final long RUN_MILLIS = 6000;

    private static RedisServer redis;
    private static ShiftedClock clock;
    private static InMemoryRoleDirectory backing;
    private static DingTalkEmulator emulator;
    private static final List<Instance> instances = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        redis = RedisServer.start();
        clock = new ShiftedClock();
        backing = InMemoryRoleDirectory.create();
        emulator = Credentials.emulator().directory(backing).clock(clock).qpsLimitPerApp(DINGTALK_LIMIT)
                .tokenLifetime(Duration.ofHours(2)).workerThreads(INSTANCES * ClusterInstance.THREADS).start();
        for (int i = 0; i < INSTANCES; i++) {
            instances.add(Instance.start(i));
        }
        for (Instance instance : instances) {
            instance.await("READY");
        }
    }

    @AfterAll
    static void stopCluster() {
        instances.forEach(Instance::close);
        if (emulator != null) {
            emulator.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @BeforeEach
    void resetCounts() {
        emulator.resetRequestCounts();
    }

    @Test
    @Order(1)
    void theProcessesStartedWithOneGettokenForAll() {
        // READY came after each process's first call; the counts were reset since, so look at the token in Redis
        for (Instance instance : instances) {
            instance.send("STATUS");
            assertThat(instance.await("STATUS")).as("instance %d", instance.number).isEqualTo("unavailable=false");
        }
        assertThat(redis.command("EXISTS", "dingtalk-roles:token:" + Credentials.APP_KEY)).isEqualTo(":1");
        assertThat(redis.command("GET", "dingtalk-roles:token-lock:" + Credentials.APP_KEY)).isEqualTo("$-1");
    }

    @Test
    @Order(2)
    void listingFromFourProcessesStaysWithinDingTalksLimit() {
        List<Result> results = all("LIST " + RUN_MILLIS);

        long calls = emulator.requestCount(EmulatorOperation.LIST_ROLES);
        long throttled = emulator.throttledCount(EmulatorOperation.LIST_ROLES);
        assertThat(results).allSatisfy(r -> assertThat(r.failures()).as("failures reaching callers").isEmpty());
        assertThat(results.stream().mapToLong(Result::ok).sum()).isPositive();
        assertThat(throttled).as("90018 answers of %d list calls", calls).isLessThanOrEqualTo(calls / 100);
    }

    @Test
    @Order(3)
    void aWriteMixFromFourProcessesStaysWithinTheLimitAndWritesEachRoleOnce() {
        RoleGroup group = backing.addRoleGroup(RoleGroupName.of("Cluster writes"));

        List<Result> results = all("WRITES " + RUN_MILLIS + " " + group.id().value());

        assertThat(results).allSatisfy(r -> assertThat(r.failures()).as("failures reaching callers").isEmpty());
        long calls = 0;
        long throttled = 0;
        for (EmulatorOperation operation : List.of(EmulatorOperation.ADD_ROLE, EmulatorOperation.UPDATE_ROLE,
                EmulatorOperation.GET_ROLE_GROUP)) {
            calls += emulator.requestCount(operation);
            throttled += emulator.throttledCount(operation);
        }
        assertThat(throttled).as("90018 answers of %d calls", calls).isLessThanOrEqualTo(calls / 100);
        assertWrittenOnce(group, results);
    }

    @Test
    @Order(4)
    void atTokenExpiryThirtyTwoThreadsInFourProcessesCauseExactlyOneGettoken() {
        clock.shift(Duration.ofHours(2).plusMinutes(1)); // DingTalk's side: every process's token has expired

        List<Result> results = all("BURST");

        assertThat(results).allSatisfy(r -> {
            assertThat(r.failures()).isEmpty();
            assertThat(r.ok()).isEqualTo(ClusterInstance.THREADS);
        });
        assertThat(emulator.requestCount(EmulatorOperation.GETTOKEN)).as("gettoken calls for 32 threads").isEqualTo(1);
    }

    @Test
    @Order(5)
    void redisKilledMidRunAndRestartedCostsNoCallAndWritesNothingTwice() throws Exception {
        RoleGroup group = backing.addRoleGroup(RoleGroupName.of("Cluster outage"));
        for (Instance instance : instances) {
            instance.send("WRITES " + (3 * RUN_MILLIS / 2) + " " + group.id().value());
        }
        Thread.sleep(RUN_MILLIS / 2);
        redis.kill();
        Thread.sleep(RUN_MILLIS / 2);
        redis.restart();
        List<Result> results = new ArrayList<>();
        for (Instance instance : instances) {
            results.add(instance.result());
        }

        // the port's documented exceptions only (a throttled call may run out of retries while the instances move
        // from the shared bucket to their local shares and back): never a Redis one, never anything untyped
        assertThat(results).allSatisfy(r -> assertThat(r.failures().keySet()).as("failures reaching callers")
                .allSatisfy(kind -> assertThat(kind).doesNotStartWith("untyped:")));
        assertWrittenOnce(group, results);

        all("LIST 1500"); // calls find Redis back (it answers again a second after the last failure at most)
        for (Instance instance : instances) {
            instance.send("STATUS");
            assertThat(instance.await("STATUS")).as("instance %d", instance.number).isEqualTo("unavailable=false");
        }
        assertThat(redis.command("EXISTS", "dingtalk-roles:rate:" + Credentials.APP_KEY + ":list"))
                .as("the restarted, empty Redis holds the shared bucket again").isEqualTo(":1");
    }

    /** Every role a caller was told of exists once in the group under its last reported name, and no other. */
    private static void assertWrittenOnce(RoleGroup group, List<Result> results) {
        Map<Long, String> told = new HashMap<>();
        results.forEach(r -> told.putAll(r.roles()));
        List<Role> stored = backing.findRoleGroup(group.id()).orElseThrow().roles();
        assertThat(stored).extracting(role -> role.id().value()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(told.keySet());
        assertThat(stored).allSatisfy(role -> assertThat(role.name().value()).isEqualTo(told.get(role.id().value())));
        assertThat(stored.stream().map(role -> role.name().value().replace("-renamed", ""))
                .collect(Collectors.toSet())).hasSize(stored.size());
    }

    private static List<Result> all(String command) {
        instances.forEach(instance -> instance.send(command));
        List<Result> results = new ArrayList<>();
        for (Instance instance : instances) {
            results.add(instance.result());
        }
        return results;
    }

    /** What one process's callers got: successes, failures by kind, and the roles it created (id to last name). */
    record Result(long ok, Map<String, Long> failures, Map<Long, String> roles) {
    }

    /** A {@link ClusterInstance} process. */
    private static final class Instance implements AutoCloseable {
        private final int number;
        private final Process process;
        private final BufferedReader out;
        private final PrintStream in;

        private Instance(int number, Process process) {
            this.number = number;
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        }

        static Instance start(int number) throws IOException {
            Path log = Files.createTempFile("cluster-instance-" + number + "-", ".log");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-cp", System.getProperty("java.class.path"), ClusterInstance.class.getName(),
                    emulator.baseUrl(), redis.uri(), Credentials.APP_KEY, Integer.toString(number),
                    Integer.toString(INSTANCES), Integer.toString(CLUSTER_RATE)))
                    .redirectError(log.toFile());
            builder.environment().put("DINGTALK_APP_SECRET", Credentials.APP_SECRET);
            return new Instance(number, builder.start());
        }

        void send(String command) {
            in.println(command);
        }

        /** The rest of the next line starting with {@code prefix}. */
        String await(String prefix) {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(prefix)) {
                        return line.substring(prefix.length()).strip();
                    }
                }
                throw new AssertionError("instance " + number + " ended (exit " + process.waitFor() + ")");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** Reads up to the next {@code DONE} line. */
        Result result() {
            Map<Long, String> roles = new HashMap<>();
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    String[] words = line.split(" ");
                    if (words[0].equals("ROLE") || words[0].equals("RENAMED")) {
                        roles.put(Long.parseLong(words[1]), words[2]);
                    } else if (words[0].equals("DONE")) {
                        long ok = Long.parseLong(words[1].substring("ok=".length()));
                        Map<String, Long> failures = new HashMap<>();
                        for (int i = 2; i < words.length; i++) {
                            int eq = words[i].lastIndexOf('=');
                            failures.put(words[i].substring(0, eq), Long.parseLong(words[i].substring(eq + 1)));
                        }
                        return new Result(ok, failures, roles);
                    }
                }
                throw new AssertionError("instance " + number + " ended (exit " + process.waitFor() + ")");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        @Override
        public void close() {
            in.println("EXIT");
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** The system clock moved by a shift: the emulator's tokens expire when the test says, its QPS window runs on. */
    static final class ShiftedClock extends Clock {
        private volatile Duration shift = Duration.ZERO;

        void shift(Duration more) {
            shift = shift.plus(more);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(shift);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }
}
