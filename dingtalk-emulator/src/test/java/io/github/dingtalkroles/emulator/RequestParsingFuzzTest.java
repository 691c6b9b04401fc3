package io.github.dingtalkroles.emulator;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Fuzzes the emulator's request parsing ({@link Params}: query strings, form and JSON bodies, content
 * types and charsets) and the role endpoints that read the parsed fields ({@link RoleApi}): whatever
 * the bytes, the only failure is a {@link WireException} (which the handler answers as an errcode);
 * no unchecked exception escapes and nothing hangs.
 *
 * <p>Input layout: byte 0 picks the endpoint, byte 1 the content type, the rest is the body (and,
 * from its first {@code '\n'} on, the query string). In plain {@code verify} Jazzer runs the seeds in
 * {@code src/test/resources/.../RequestParsingFuzzTestInputs/} and the empty input (regression mode);
 * {@code -Pfuzz} fuzzes (see the module README).
 */
class RequestParsingFuzzTest {
    private static final EmulatorOperation[] ROLE_ENDPOINTS = {EmulatorOperation.ADD_ROLE_GROUP, EmulatorOperation.ADD_ROLE, EmulatorOperation.UPDATE_ROLE,
            EmulatorOperation.LIST_ROLES, EmulatorOperation.GET_ROLE_GROUP};
    private static final String[] CONTENT_TYPES = {null, "application/json", "application/json;charset=UTF-8",
            "application/x-www-form-urlencoded", "application/x-www-form-urlencoded;charset=utf-8",
            "application/x-www-form-urlencoded;charset=ISO-8859-1", "application/x-www-form-urlencoded;charset=UTF-16",
            "text/plain", "application/x-www-form-urlencoded;charset=\"no-such\"", "multipart/form-data; boundary=x"};

    /**
     * Each seed must be decided within this time (a hang fails it). Only in regression mode: while
     * fuzzing, JUnit would apply a {@code @Timeout} to the whole run (jazzer#930), and the fuzz profile's
     * fork timeout catches a hang instead.
     */
    private static final Duration PER_INPUT = Duration.ofSeconds(10);
    private static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null && !System.getenv("JAZZER_FUZZ").isBlank();

    private static final RoleApi ROLES = new RoleApi(InMemoryRoleDirectory.create(), null);

    @FuzzTest(maxDuration = "90s")
    void anyRequestIsParsedOrRefusedWithAWireError(byte[] input) {
        if (FUZZING) {
            parseAny(input);
        } else {
            assertTimeoutPreemptively(PER_INPUT, () -> parseAny(input), "a hang");
        }
    }

    private static void parseAny(byte[] input) {
        if (input.length < 2) {
            parse(EmulatorOperation.ADD_ROLE, null, input, null);
            return;
        }
        EmulatorOperation endpoint = ROLE_ENDPOINTS[Byte.toUnsignedInt(input[0]) % ROLE_ENDPOINTS.length];
        String contentType = CONTENT_TYPES[Byte.toUnsignedInt(input[1]) % CONTENT_TYPES.length];
        byte[] rest = Arrays.copyOfRange(input, 2, input.length);
        int newline = indexOf(rest, (byte) '\n');
        byte[] body = newline < 0 ? rest : Arrays.copyOfRange(rest, 0, newline);
        String query = newline < 0 ? null
                : new String(rest, newline + 1, rest.length - newline - 1, StandardCharsets.ISO_8859_1);
        parse(endpoint, contentType, body, query);
    }

    private static void parse(EmulatorOperation endpoint, String contentType, byte[] body, String query) {
        try {
            Params.query(query);
            ROLES.call(endpoint, Params.body(body, contentType));
        } catch (WireException refused) {
            // the emulator answers this as an errcode: the expected way to refuse bad input
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
