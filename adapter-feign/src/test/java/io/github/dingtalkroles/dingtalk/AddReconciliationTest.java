package io.github.dingtalkroles.dingtalk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.dingtalkroles.dingtalk.Stubs.ADD_ROLE;
import static io.github.dingtalkroles.dingtalk.Stubs.ADD_ROLE_GROUP;
import static io.github.dingtalkroles.dingtalk.Stubs.GET_ROLE_GROUP;
import static io.github.dingtalkroles.dingtalk.Stubs.LIST;
import static io.github.dingtalkroles.dingtalk.Stubs.error;
import static io.github.dingtalkroles.dingtalk.Stubs.group;
import static io.github.dingtalkroles.dingtalk.Stubs.groupRole;
import static io.github.dingtalkroles.dingtalk.Stubs.json;
import static io.github.dingtalkroles.dingtalk.Stubs.listReply;
import static io.github.dingtalkroles.dingtalk.Stubs.ok;
import static io.github.dingtalkroles.dingtalk.Stubs.postAnswers;
import static io.github.dingtalkroles.dingtalk.Stubs.roleGroupReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.port.ConflictException;
import io.github.dingtalkroles.port.UnavailableException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * add_role and add_role_group are not idempotent: after a lost reply the directory reads before it
 * writes again, so a lost reply neither creates a duplicate nor reports a false failure.
 */
class AddReconciliationTest {
    private static final RoleGroupId GROUP = RoleGroupId.of(5);
    private static final RoleName OPS = RoleName.of("Ops");

    @RegisterExtension
    static WireMockExtension dingTalk = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().notifier(new Slf4jNotifier(false)))
            .build();

    /**
     * One request before the tests, with a generous timeout: the first exchange of a JVM (WireMock's and the
     * client's class loading) can take longer than the 1 s read timeout the tests below work with.
     */
    @org.junit.jupiter.api.BeforeAll
    static void warmUp() {
        Stubs.postAnswers(dingTalk, Stubs.LIST, Stubs.listReply(false));
        try (DingTalkRoleDirectory warm = Stubs.fastDirectory(dingTalk).readTimeout(Duration.ofSeconds(30)).build()) {
            warm.listRoleGroups(io.github.dingtalkroles.port.PageRequest.first());
        }
        dingTalk.resetAll();
    }

    private final DingTalkRoleDirectory directory = Stubs.fastDirectory(dingTalk)
            .readTimeout(Duration.ofSeconds(1))
            .deadline(Duration.ofSeconds(8))
            .build();

    @Test
    void aRoleCreatedByATimedOutAttemptIsFoundInItsGroupAndNotSentAgain() {
        postAnswers(dingTalk, ADD_ROLE, ok("\"roleId\":77").withFixedDelay(2500));
        postAnswers(dingTalk, GET_ROLE_GROUP, roleGroupReply("Sales", groupRole(76, "Other"), groupRole(77, "Ops")));

        Role role = directory.addRole(GROUP, OPS);

        assertThat(role).isEqualTo(new Role(RoleId.of(77), OPS, GROUP));
        dingTalk.verify(exactly(1), postRequestedFor(urlPathEqualTo(ADD_ROLE)));
        dingTalk.verify(exactly(1), postRequestedFor(urlPathEqualTo(GET_ROLE_GROUP))
                .withFormParam("group_id", equalTo("5")));
    }

    @Test
    void aRoleAbsentAfterALostReplyIsAddedAgain() {
        postAnswers(dingTalk, ADD_ROLE, aResponse().withStatus(503), ok("\"roleId\":78"));
        postAnswers(dingTalk, GET_ROLE_GROUP, roleGroupReply("Sales", groupRole(76, "Other")));

        Role role = directory.addRole(GROUP, OPS);

        assertThat(role.id()).isEqualTo(RoleId.of(78));
        dingTalk.verify(exactly(2), postRequestedFor(urlPathEqualTo(ADD_ROLE)));
        dingTalk.verify(exactly(1), postRequestedFor(urlPathEqualTo(GET_ROLE_GROUP)));
    }

    @Test
    void nameTakenAfterALostReplyMeansTheLostAttemptCreatedTheRole() {
        postAnswers(dingTalk, ADD_ROLE, error(-1, "System busy"), error(34021, "The role name already exists"));
        postAnswers(dingTalk, GET_ROLE_GROUP, roleGroupReply("Sales"), roleGroupReply("Sales", groupRole(79, "Ops")));

        Role role = directory.addRole(GROUP, OPS);

        assertThat(role.id()).isEqualTo(RoleId.of(79));
        dingTalk.verify(exactly(2), postRequestedFor(urlPathEqualTo(ADD_ROLE)));
        dingTalk.verify(exactly(2), postRequestedFor(urlPathEqualTo(GET_ROLE_GROUP)));
    }

    @Test
    void nameTakenWithoutAnEarlierLossIsAConflict() {
        postAnswers(dingTalk, ADD_ROLE, error(34021, "The role name already exists"));

        Throwable failure = catchThrowable(() -> directory.addRole(GROUP, OPS));

        assertThat(failure).isInstanceOfSatisfying(ConflictException.class,
                c -> assertThat(c.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_NAME));
        dingTalk.verify(exactly(0), postRequestedFor(urlPathEqualTo(GET_ROLE_GROUP)));
    }

    @Test
    void anAddThatCannotBeCheckedReportsAnUnknownOutcome() {
        postAnswers(dingTalk, ADD_ROLE, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        postAnswers(dingTalk, GET_ROLE_GROUP, aResponse().withStatus(503));

        Throwable failure = catchThrowable(() -> directory.addRole(GROUP, OPS));

        assertThat(failure).isInstanceOfSatisfying(UnavailableException.class,
                u -> assertThat(u.isOutcomeUnknown()).isTrue());
        dingTalk.verify(exactly(1), postRequestedFor(urlPathEqualTo(ADD_ROLE)));
        dingTalk.verify(exactly(3), postRequestedFor(urlPathEqualTo(GET_ROLE_GROUP)));
    }

    @Test
    void aConfirmationWithoutRoleIdIsResolvedByReadingTheGroup() {
        postAnswers(dingTalk, ADD_ROLE, ok(""));
        postAnswers(dingTalk, GET_ROLE_GROUP, roleGroupReply("Sales", groupRole(80, "Ops")));

        assertThat(directory.addRole(GROUP, OPS).id()).isEqualTo(RoleId.of(80));
        dingTalk.verify(exactly(1), postRequestedFor(urlPathEqualTo(ADD_ROLE)));
    }

    @Test
    void aReplyWithoutErrcodeIsNotTakenForSuccess() {
        postAnswers(dingTalk, ADD_ROLE, json("{\"roleId\":81}"), ok("\"roleId\":82"));
        postAnswers(dingTalk, GET_ROLE_GROUP, roleGroupReply("Sales"));

        assertThat(directory.addRole(GROUP, OPS).id()).isEqualTo(RoleId.of(82));
        dingTalk.verify(exactly(2), postRequestedFor(urlPathEqualTo(ADD_ROLE)));
        dingTalk.verify(exactly(1), postRequestedFor(urlPathEqualTo(GET_ROLE_GROUP)));
    }

    @Test
    void aThrottledAddIsSentAgainWithoutReadingFirst() {
        postAnswers(dingTalk, ADD_ROLE, error(90018, "too many calls"), ok("\"roleId\":83"));

        assertThat(directory.addRole(GROUP, OPS).id()).isEqualTo(RoleId.of(83));
        dingTalk.verify(exactly(2), postRequestedFor(urlPathEqualTo(ADD_ROLE)));
        dingTalk.verify(exactly(0), postRequestedFor(urlPathEqualTo(GET_ROLE_GROUP)));
    }

    @Test
    void anAddThatNeverReachedDingTalkIsKnownNotToHaveHappened() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DingTalkRoleDirectory unreachable = Stubs.fastDirectory(dingTalk).baseUrl("http://127.0.0.1:" + closedPort)
                .connectTimeout(Duration.ofMillis(500)).build();

        Throwable failure = catchThrowable(() -> unreachable.addRole(GROUP, OPS));

        assertThat(failure).isInstanceOfSatisfying(UnavailableException.class, u -> {
            assertThat(u.isOutcomeUnknown()).isFalse();
            assertThat(u.isRetryable()).isTrue();
        });
    }

    @Test
    void aGroupCreatedByALostAttemptIsFoundInTheListing() {
        postAnswers(dingTalk, ADD_ROLE_GROUP, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        postAnswers(dingTalk, LIST, listReply(false, group(1, "Default", ""), group(90, "Ops", "")));

        RoleGroup created = directory.addRoleGroup(RoleGroupName.of("Ops"));

        assertThat(created).isEqualTo(RoleGroup.empty(RoleGroupId.of(90), RoleGroupName.of("Ops")));
        dingTalk.verify(exactly(1), postRequestedFor(urlPathEqualTo(ADD_ROLE_GROUP)));
    }

    @Test
    void findingALostGroupWalksEveryPage() {
        dingTalk.stubFor(post(urlPathEqualTo(LIST)).withFormParam("offset", equalTo("0"))
                .willReturn(listReply(true, group(1, "Default", ""), group(2, "Sales", ""))));
        dingTalk.stubFor(post(urlPathEqualTo(LIST)).withFormParam("offset", equalTo("2"))
                .willReturn(listReply(false, group(91, "Ops", ""))));
        postAnswers(dingTalk, ADD_ROLE_GROUP, error(-1, "System busy"));

        RoleGroup created = directory.addRoleGroup(RoleGroupName.of("Ops"));

        assertThat(created.id()).isEqualTo(RoleGroupId.of(91));
        dingTalk.verify(exactly(1), postRequestedFor(urlPathEqualTo(ADD_ROLE_GROUP)));
        dingTalk.verify(exactly(2), postRequestedFor(urlPathEqualTo(LIST)).withFormParam("size", equalTo("200")));
    }

    @Test
    void aGroupAbsentAfterALostReplyIsAddedAgain() {
        postAnswers(dingTalk, ADD_ROLE_GROUP, aResponse().withStatus(500), ok("\"groupId\":92"));
        postAnswers(dingTalk, LIST, listReply(false, group(1, "Default", "")));

        assertThat(directory.addRoleGroup(RoleGroupName.of("Ops")).id()).isEqualTo(RoleGroupId.of(92));
        dingTalk.verify(exactly(2), postRequestedFor(urlPathEqualTo(ADD_ROLE_GROUP)));
    }

    @Test
    void aGroupNameTakenAfterALostReplyIsTheLostAttemptsGroup() {
        postAnswers(dingTalk, ADD_ROLE_GROUP, error(400001, "System error"),
                error(34001, "The role group name already exists"));
        postAnswers(dingTalk, LIST, listReply(false), listReply(false, group(93, "Ops", "")));

        assertThat(directory.addRoleGroup(RoleGroupName.of("Ops")).id()).isEqualTo(RoleGroupId.of(93));
        dingTalk.verify(exactly(2), postRequestedFor(urlPathEqualTo(ADD_ROLE_GROUP)));
    }

    @Test
    void aGroupAddThatCannotBeCheckedReportsAnUnknownOutcome() {
        postAnswers(dingTalk, ADD_ROLE_GROUP, error(-1, "System busy"));
        postAnswers(dingTalk, LIST, json("<html>oops"));

        Throwable failure = catchThrowable(() -> directory.addRoleGroup(RoleGroupName.of("Ops")));

        assertThat(failure).isInstanceOfSatisfying(UnavailableException.class,
                u -> assertThat(u.isOutcomeUnknown()).isTrue());
        dingTalk.verify(exactly(1), postRequestedFor(urlPathEqualTo(ADD_ROLE_GROUP)));
    }
}
