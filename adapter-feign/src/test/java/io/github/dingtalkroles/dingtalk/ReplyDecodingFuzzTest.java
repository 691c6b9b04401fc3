package io.github.dingtalkroles.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleDirectoryException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the adapter's reply decoding: the envelope ({@link Reply}, {@link DingTalkErrors}: errcode,
 * sub_code, punish pages, HTML, status codes) and the success bodies ({@link RoleReplies}). Whatever
 * DingTalk (or a proxy in between) sends, decoding ends in a value or a typed failure, an
 * {@link AttemptFailed} carrying a port exception or a port exception itself; no unchecked exception
 * escapes and nothing hangs. A failure message never quotes the secret sent with the call.
 *
 * <p>Input layout: byte 0 picks the HTTP status, byte 1 the operation, the rest is the body. In plain
 * {@code verify} Jazzer runs the seeds in {@code src/test/resources/.../ReplyDecodingFuzzTestInputs/}
 * and the empty input (regression mode); {@code -Pfuzz} fuzzes (see the module README).
 */
class ReplyDecodingFuzzTest {
    private static final int[] STATUSES = {200, 200, 200, 200, 429, 500, 502, 503, 404, 400, 302, 204};
    private static final String SECRET = "s3cr3t-fuzz-token";

    @FuzzTest(maxDuration = "2m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anyReplyDecodesToAValueOrATypedFailure(byte[] input) {
        int status = input.length > 0 ? STATUSES[Byte.toUnsignedInt(input[0]) % STATUSES.length] : 200;
        int operation = input.length > 1 ? Byte.toUnsignedInt(input[1]) % 5 : 0;
        byte[] body = input.length > 2 ? Arrays.copyOfRange(input, 2, input.length) : new byte[0];
        try {
            decode(Reply.of(status, body), operation);
        } catch (AttemptFailed failed) {
            assertThat(failed.reported()).isNotNull();
            assertThat(failed.reported().getMessage()).doesNotContain(SECRET);
        } catch (RoleDirectoryException typed) {
            assertThat(typed.getMessage()).doesNotContain(SECRET);
        }
    }

    private static void decode(Reply reply, int operation) {
        DingTalkErrors.isTokenRejected(reply);
        reply.diagnostics();
        String name = switch (operation) {
            case 0 -> "add_role_group";
            case 1 -> "add_role";
            case 2 -> "update_role";
            case 3 -> "list";
            default -> "getrolegroup";
        };
        JsonNode ok = DingTalkErrors.successBody(reply, name, ErrorMapper.NONE, SECRET);
        switch (operation) {
            case 0 -> RoleReplies.newGroupId(ok);
            case 1 -> RoleReplies.newRoleId(ok);
            case 2 -> { }
            case 3 -> RoleReplies.page(PageRequest.first(PageRequest.MAX_SIZE), ok);
            default -> RoleReplies.group(RoleGroupId.of(1507113577L), ok);
        }
    }
}
