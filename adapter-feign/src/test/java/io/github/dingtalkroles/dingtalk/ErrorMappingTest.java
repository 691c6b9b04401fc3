package io.github.dingtalkroles.dingtalk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThan;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.dingtalkroles.dingtalk.Stubs.ADD_ROLE;
import static io.github.dingtalkroles.dingtalk.Stubs.ADD_ROLE_GROUP;
import static io.github.dingtalkroles.dingtalk.Stubs.GET_ROLE_GROUP;
import static io.github.dingtalkroles.dingtalk.Stubs.LIST;
import static io.github.dingtalkroles.dingtalk.Stubs.UPDATE_ROLE;
import static io.github.dingtalkroles.dingtalk.Stubs.error;
import static io.github.dingtalkroles.dingtalk.Stubs.group;
import static io.github.dingtalkroles.dingtalk.Stubs.groupRole;
import static io.github.dingtalkroles.dingtalk.Stubs.json;
import static io.github.dingtalkroles.dingtalk.Stubs.listReply;
import static io.github.dingtalkroles.dingtalk.Stubs.listRole;
import static io.github.dingtalkroles.dingtalk.Stubs.postAnswers;
import static io.github.dingtalkroles.dingtalk.Stubs.roleGroupReply;
import static io.github.dingtalkroles.dingtalk.Stubs.wrapped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.port.ConflictException;
import io.github.dingtalkroles.port.NotAuthorizedException;
import io.github.dingtalkroles.port.NotFoundException;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RejectedInputException;
import io.github.dingtalkroles.port.RoleDirectory;
import io.github.dingtalkroles.port.RoleDirectoryException;
import io.github.dingtalkroles.port.ThrottledException;
import io.github.dingtalkroles.port.UnavailableException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every errcode of the four API pages and every envelope failure becomes the port's typed exception. */
class ErrorMappingTest {

    @RegisterExtension
    static WireMockExtension dingTalk = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().notifier(new Slf4jNotifier(false)))
            .build();

    private final DingTalkRoleDirectory directory = Stubs.fastDirectory(dingTalk)
            .deadline(Duration.ofSeconds(3))
            .build();

    /** One operation of the port, with the endpoint it calls. */
    enum Operation {
        ADD_ROLE_GROUP(Stubs.ADD_ROLE_GROUP, d -> d.addRoleGroup(RoleGroupName.of("Ops"))),
        ADD_ROLE(Stubs.ADD_ROLE, d -> d.addRole(RoleGroupId.of(5), RoleName.of("Ops"))),
        RENAME_ROLE(Stubs.UPDATE_ROLE, d -> d.renameRole(RoleId.of(9), RoleName.of("Ops"))),
        LIST(Stubs.LIST, d -> d.listRoleGroups(PageRequest.first())),
        FIND(Stubs.GET_ROLE_GROUP, d -> d.findRoleGroup(RoleGroupId.of(5)));

        final String path;
        final Consumer<RoleDirectory> call;

        Operation(String path, Consumer<RoleDirectory> call) {
            this.path = path;
            this.call = call;
        }
    }

    static Stream<Arguments> documentedErrcodes() {
        return Stream.of(
                // /role/add_role_group (no page; the emulator's and our decision)
                Arguments.of(Operation.ADD_ROLE_GROUP, 34001, conflict(ConflictException.Reason.DUPLICATE_NAME)),
                // /role/add_role
                Arguments.of(Operation.ADD_ROLE, 34021, conflict(ConflictException.Reason.DUPLICATE_NAME)),
                Arguments.of(Operation.ADD_ROLE, 34020, notFound(NotFoundException.Subject.ROLE_GROUP)),
                Arguments.of(Operation.ADD_ROLE, 34022, conflict(ConflictException.Reason.IMMUTABLE_DEFAULT_GROUP)),
                Arguments.of(Operation.ADD_ROLE, 34018, type(RejectedInputException.class)),
                // /role/update_role
                Arguments.of(Operation.RENAME_ROLE, 33011, notFound(NotFoundException.Subject.ROLE)),
                Arguments.of(Operation.RENAME_ROLE, 660000, type(RejectedInputException.class)),
                Arguments.of(Operation.RENAME_ROLE, 33012, conflict(ConflictException.Reason.IMMUTABLE_DEFAULT_GROUP)),
                Arguments.of(Operation.RENAME_ROLE, 34021, conflict(ConflictException.Reason.DUPLICATE_NAME)),
                // /topapi/role/list
                Arguments.of(Operation.LIST, 40069, type(RejectedInputException.class)),
                Arguments.of(Operation.LIST, 40068, type(RejectedInputException.class)),
                Arguments.of(Operation.LIST, 400043, type(NotAuthorizedException.class)),
                // shared codes, on reads and on update_role
                Arguments.of(Operation.LIST, 40014, type(NotAuthorizedException.class)),
                Arguments.of(Operation.FIND, 42001, type(NotAuthorizedException.class)),
                Arguments.of(Operation.RENAME_ROLE, 41001, type(NotAuthorizedException.class)),
                Arguments.of(Operation.FIND, 60011, type(NotAuthorizedException.class)),
                Arguments.of(Operation.LIST, 90020, quotaExhausted()),
                Arguments.of(Operation.ADD_ROLE, 90020, quotaExhausted()),
                Arguments.of(Operation.LIST, 12345, type(RejectedInputException.class)),
                Arguments.of(Operation.ADD_ROLE, 12345, type(RejectedInputException.class)));
    }

    @ParameterizedTest(name = "{0} errcode {1}")
    @MethodSource("documentedErrcodes")
    void documentedErrcodesBecomeTypedExceptionsWithoutRetry(Operation operation, int errcode,
            Consumer<RoleDirectoryException> expectation) {
        postAnswers(dingTalk, operation.path, error(errcode, "refused"));

        RoleDirectoryException failure = failureOf(operation);

        expectation.accept(failure);
        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.backendCode()).contains(String.valueOf(errcode));
        assertThat(failure.requestId()).contains("req-" + errcode);
        dingTalk.verify(exactly(1), postRequestedFor(urlPathEqualTo(operation.path)));
    }

    static Stream<Arguments> transientReplies() {
        return Stream.of(
                Arguments.of("busy -1", error(-1, "System busy")),
                Arguments.of("system error 400001", error(400001, "System error")),
                Arguments.of("busy 1002", error(1002, "busy")),
                Arguments.of("errcode 15 with sub_code isp.-1",
                        json("{\"errcode\":15,\"sub_code\":\"isp.-1\",\"errmsg\":\"busy\"}")),
                Arguments.of("88 with sub_code -1", wrapped("-1", "busy")),
                Arguments.of("HTTP 503", aResponse().withStatus(503).withBody("Service Unavailable")),
                Arguments.of("HTTP 502 HTML", aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")),
                Arguments.of("empty body", aResponse().withStatus(200)),
                Arguments.of("truncated JSON", json("{\"errcode\":0,\"result\":{\"hasMore\":fal")),
                Arguments.of("plain text", json("OK")),
                Arguments.of("JSON array", json("[1,2]")),
                Arguments.of("no errcode", json("{\"errmsg\":\"ok\",\"result\":{\"hasMore\":false,\"list\":[]}}")),
                Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
                Arguments.of("empty response", aResponse().withFault(Fault.EMPTY_RESPONSE)),
                Arguments.of("malformed chunk", aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)),
                Arguments.of("random data", aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transientReplies")
    void transientFailuresAreRetriedThenReportedAsUnavailable(String description, ResponseDefinitionBuilder reply) {
        postAnswers(dingTalk, LIST, reply);

        RoleDirectoryException failure = failureOf(Operation.LIST);

        assertThat(failure).isInstanceOf(UnavailableException.class);
        assertThat(failure.isRetryable()).isTrue();
        assertThat(((UnavailableException) failure).isOutcomeUnknown()).isFalse();
        dingTalk.verify(moreThan(1), postRequestedFor(urlPathEqualTo(LIST)));
    }

    static Stream<Arguments> throttlingReplies() {
        return Stream.of(
                Arguments.of("90018", error(90018, "qps")),
                Arguments.of("90006", error(90006, "per minute")),
                Arguments.of("90005", error(90005, "per minute")),
                Arguments.of("90002", error(90002, "global")),
                Arguments.of("88 with sub_code 90002", wrapped("90002", "throttled")),
                Arguments.of("HTML ban page", aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("<!DOCTYPE html><html><body>denied</body></html>")),
                Arguments.of("HTTP 429", aResponse().withStatus(429)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("throttlingReplies")
    void throttlingIsRetriedAfterTheWaitThenReportedAsThrottled(String description, ResponseDefinitionBuilder reply) {
        postAnswers(dingTalk, LIST, reply);

        RoleDirectoryException failure = failureOf(Operation.LIST);

        assertThat(failure).isInstanceOfSatisfying(ThrottledException.class, throttled -> {
            assertThat(throttled.isQuotaExhausted()).isFalse();
            assertThat(throttled.isRetryable()).isTrue();
        });
        dingTalk.verify(exactly(4), postRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void aPunishPageIsThrottlingWithTheServersWait() {
        postAnswers(dingTalk, LIST, json("{\"status\":1111,\"wait\":5,\"punish\":\"deny\",\"msg\":\"slow down\"}"));

        RoleDirectoryException failure = failureOf(Operation.LIST);

        assertThat(failure).isInstanceOfSatisfying(ThrottledException.class,
                throttled -> assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(5)));
        // a 5 s wait does not fit the 3 s deadline: reported at once rather than waited for
        dingTalk.verify(exactly(1), postRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void wrappedErrcodesKeepTheSubCode() {
        postAnswers(dingTalk, LIST, wrapped("60020", "ip not in whitelist"));

        RoleDirectoryException failure = failureOf(Operation.LIST);

        assertThat(failure).isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("errcode 88, sub_code 60020, request_id req-88");
        assertThat(failure.diagnostics().subCodeIfPresent()).contains("60020");
    }

    @Test
    void undocumentedErrcodesQuoteDingTalksMessage() {
        postAnswers(dingTalk, LIST, wrapped("isv.unknown", "something odd"));

        RoleDirectoryException failure = failureOf(Operation.LIST);

        assertThat(failure).isInstanceOf(RejectedInputException.class)
                .hasMessageContaining("something odd").hasMessageContaining("sub_code isv.unknown");
    }

    @Test
    void otherClientErrorStatusesAreNotRetried() {
        postAnswers(dingTalk, LIST, aResponse().withStatus(404).withBody("not here"));

        RoleDirectoryException failure = failureOf(Operation.LIST);

        assertThat(failure).isInstanceOf(UnavailableException.class).hasMessageContaining("HTTP 404");
        assertThat(failure.isRetryable()).isFalse();
        dingTalk.verify(exactly(1), postRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void anUnknownGroupIsEmptyNotAnError() {
        postAnswers(dingTalk, GET_ROLE_GROUP, error(400002, "Invalid parameter"));

        assertThat(directory.findRoleGroup(RoleGroupId.of(5))).isEmpty();
    }

    static Stream<Arguments> invalidData() {
        return Stream.of(
                Arguments.of(Operation.LIST, listReply(false, group(1, " ", ""))),
                Arguments.of(Operation.LIST, listReply(false, group(0, "Sales", ""))),
                Arguments.of(Operation.LIST, listReply(false, group(1, "Sales", listRole(2, "A") + "," + listRole(3, "A")))),
                Arguments.of(Operation.LIST, Stubs.ok("\"result\":{\"list\":[]}")),
                Arguments.of(Operation.LIST, Stubs.ok("")),
                Arguments.of(Operation.LIST, Stubs.ok("\"result\":{\"hasMore\":false,\"list\":[{\"name\":\"x\"}]}")),
                Arguments.of(Operation.FIND, roleGroupReply("Sales", groupRole(-4, "A"))),
                Arguments.of(Operation.FIND, roleGroupReply("Sales", groupRole(4, "x".repeat(65)))),
                Arguments.of(Operation.FIND, Stubs.ok("")));
    }

    @ParameterizedTest(name = "{0} {index}")
    @MethodSource("invalidData")
    void dataTheDomainRefusesIsReportedAsUnavailableNotAsInvariantViolation(Operation operation,
            ResponseDefinitionBuilder reply) {
        postAnswers(dingTalk, operation.path, reply);

        RoleDirectoryException failure = failureOf(operation);

        assertThat(failure).isInstanceOf(UnavailableException.class).hasMessageContaining("invalid data");
        assertThat(failure.isRetryable()).isFalse();
        dingTalk.verify(exactly(1), postRequestedFor(urlPathEqualTo(operation.path)));
    }

    @Test
    void aPageLargerThanAskedForIsInvalidData() {
        postAnswers(dingTalk, LIST, listReply(false, group(1, "A", ""), group(2, "B", "")));

        Throwable failure = catchThrowable(() -> directory.listRoleGroups(PageRequest.first(1)));

        assertThat(failure).isInstanceOf(UnavailableException.class).hasMessageContaining("invalid data");
    }

    @Test
    void addOperationsTreatTheDefaultGroupAndDuplicatesAsConflicts() {
        postAnswers(dingTalk, ADD_ROLE, error(34022, "Roles cannot be added to the Default group"));
        postAnswers(dingTalk, ADD_ROLE_GROUP, error(34001, "The role group name already exists"));
        postAnswers(dingTalk, UPDATE_ROLE, error(33012, "Roles in the Default group cannot be modified"));

        assertThat(failureOf(Operation.ADD_ROLE)).isInstanceOfSatisfying(ConflictException.class,
                c -> assertThat(c.reason()).isEqualTo(ConflictException.Reason.IMMUTABLE_DEFAULT_GROUP));
        assertThat(failureOf(Operation.ADD_ROLE_GROUP)).isInstanceOfSatisfying(ConflictException.class,
                c -> assertThat(c.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_NAME));
        assertThat(failureOf(Operation.RENAME_ROLE)).isInstanceOfSatisfying(ConflictException.class,
                c -> assertThat(c.reason()).isEqualTo(ConflictException.Reason.IMMUTABLE_DEFAULT_GROUP));
    }

    private RoleDirectoryException failureOf(Operation operation) {
        Throwable thrown = catchThrowable(() -> operation.call.accept(directory));
        assertThat(thrown).isInstanceOf(RoleDirectoryException.class);
        for (Throwable t = thrown.getCause(); t != null; t = t.getCause()) {
            assertThat(t.getClass().getName()).as("no technology exception in the cause chain")
                    .doesNotStartWith("feign.").doesNotStartWith("com.fasterxml.");
        }
        return (RoleDirectoryException) thrown;
    }

    private static Consumer<RoleDirectoryException> type(Class<? extends RoleDirectoryException> type) {
        return failure -> assertThat(failure).isInstanceOf(type);
    }

    private static Consumer<RoleDirectoryException> conflict(ConflictException.Reason reason) {
        return failure -> assertThat(failure).isInstanceOfSatisfying(ConflictException.class,
                c -> assertThat(c.reason()).isEqualTo(reason));
    }

    private static Consumer<RoleDirectoryException> notFound(NotFoundException.Subject subject) {
        return failure -> assertThat(failure).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.subject()).isEqualTo(subject));
    }

    private static Consumer<RoleDirectoryException> quotaExhausted() {
        return failure -> assertThat(failure).isInstanceOfSatisfying(ThrottledException.class,
                e -> assertThat(e.isQuotaExhausted()).isTrue());
    }
}
