package io.github.dingtalkroles.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dingtalkroles.domain.Department;
import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.domain.Employee;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.emulator.DingTalkEmulator;
import io.github.dingtalkroles.emulator.EmulatorFault;
import io.github.dingtalkroles.emulator.EmulatorOperation;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The most verbose output the CLI can make ({@code --verbose}: the library's DEBUG log with every HTTP
 * request and reply, and stack traces) in real processes, while the emulator refuses tokens, is busy
 * and drops connections: stdout and stderr never show the app secret, the fixed token or any token
 * the emulator issued (32 hex digits).
 */
class VerboseOutputSecretsTest {
    private static final String KEY = "cli-verbose-app";
    private static final String SECRET = "cli-verbose-5ecret-41d0";
    private static final String FIXED_TOKEN = "cli-verbose-t0ken-93be";
    private static final Pattern ISSUED_TOKEN = Pattern.compile("(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])");

    @TempDir
    Path dir;
    private final InMemoryRoleDirectory directory = InMemoryRoleDirectory.builder()
            .department(new Department(DeptId.of(12), "Sales"))
            .employee(new Employee(UserId.of("ann"), "Ann", List.of(DeptId.of(12))))
            .build();
    private DingTalkEmulator emulator;
    private RoleGroup hr;
    private Role recruiter;

    @BeforeEach
    void startEmulator() {
        hr = directory.addRoleGroup(RoleGroupName.of("HR"));
        recruiter = directory.addRole(hr.id(), RoleName.of("Recruiter"));
        emulator = DingTalkEmulator.builder().directory(directory).appCredentials(KEY, SECRET).accessToken(FIXED_TOKEN)
                .start();
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run roles(boolean fixedToken, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), RolesCli.class.getName(), "--verbose", "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("ROLES_BACKEND", "dingtalk");
        builder.environment().put("DINGTALK_BASE_URL", emulator.baseUrl());
        if (fixedToken) {
            builder.environment().put("DINGTALK_ACCESS_TOKEN", FIXED_TOKEN);
        } else {
            builder.environment().put("DINGTALK_APP_KEY", KEY);
            builder.environment().put("DINGTALK_APP_SECRET", SECRET);
        }
        Process process = builder.start();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        Run run = new Run(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
        String all = run.out() + run.err();
        assertThat(all).as("output of roles " + List.of(args)).doesNotContain(SECRET, FIXED_TOKEN);
        assertThat(ISSUED_TOKEN.matcher(all).find()).as("an issued token in the output of roles " + List.of(args)
                + ":\n" + all).isFalse();
        assertThat(run.err()).as("--verbose logs the HTTP traffic, masked").contains("DEBUG", "access_token=****");
        return run;
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void verboseOutputOfEverySubcommandThroughRefusedTokensAndRetriesHoldsNoSecret() throws Exception {
        String group = Long.toString(hr.id().value());
        String role = Long.toString(recruiter.id().value());
        Map<EmulatorOperation, String[]> commands = new LinkedHashMap<>();
        commands.put(EmulatorOperation.ADD_ROLE_GROUP, new String[] {"add-group", "--name", "Finance"});
        commands.put(EmulatorOperation.ADD_ROLE, new String[] {"add-role", "--group-id", group, "--name", "Payroll"});
        commands.put(EmulatorOperation.UPDATE_ROLE, new String[] {"update-role", "--role-id", role, "--name", "Talent"});
        commands.put(EmulatorOperation.LIST_ROLES, new String[] {"list", "--all"});
        commands.put(EmulatorOperation.GET_ROLE_GROUP, new String[] {"get-group", "--group-id", group});
        commands.put(EmulatorOperation.GET_ROLE, new String[] {"get-role", "--role-id", role});
        commands.put(EmulatorOperation.GRANT_ROLES, new String[] {"grant", "--role-id", role, "--user-id", "ann"});
        commands.put(EmulatorOperation.UPDATE_SCOPE, new String[] {"set-scope", "--role-id", role, "--user-id", "ann",
                "--dept-id", "12"});
        commands.put(EmulatorOperation.LIST_MEMBERS, new String[] {"members", "--role-id", role, "--all"});
        commands.put(EmulatorOperation.REVOKE_ROLES, new String[] {"revoke", "--role-id", role, "--user-id", "ann"});
        commands.put(EmulatorOperation.DELETE_ROLE, new String[] {"delete-role", "--role-id", role});
        for (Map.Entry<EmulatorOperation, String[]> command : commands.entrySet()) {
            // a refused token (renewed and replayed), then three lost replies: the fourth attempt succeeds
            emulator.faults().next(command.getKey(), EmulatorFault.TOKEN_EXPIRED, 1).next(command.getKey(), EmulatorFault.BUSY, 1)
                    .next(command.getKey(), EmulatorFault.DROP_CONNECTION, 1).next(command.getKey(), EmulatorFault.TRUNCATED_JSON, 1);

            Run run = roles(false, command.getValue());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).contains("/gettoken?appkey=" + KEY + "&appsecret=****");
            emulator.faults().clear();
        }
        assertThat(directory.findRole(recruiter.id())).as("the last command, delete-role, took effect").isEmpty();
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void verboseStackTracesOfFailuresHoldNoSecret() throws Exception {
        emulator.faults().next(EmulatorOperation.LIST_ROLES, EmulatorFault.HTTP_500, 100);
        Run unavailable = roles(false, "list");
        emulator.faults().clear();
        emulator.faults().next(EmulatorOperation.GET_ROLE_GROUP, EmulatorFault.TOKEN_EXPIRED, 100);
        Run refused = roles(true, "get-group", "--group-id", Long.toString(hr.id().value()));
        emulator.faults().clear();

        assertThat(unavailable.exitCode()).isEqualTo(6);
        assertThat(unavailable.err()).contains("UnavailableException", "\tat ");
        assertThat(refused.exitCode()).isEqualTo(5);
        assertThat(refused.err()).contains("NotAuthorizedException", "\tat ");
    }
}
