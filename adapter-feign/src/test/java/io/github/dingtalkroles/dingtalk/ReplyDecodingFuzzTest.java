package io.github.dingtalkroles.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleDirectoryException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Fuzzes the adapter's reply decoding through its public behaviour: bytes on the wire in (a Feign client
 * that answers with them, {@link CannedReplies}), a domain value or a port exception out. Whatever DingTalk
 * (or a proxy in between) sends, every operation ends in a value or a {@link RoleDirectoryException}; no
 * other exception escapes, nothing hangs, and no message or diagnostic quotes the access token or app
 * secret sent with the call, not even when the reply echoes it.
 *
 * <p>Input layout: byte 0 picks the HTTP status, byte 1 the operation, the rest is the body. In plain
 * {@code verify} Jazzer runs the seeds in {@code src/test/resources/.../ReplyDecodingFuzzTestInputs/}
 * and the empty input (regression mode); {@code -Pfuzz} fuzzes (see the module README).
 */
class ReplyDecodingFuzzTest {
    private static final int[] STATUSES = {200, 200, 200, 200, 429, 500, 502, 503, 404, 400, 302, 204};
    private static final String SECRET = "s3cr3t-fuzz-app-secret";
    /**
     * Each seed must be decided within this time (a hang fails it). Only in regression mode: while
     * fuzzing, JUnit would apply a {@code @Timeout} to the whole run (jazzer#930), and the fuzz profile's
     * fork timeout catches a hang instead.
     */
    private static final Duration PER_INPUT = Duration.ofSeconds(10);
    private static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null && !System.getenv("JAZZER_FUZZ").isBlank();

    @FuzzTest(maxDuration = "90s")
    void anyReplyDecodesToAValueOrATypedFailure(byte[] input) {
        if (FUZZING) {
            decodeAny(input);
        } else {
            assertTimeoutPreemptively(PER_INPUT, () -> decodeAny(input), "a hang");
        }
    }

    private static void decodeAny(byte[] input) {
        int status = input.length > 0 ? STATUSES[Byte.toUnsignedInt(input[0]) % STATUSES.length] : 200;
        int operation = input.length > 1 ? Byte.toUnsignedInt(input[1]) % 6 : 0;
        byte[] body = input.length > 2 ? Arrays.copyOfRange(input, 2, input.length) : new byte[0];
        CannedReplies wire = new CannedReplies(status, body);
        try (DingTalkRoleDirectory directory = wire.directory()) {
            switch (operation) {
                case 0 -> directory.addRoleGroup(RoleGroupName.of("G"));
                case 1 -> directory.addRole(RoleGroupId.of(1507113577L), RoleName.of("R"));
                case 2 -> directory.renameRole(RoleId.of(1507113580L), RoleName.of("R"));
                case 3 -> directory.listRoleGroups(PageRequest.first(PageRequest.MAX_SIZE));
                case 4 -> directory.findRoleGroup(RoleGroupId.of(1507113577L));
                default -> wire.tokenSource(SECRET).currentToken();
            }
        } catch (RoleDirectoryException typed) {
            assertThat(typed.getMessage()).doesNotContain(CannedReplies.TOKEN).doesNotContain(SECRET);
            assertThat(typed.requestId().orElse("")).doesNotContain(CannedReplies.TOKEN).doesNotContain(SECRET);
            assertThat(typed.diagnostics().subCodeIfPresent().orElse("")).doesNotContain(CannedReplies.TOKEN)
                    .doesNotContain(SECRET);
        }
    }
}
