package io.github.dingtalkroles.dingtalk;

import io.github.dingtalkroles.emulator.DingTalkEmulator;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.port.RoleDirectory;
import io.github.dingtalkroles.testkit.RoleDirectoryContract;
import java.time.Duration;

/**
 * The whole contract, end to end over HTTP: DingTalkRoleDirectory → DingTalk emulator →
 * InMemoryRoleDirectory. The emulator is written from DingTalk's API pages, not from this adapter,
 * so a shared misreading of the wire format would have to be made twice to pass unnoticed.
 */
class DingTalkRoleDirectoryContractTest extends RoleDirectoryContract {
    private static final String APP_KEY = "contract-app";
    private static final String APP_SECRET = "contract-secret";

    private DingTalkEmulator emulator;

    @Override
    protected RoleDirectory newDirectory() {
        emulator = DingTalkEmulator.builder()
                .directory(InMemoryRoleDirectory.create())
                .appCredentials(APP_KEY, APP_SECRET)
                .start();
        return DingTalkRoleDirectory.builder()
                .baseUrl(emulator.baseUrl())
                .appCredentials(APP_KEY, AppSecret.of(APP_SECRET))
                .backoff(Duration.ofMillis(10))
                .noRateLimit() // rate limiting has its own tests; here it would only slow the suite down
                .build();
    }

    @Override
    protected void closeDirectory(RoleDirectory directory) {
        emulator.close();
    }
}
