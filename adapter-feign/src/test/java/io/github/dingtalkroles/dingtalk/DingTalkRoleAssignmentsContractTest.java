package io.github.dingtalkroles.dingtalk;

import io.github.dingtalkroles.domain.Department;
import io.github.dingtalkroles.domain.Employee;
import io.github.dingtalkroles.emulator.DingTalkEmulator;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.testkit.RoleAssignmentsContract;
import java.time.Duration;
import java.util.List;

/**
 * The membership contract, end to end over HTTP: DingTalkRoleDirectory → DingTalk emulator (DingTalk's
 * per-call limits enforced) → InMemoryRoleDirectory with the kit's roster.
 */
class DingTalkRoleAssignmentsContractTest extends RoleAssignmentsContract {
    private static final String APP_KEY = "contract-app";
    private static final String APP_SECRET = "contract-secret";

    private DingTalkEmulator emulator;
    private DingTalkRoleDirectory directory;

    @Override
    protected Backend newBackend(List<Department> departments, List<Employee> employees) {
        InMemoryRoleDirectory.Builder roster = InMemoryRoleDirectory.builder();
        departments.forEach(roster::department);
        employees.forEach(roster::employee);
        emulator = DingTalkEmulator.builder()
                .directory(roster.build())
                .appCredentials(APP_KEY, APP_SECRET)
                .start();
        directory = DingTalkRoleDirectory.builder()
                .baseUrl(emulator.baseUrl())
                .appCredentials(APP_KEY, AppSecret.of(APP_SECRET))
                .backoff(Duration.ofMillis(10))
                .noRateLimit()
                .build();
        return new Backend(directory, directory);
    }

    @Override
    protected void closeBackend(Backend backend) {
        directory.close();
        emulator.close();
    }
}
