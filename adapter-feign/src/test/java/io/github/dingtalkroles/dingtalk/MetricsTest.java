package io.github.dingtalkroles.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.emulator.DingTalkEmulator;
import io.github.dingtalkroles.emulator.EmulatorFault;
import io.github.dingtalkroles.emulator.EmulatorOperation;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.port.PageRequest;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The meters a directory records in a Micrometer registry, after a scripted run against the emulator over
 * HTTP with faults: two busy replies (two retries), one throttled call (one throttling wait), one expired
 * token (one refusal, a second token fetch) and one lost add reply (one reconciliation that finds the role).
 */
class MetricsTest {
    private static final String APP_KEY = "metrics-app";
    private static final String APP_SECRET = "metrics-5ecret";

    private final DingTalkEmulator emulator = DingTalkEmulator.builder()
            .directory(InMemoryRoleDirectory.create())
            .appCredentials(APP_KEY, APP_SECRET)
            .start();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aScriptedRunWithFaultsShowsInTheMeters() {
        emulator.faults()
                .next(EmulatorOperation.LIST_ROLES, EmulatorFault.BUSY, 2)
                .next(EmulatorOperation.ADD_ROLE_GROUP, EmulatorFault.THROTTLED, 1)
                .next(EmulatorOperation.ADD_ROLE, EmulatorFault.COMMIT_THEN_BUSY, 1)
                .next(EmulatorOperation.UPDATE_ROLE, EmulatorFault.TOKEN_EXPIRED, 1);
        try (DingTalkRoleDirectory directory = DingTalkRoleDirectory.builder()
                .baseUrl(emulator.baseUrl())
                .appCredentials(APP_KEY, AppSecret.of(APP_SECRET))
                .backoff(Duration.ofMillis(5))
                .throttlingWait(Duration.ofMillis(20))
                .rateLimit(100)
                .metrics(MicrometerDingTalkMetrics.of(registry))
                .build()) {

            directory.listRoleGroups(PageRequest.first());
            RoleGroup group = directory.addRoleGroup(RoleGroupName.of("HR"));
            Role role = directory.addRole(group.id(), RoleName.of("Recruiter"));
            directory.renameRole(role.id(), RoleName.of("Talent Partner"));
        }

        assertThat(count("dingtalk.roles.retries", "operation", "list")).isEqualTo(2);
        assertThat(count("dingtalk.roles.retries", "operation", "add_role_group")).isEqualTo(1);
        assertThat(count("dingtalk.roles.retries", "operation", "add_role")).isEqualTo(1);
        assertThat(registry.get("dingtalk.roles.throttling.waits").tag("operation", "add_role_group").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("dingtalk.roles.throttling.waits").timer().totalTime(TimeUnit.MILLISECONDS))
                .isGreaterThanOrEqualTo(20);
        assertThat(registry.get("dingtalk.roles.token.refusals").counter().count()).isEqualTo(1);
        assertThat(registry.get("dingtalk.roles.token.fetches").tag("outcome", "success").counter().count())
                .isEqualTo(2);
        assertThat(count("dingtalk.roles.reconciliations", "result", "found")).isEqualTo(1);
        assertThat(calls("list", "unavailable", "-1")).isEqualTo(2);
        assertThat(calls("list", "success", "0")).isEqualTo(1);
        assertThat(calls("add_role_group", "throttled", "90018")).isEqualTo(1);
        assertThat(calls("update_role", "not_authorized", "40014")
                + calls("update_role", "not_authorized", "88")).isEqualTo(1);
        assertThat(calls("update_role", "success", "0")).isEqualTo(1);
        assertThat(calls("gettoken", "success", "0")).isEqualTo(2);
        assertThat(registry.get("dingtalk.roles.rate.limit.waits").timers()).isNotEmpty();
        // bounded tags only: endpoint, outcome, errcode, operation, result; never an id, a name or a secret
        for (Meter meter : registry.getMeters()) {
            meter.getId().getTags().forEach(tag -> assertThat(tag.getKey())
                    .isIn("endpoint", "outcome", "errcode", "operation", "result"));
            assertThat(meter.getId().toString()).doesNotContain(APP_SECRET).doesNotContain("HR")
                    .doesNotContain("Recruiter").doesNotContain("Talent");
        }
    }

    private double count(String name, String key, String value) {
        return registry.get(name).tag(key, value).counter().count();
    }

    private long calls(String endpoint, String outcome, String errcode) {
        var timer = registry.find("dingtalk.roles.calls").tags("endpoint", endpoint, "outcome", outcome,
                "errcode", errcode).timer();
        return timer == null ? 0 : timer.count();
    }
}
