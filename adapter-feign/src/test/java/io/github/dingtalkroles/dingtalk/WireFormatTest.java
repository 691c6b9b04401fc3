package io.github.dingtalkroles.dingtalk;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.dingtalkroles.dingtalk.Stubs.ADD_ROLE;
import static io.github.dingtalkroles.dingtalk.Stubs.ADD_ROLE_GROUP;
import static io.github.dingtalkroles.dingtalk.Stubs.GETTOKEN;
import static io.github.dingtalkroles.dingtalk.Stubs.GET_ROLE_GROUP;
import static io.github.dingtalkroles.dingtalk.Stubs.LIST;
import static io.github.dingtalkroles.dingtalk.Stubs.TOKEN;
import static io.github.dingtalkroles.dingtalk.Stubs.UPDATE_ROLE;
import static io.github.dingtalkroles.dingtalk.Stubs.getAnswers;
import static io.github.dingtalkroles.dingtalk.Stubs.group;
import static io.github.dingtalkroles.dingtalk.Stubs.groupRole;
import static io.github.dingtalkroles.dingtalk.Stubs.listReply;
import static io.github.dingtalkroles.dingtalk.Stubs.listRole;
import static io.github.dingtalkroles.dingtalk.Stubs.ok;
import static io.github.dingtalkroles.dingtalk.Stubs.postAnswers;
import static io.github.dingtalkroles.dingtalk.Stubs.roleGroupReply;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleGroupPage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every operation sends exactly what DingTalk's API pages show and reads exactly what they answer. */
class WireFormatTest {

    @RegisterExtension
    static WireMockExtension dingTalk = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().notifier(new Slf4jNotifier(false)))
            .build();

    private final DingTalkRoleDirectory directory = Stubs.fastDirectory(dingTalk).build();

    @Test
    void addRoleGroupPostsTheNameAsAFormWithTheTokenInTheQuery() {
        postAnswers(dingTalk, ADD_ROLE_GROUP, ok("\"groupId\":1507113577"));

        RoleGroup created = directory.addRoleGroup(RoleGroupName.of("Operations"));

        assertThat(created).isEqualTo(RoleGroup.empty(RoleGroupId.of(1507113577), RoleGroupName.of("Operations")));
        LoggedRequest request = onlyRequest(ADD_ROLE_GROUP);
        assertIsFormPostWithToken(request);
        assertThat(formFields(request)).containsExactly("name=Operations");
    }

    @Test
    void addRolePostsRoleNameAndGroupIdAndReadsTheRoleId() {
        postAnswers(dingTalk, ADD_ROLE, ok("\"roleId\":1688611118"));

        Role created = directory.addRole(RoleGroupId.of(11), RoleName.of("test"));

        assertThat(created).isEqualTo(new Role(RoleId.of(1688611118), RoleName.of("test"), RoleGroupId.of(11)));
        LoggedRequest request = onlyRequest(ADD_ROLE);
        assertIsFormPostWithToken(request);
        assertThat(formFields(request)).containsExactlyInAnyOrder("roleName=test", "groupId=11");
    }

    @Test
    void updateRolePostsRoleIdAndRoleName() {
        postAnswers(dingTalk, UPDATE_ROLE, ok(""));

        directory.renameRole(RoleId.of(1560985325), RoleName.of("Apparel manufacturing"));

        LoggedRequest request = onlyRequest(UPDATE_ROLE);
        assertIsFormPostWithToken(request);
        assertThat(formFields(request)).containsExactlyInAnyOrder("roleId=1560985325", "roleName=Apparel+manufacturing");
    }

    @Test
    void listPostsSizeAndOffsetAndReadsGroupIdNameAndRolesWithIdAndName() {
        postAnswers(dingTalk, LIST, listReply(true,
                group(1507113577, "Default", listRole(1507113580, "Owner") + "," + listRole(1507113581, "Manager")),
                group(1507113590, "Sales", "")));

        RoleGroupPage page = directory.listRoleGroups(new PageRequest(40, 2));

        assertThat(page.hasMore()).isTrue();
        assertThat(page.request()).isEqualTo(new PageRequest(40, 2));
        RoleGroupId defaultId = RoleGroupId.of(1507113577);
        assertThat(page.groups()).containsExactly(
                new RoleGroup(defaultId, RoleGroupName.of("Default"), List.of(
                        new Role(RoleId.of(1507113580), RoleName.of("Owner"), defaultId),
                        new Role(RoleId.of(1507113581), RoleName.of("Manager"), defaultId))),
                RoleGroup.empty(RoleGroupId.of(1507113590), RoleGroupName.of("Sales")));
        LoggedRequest request = onlyRequest(LIST);
        assertIsFormPostWithToken(request);
        assertThat(formFields(request)).containsExactlyInAnyOrder("size=2", "offset=40");
    }

    @Test
    void lastPageSaysNoMore() {
        postAnswers(dingTalk, LIST, listReply(false));

        RoleGroupPage page = directory.listRoleGroups(PageRequest.first());

        assertThat(page.groups()).isEmpty();
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void getRoleGroupPostsSnakeCaseGroupIdAndReadsRoleIdAndRoleName() {
        postAnswers(dingTalk, GET_ROLE_GROUP, roleGroupReply("Default",
                groupRole(1507113580, "Owner"), groupRole(1507113578, "Super Admin")));

        RoleGroup found = directory.findRoleGroup(RoleGroupId.of(1507113577)).orElseThrow();

        RoleGroupId id = RoleGroupId.of(1507113577);
        assertThat(found).isEqualTo(new RoleGroup(id, RoleGroupName.of("Default"), List.of(
                new Role(RoleId.of(1507113580), RoleName.of("Owner"), id),
                new Role(RoleId.of(1507113578), RoleName.of("Super Admin"), id))));
        LoggedRequest request = onlyRequest(GET_ROLE_GROUP);
        assertIsFormPostWithToken(request);
        assertThat(formFields(request)).containsExactly("group_id=1507113577");
    }

    @Test
    void namesTravelUrlEncodedAsUtf8() {
        postAnswers(dingTalk, ADD_ROLE, ok("\"roleId\":7"));

        directory.addRole(RoleGroupId.of(3), RoleName.of("运营 & Ops=1+2"));

        dingTalk.verify(postRequestedFor(urlPathEqualTo(ADD_ROLE)).withFormParam("roleName", equalTo("运营 & Ops=1+2")));
        assertThat(formFields(onlyRequest(ADD_ROLE)))
                .contains("roleName=%E8%BF%90%E8%90%A5+%26+Ops%3D1%2B2");
    }

    @Test
    void numbersMayComeAsStringsAndUnknownFieldsAreIgnored() {
        postAnswers(dingTalk, ADD_ROLE, Stubs.json(
                "{\"errcode\":\"0\",\"errmsg\":\"ok\",\"roleId\":\"42\",\"extra\":{\"x\":1}}"));

        Role created = directory.addRole(RoleGroupId.of(3), RoleName.of("Ops"));

        assertThat(created.id()).isEqualTo(RoleId.of(42));
    }

    @Test
    void aBaseUrlWithAPathPrefixIsKept() {
        postAnswers(dingTalk, "/dingtalk" + ADD_ROLE, ok("\"roleId\":7"));
        DingTalkRoleDirectory prefixed = Stubs.fastDirectory(dingTalk).baseUrl(dingTalk.baseUrl() + "/dingtalk/").build();

        prefixed.addRole(RoleGroupId.of(3), RoleName.of("Ops"));

        dingTalk.verify(exactly(1), postRequestedFor(urlPathEqualTo("/dingtalk" + ADD_ROLE)));
    }

    @Test
    void gettokenSendsKeyAndSecretInTheQueryPercentEncoded() {
        getAnswers(dingTalk, GETTOKEN, ok("\"access_token\":\"fresh\",\"expires_in\":7200"));
        postAnswers(dingTalk, LIST, listReply(false));
        DingTalkRoleDirectory withApp = Stubs.fastDirectory(dingTalk)
                .appCredentials("ding-key", AppSecret.of("s3cr+t/x=y&z%41"))
                .build();

        withApp.listRoleGroups(PageRequest.first());

        dingTalk.verify(exactly(1), getRequestedFor(urlPathEqualTo(GETTOKEN))
                .withQueryParam("appkey", equalTo("ding-key"))
                .withQueryParam("appsecret", equalTo("s3cr+t/x=y&z%41")));
        dingTalk.verify(postRequestedFor(urlPathEqualTo(LIST)).withQueryParam("access_token", equalTo("fresh")));
    }

    private static void assertIsFormPostWithToken(LoggedRequest request) {
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded")
                .containsIgnoringCase("charset=utf-8");
        assertThat(request.getQueryParams()).containsOnlyKeys("access_token");
        assertThat(request.queryParameter("access_token").firstValue()).isEqualTo(TOKEN);
        assertThat(request.getBodyAsString()).doesNotContain("access_token").doesNotContain(TOKEN);
    }

    private static List<String> formFields(LoggedRequest request) {
        return List.of(new String(request.getBody(), StandardCharsets.UTF_8).split("&"));
    }

    private static LoggedRequest onlyRequest(String path) {
        List<LoggedRequest> requests = dingTalk.findAll(postRequestedFor(urlPathEqualTo(path)));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
