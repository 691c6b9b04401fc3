package io.github.dingtalkroles.localfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.inmemory.DirectorySnapshot;
import io.github.dingtalkroles.port.UnavailableException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The store across real processes: concurrent writers, and writers killed mid-write. */
class LocalFileProcessTest {
    /**
     * Writers killed per run: 6 in plain verify; more with -Droles.store.killRounds=N (about one second
     * each, so up to about 100 fit the test's time-out) and other kill times with -Droles.store.killSeed=S.
     */
    private static final int KILL_ROUNDS = Integer.getInteger("roles.store.killRounds", 6);

    @TempDir
    Path dir;

    private static ProcessBuilder java(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), StoreProcesses.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void sixteenProcessesAddingRolesAtOnceLeaveSixteenRoles() throws Exception {
        Path store = dir.resolve("directory.json");
        RoleGroup hr = LocalFileRoleDirectory.builder(store).build().addRoleGroup(RoleGroupName.of("HR"));

        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            processes.add(java("add-role", store.toString(), Long.toString(hr.id().value()), "role-" + i)
                    .redirectOutput(dir.resolve("out-" + i + ".txt").toFile()).start());
        }
        for (Process p : processes) {
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        }

        assertThat(processes).allSatisfy(p -> assertThat(p.exitValue()).isZero());
        DirectorySnapshot snapshot = StoreFormat.read(Files.readAllBytes(store));
        RoleGroup after = snapshot.groups().stream().filter(g -> g.id().equals(hr.id())).findFirst().orElseThrow();
        assertThat(after.roles()).extracting(r -> r.name().value())
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 16).mapToObj(i -> "role-" + i).toList());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aProcessHoldingTheLockBlocksWritesOnlyForTheLockTimeoutAndReadsNotAtAll() throws Exception {
        Path store = dir.resolve("directory.json");
        LocalFileRoleDirectory directory = LocalFileRoleDirectory.builder(store)
                .lockTimeout(Duration.ofMillis(300)).build();
        directory.addRoleGroup(RoleGroupName.of("HR"));
        Process holder = java("hold-lock", store.toString()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("locked");

            assertThatThrownBy(() -> directory.addRoleGroup(RoleGroupName.of("Payroll")))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessageContaining(store + ".lock")
                    .hasMessageContaining("300 ms")
                    .cause().isInstanceOfSatisfying(StoreFileException.class,
                            e -> assertThat(e.reason()).isEqualTo(StoreFileException.Reason.LOCKED));
            assertThat(directory.allRoleGroups()).hasSize(2);
        } finally {
            holder.destroyForcibly().waitFor();
        }
        assertThat(directory.addRoleGroup(RoleGroupName.of("Payroll")).name().value()).isEqualTo("Payroll");
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aWriterKilledAtAnyMomentLeavesTheOldOrTheNewStateNeverATornFile() throws Exception {
        Path store = dir.resolve("directory.json");
        LocalFileRoleDirectory.builder(store).build().addRoleGroup(RoleGroupName.of("W0"));
        Random random = new Random(Long.getLong("roles.store.killSeed", 42));
        int previousCount = -1;
        for (int round = 0; round < KILL_ROUNDS; round++) {
            Process writer = java("write-forever", store.toString()).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat(out.readLine()).isEqualTo("writing");
                // Let it write for a while, then kill it (SIGKILL) wherever it is.
                Thread.sleep(400 + random.nextInt(600));
                writer.destroyForcibly().waitFor();
            }

            DirectorySnapshot snapshot = StoreFormat.read(Files.readAllBytes(store));
            List<String> written = snapshot.groups().stream().filter(g -> !g.isDefault())
                    .map(g -> g.name().value()).toList();
            assertThat(written).containsExactlyElementsOf(
                    IntStream.range(0, written.size()).mapToObj(i -> "W" + i).toList());
            assertThat(written.size()).isGreaterThanOrEqualTo(Math.max(previousCount, 0));
            previousCount = written.size();
        }
        assertThat(previousCount).isPositive();
    }
}
