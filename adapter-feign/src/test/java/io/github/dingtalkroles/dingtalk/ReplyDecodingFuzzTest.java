package io.github.dingtalkroles.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleDirectoryException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Fuzzes the adapter's reply decoding: the envelope ({@link Reply}, {@link DingTalkErrors}: errcode,
 * sub_code, punish pages, HTML, status codes) and the success bodies ({@link RoleReplies}), read in
 * one pass; the envelope read alone must be the same as the one read with a body reader. Whatever
 * DingTalk (or a proxy in between) sends, decoding ends in a value or a typed failure, an
 * {@link AttemptFailed} carrying a port exception or a port exception itself; no unchecked exception
 * escapes and nothing hangs. An envelope failure never quotes the secret sent with the call, not even
 * when the reply echoes it in sub_code or request_id.
 *
 * <p>Input layout: byte 0 picks the HTTP status, byte 1 the operation, the rest is the body. In plain
 * {@code verify} Jazzer runs the seeds in {@code src/test/resources/.../ReplyDecodingFuzzTestInputs/}
 * and the empty input (regression mode); {@code -Pfuzz} fuzzes (see the module README).
 */
class ReplyDecodingFuzzTest {
    private static final int[] STATUSES = {200, 200, 200, 200, 429, 500, 502, 503, 404, 400, 302, 204};
    private static final String SECRET = "s3cr3t-fuzz-token";
    private static final String[] OPERATIONS = {"add_role_group", "add_role", "update_role", "list", "getrolegroup",
            "gettoken"};
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
        int operation = input.length > 1 ? Byte.toUnsignedInt(input[1]) % OPERATIONS.length : 0;
        byte[] body = input.length > 2 ? Arrays.copyOfRange(input, 2, input.length) : new byte[0];
        Reply alone = Reply.of(status, body);
        DingTalkErrors.isTokenRejected(alone);
        BodyReader<?> reader = switch (operation) {
            case 0 -> RoleReplies.newGroupId();
            case 1 -> RoleReplies.newRoleId();
            case 2 -> BodyReader.nothing();
            case 3 -> RoleReplies.page(PageRequest.first(PageRequest.MAX_SIZE));
            case 4 -> RoleReplies.group(RoleGroupId.of(1507113577L));
            default -> AppCredentialsTokenSource.TokenReply.reader();
        };
        Reply reply = Reply.of(status, body, reader);
        // feeding the body's reader (which may fail anywhere) never changes what the envelope says
        assertThat(reply.envelope()).isEqualTo(alone.envelope());
        try {
            DingTalkErrors.success(reply, reader, OPERATIONS[operation], ErrorMapper.NONE, SECRET);
        } catch (AttemptFailed failed) {
            // the envelope's failures (and a confirmed add without id): the adapter has the call's secret
            // at hand and must keep it out
            assertThat(failed.reported()).isNotNull();
            assertThat(failed.reported().getMessage()).doesNotContain(SECRET);
        } catch (RoleDirectoryException typed) {
            // data the domain refuses (it may quote the refused name); the request_id is masked already
            assertThat(typed.requestId().orElse("")).doesNotContain(SECRET);
        }
    }
}
