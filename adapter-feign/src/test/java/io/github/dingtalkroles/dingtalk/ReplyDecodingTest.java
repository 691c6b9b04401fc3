package io.github.dingtalkroles.dingtalk;

import static io.github.dingtalkroles.dingtalk.CannedReplies.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.port.NotAuthorizedException;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleGroupPage;
import io.github.dingtalkroles.port.ThrottledException;
import io.github.dingtalkroles.port.UnavailableException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the adapter makes of the bytes DingTalk sends: a JSON body in (through a Feign client that answers
 * with it, {@link CannedReplies}), a domain value or a port exception out. The envelope decides first; a
 * success body is read strictly (see {@link DingTalkJson}); unknown fields are ignored at every depth.
 */
class ReplyDecodingTest {
    private static final RoleGroupId GROUP = RoleGroupId.of(1507113577L);

    // ---- /topapi/role/list

    @Test
    void decodesTheListPageOfTheApiReference() {
        RoleGroupPage page = page("""
                {"errcode":0,"result":{"hasMore":true,"list":[{"groupId":1507113577,"name":"Default",
                "roles":[{"id":1507113580,"name":"Owner"},{"id":1507113578,"name":"Super Admin"}]}]},
                "request_id":"ii8a42qgzu7e"}""");

        assertThat(page.hasMore()).isTrue();
        assertThat(page.request()).isEqualTo(PageRequest.first(20));
        assertThat(page.groups()).containsExactly(new RoleGroup(GROUP, RoleGroupName.of("Default"), List.of(
                new Role(RoleId.of(1507113580L), RoleName.of("Owner"), GROUP),
                new Role(RoleId.of(1507113578L), RoleName.of("Super Admin"), GROUP))));
    }

    @Test
    void ignoresUnknownFieldsAtEveryLevelOfTheList() {
        RoleGroupPage page = page("""
                {"extra":{"result":{"hasMore":"maybe"}},"errcode":0,
                "result":{"total":[1,{"list":3}],"hasMore":false,"more":null,
                "list":[{"icon":{"groupId":"x"},"groupId":7,"roles":[{"id":8,"scope":{"id":[]},
                "name":"R","tags":["a",{"b":1}]}],"name":"G","labels":[[]]}]},"list":"nope"}""");

        assertThat(page.hasMore()).isFalse();
        assertThat(page.groups()).containsExactly(new RoleGroup(RoleGroupId.of(7), RoleGroupName.of("G"),
                List.of(new Role(RoleId.of(8), RoleName.of("R"), RoleGroupId.of(7)))));
    }

    @Test
    void aGroupsIdMayFollowItsRoles() {
        RoleGroupPage page = page(listOf("""
                {"roles":[{"name":"A","id":2}],"name":"G","groupId":1}"""));

        assertThat(page.groups().get(0).roles()).containsExactly(
                new Role(RoleId.of(2), RoleName.of("A"), RoleGroupId.of(1)));
    }

    @Test
    void missingOrNullListsAreEmpty() {
        assertThat(page("""
                {"errcode":0,"result":{"hasMore":false}}""").groups()).isEmpty();
        assertThat(page("""
                {"errcode":0,"result":{"hasMore":false,"list":null}}""").groups()).isEmpty();
        assertThat(page(listOf("""
                {"groupId":1,"name":"G"}""")).groups().get(0).roles()).isEmpty();
        assertThat(page(listOf("""
                {"groupId":1,"name":"G","roles":null}""")).groups().get(0).roles()).isEmpty();
    }

    @Test
    void idsAndBooleansMayComeAsStrings() {
        RoleGroupPage page = page("""
                {"errcode":"0","result":{"hasMore":" TRUE ","list":[{"groupId":"1","name":"G",
                "roles":[{"id":" 2 ","name":"A"}]}]}}""");

        assertThat(page.hasMore()).isTrue();
        assertThat(page.groups().get(0).id()).isEqualTo(RoleGroupId.of(1));
        assertThat(page.groups().get(0).roles().get(0).id()).isEqualTo(RoleId.of(2));
    }

    @Test
    void theLastOfDuplicatedFieldsWins() {
        RoleGroupPage page = page("""
                {"errcode":0,"result":{"hasMore":true,"list":[{"groupId":9,"name":"X"}]},
                "result":{"hasMore":false,"list":[{"groupId":1,"name":"G","roles":[{"id":5,"name":"A"}],
                "roles":[{"id":6,"name":"B"}],"name":"H"}]}}""");

        assertThat(page.hasMore()).isFalse();
        assertThat(page.groups()).containsExactly(new RoleGroup(RoleGroupId.of(1), RoleGroupName.of("H"),
                List.of(new Role(RoleId.of(6), RoleName.of("B"), RoleGroupId.of(1)))));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{'errcode':0}                                                  | no result",
            "{'errcode':0,'result':null}                                    | no result",
            "{'errcode':0,'result':[]}                                      | result",
            "{'errcode':0,'result':{'list':[]}}                             | no hasMore",
            "{'errcode':0,'result':{'hasMore':'maybe'}}                     | result.hasMore is not a boolean",
            "{'errcode':0,'result':{'hasMore':1}}                           | result.hasMore is not a boolean",
            "{'errcode':0,'result':{'hasMore':false,'list':{'groupId':1}}}  | result.list",
            "{'errcode':0,'result':{'hasMore':false,'list':[null]}}          | an element of result.list is not an object",
            "{'errcode':0,'result':{'hasMore':false,'list':[{'name':'x'}]}} | a group without groupId",
            "{'errcode':0,'result':{'hasMore':false,'list':[{'groupId':null,'name':'x'}]}} | a group without groupId",
            "{'errcode':0,'result':{'hasMore':false,'list':[{'groupId':[],'name':'x'}]}}   | result.list[0].groupId is not an integer",
            "{'errcode':0,'result':{'hasMore':false,'list':[{'groupId':true,'name':'x'}]}} | result.list[0].groupId is not an integer",
            "{'errcode':0,'result':{'hasMore':false,'list':[{'groupId':'1x','name':'x'}]}} | result.list[0].groupId is not an integer",
            "{'errcode':0,'result':{'hasMore':false,'list':[{'groupId':1,'name':5}]}}      | result.list[0].name is not a string",
            "{'errcode':0,'result':{'hasMore':false,'list':[{'groupId':1,'name':'G','roles':{}}]}}  | result.list[0].roles",
            "{'errcode':0,'result':{'hasMore':false,'list':[{'groupId':1,'name':'G','roles':[7]}]}} | result.list[0].roles[0]",
            "{'errcode':0,'result':{'hasMore':false,'list':[{'groupId':1,'name':'G','roles':[{'name':'A'}]}]}} | a role without id",
            "{'errcode':0,'result':{'hasMore':false,'list':[{'groupId':1,'name':'G','roles':[{'id':2,'name':false}]}]}} | result.list[0].roles[0].name is not a string",
            "{'errcode':0,'result':{'hasMore':false,'list':[{'groupId':1,'name':'G','roles':[{'id':{},'name':'A'}]}]}} | result.list[0].roles[0].id is not an integer"})
    void missingAndWrongTypedListFieldsAreInvalidData(String body, String problem) {
        assertThat(pageFailure(body.replace('\'', '"')))
                .hasMessageStartingWith("DingTalk returned invalid data for list: ")
                .hasMessageContaining(problem);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"1.5", "1.0", "1e3", "-0.0", "\"1.5\"", "\"1e3\""})
    void fractionalIdsAreRefusedNotTruncated(String id) {
        assertThat(pageFailure(listOf("{\"groupId\":" + id + ",\"name\":\"G\"}")))
                .hasMessageStartingWith("DingTalk returned invalid data for list: result.list[0].groupId is not an integer");
        assertThat(pageFailure(listOf("{\"groupId\":1,\"name\":\"G\",\"roles\":[{\"id\":" + id + ",\"name\":\"A\"}]}")))
                .hasMessageStartingWith("DingTalk returned invalid data for list: result.list[0].roles[0].id is not an integer");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"9223372036854775808", "18446744073709551617", "\"9223372036854775808\"",
            "-9223372036854775809", "99999999999999999999999999999"})
    void idsBeyondTheRangeOfALongAreRefusedNotWrapped(String id) {
        assertThat(pageFailure(listOf("{\"groupId\":" + id + ",\"name\":\"G\"}")))
                .hasMessageContaining("result.list[0].groupId is out of the range of a long");
    }

    @Test
    void theLargestLongIsAnId() {
        assertThat(page(listOf("""
                {"groupId":9223372036854775807,"name":"G"}""")).groups().get(0).id())
                .isEqualTo(RoleGroupId.of(Long.MAX_VALUE));
    }

    @Test
    void digitsOfOtherScriptsAreNoId() {
        assertThat(pageFailure(listOf("{\"groupId\":\"\u0661\u0662\",\"name\":\"G\"}")))
                .hasMessageContaining("result.list[0].groupId is not an integer");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{'groupId':0,'name':'G'}", "{'groupId':-3,'name':'G'}",
            "{'groupId':1,'name':' '}", "{'groupId':1}", "{'groupId':1,'name':null}",
            "{'groupId':1,'name':'G','roles':[{'id':2,'name':'A'},{'id':3,'name':'A'}]}",
            "{'groupId':1,'name':'G','roles':[{'id':2,'name':'A'},{'id':2,'name':'B'}]}",
            "{'groupId':1,'name':'G','roles':[{'id':2}]}"})
    void groupsTheDomainRefusesAreInvalidData(String group) {
        assertThat(pageFailure(listOf(group.replace('\'', '"'))))
                .hasMessageStartingWith("DingTalk returned invalid data for list: ");
    }

    @Test
    void aPageWithMoreGroupsThanAskedForIsInvalidData() {
        Throwable failure = catchThrowable(() -> CannedReplies.ok(listOf("""
                {"groupId":1,"name":"A"},{"groupId":2,"name":"B"}""")).directory()
                .listRoleGroups(PageRequest.first(1)));

        assertThat(failure).isInstanceOf(UnavailableException.class).hasMessageContaining("invalid data for list");
    }

    @Test
    void invalidDataIsNotRetryableAndCarriesTheRequestIdButNeverTheValue() {
        UnavailableException failure = (UnavailableException) catchThrowable(() -> page("""
                {"errcode":0,"result":{"hasMore":"T0KEN-s3cr3t"},"request_id":"req-7"}"""));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.isOutcomeUnknown()).isFalse();
        assertThat(failure.requestId()).contains("req-7");
        assertThat(failure.getMessage()).doesNotContain("T0KEN");
        assertThat(failure.getCause()).isNull();
    }

    // ---- /topapi/role/getrolegroup

    @Test
    void decodesTheGroupOfTheApiReferenceIgnoringUnknownFields() {
        RoleGroup group = group("""
                {"errcode":0,"role_group":{"extra":{"roles":1},"roles":[{"role_id":"5","x":[{}],
                "role_name":"Owner"},{"role_name":"Admin","role_id":6}],"group_name":"Default"},
                "roles":"ignored","request_id":"r"}""");

        assertThat(group).isEqualTo(new RoleGroup(GROUP, RoleGroupName.of("Default"), List.of(
                new Role(RoleId.of(5), RoleName.of("Owner"), GROUP), new Role(RoleId.of(6), RoleName.of("Admin"), GROUP))));
    }

    @Test
    void aGroupWithoutRolesIsEmpty() {
        assertThat(group("""
                {"errcode":0,"role_group":{"group_name":"HR"}}""").roles()).isEmpty();
        assertThat(group("""
                {"errcode":0,"role_group":{"group_name":"HR","roles":null}}""").roles()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{'errcode':0}                                                 | no role_group",
            "{'errcode':0,'role_group':null}                               | no role_group",
            "{'errcode':0,'role_group':'HR'}                               | role_group",
            "{'errcode':0,'role_group':{'group_name':['HR']}}              | role_group.group_name is not a string",
            "{'errcode':0,'role_group':{'group_name':'HR','roles':1}}      | role_group.roles",
            "{'errcode':0,'role_group':{'group_name':'HR','roles':[[]]}}   | role_group.roles[0]",
            "{'errcode':0,'role_group':{'group_name':'HR','roles':[{'role_name':'A'}]}} | a role without role_id",
            "{'errcode':0,'role_group':{'group_name':'HR','roles':[{'role_id':2.5,'role_name':'A'}]}} | role_group.roles[0].role_id is not an integer (it has a fraction or an exponent)",
            "{'errcode':0,'role_group':{'group_name':'HR','roles':[{'role_id':2,'role_name':2}]}} | role_group.roles[0].role_name is not a string",
            "{'errcode':0,'role_group':{'group_name':'HR','roles':[{'role_id':0,'role_name':'A'}]}} | role_group.roles[0].role_id",
            "{'errcode':0,'role_group':{'group_name':'HR','roles':[{'role_id':2,'role_name':'A'},{'role_id':3,'role_name':'A'}]}} | getrolegroup"})
    void missingWrongTypedOrRefusedGroupFieldsAreInvalidData(String body, String problem) {
        Throwable failure = catchThrowable(() -> group(body.replace('\'', '"')));

        assertThat(failure).isInstanceOfSatisfying(UnavailableException.class,
                        u -> assertThat(u.isRetryable()).isFalse())
                .hasMessageStartingWith("DingTalk returned invalid data for getrolegroup: ")
                .hasMessageContaining(problem);
    }

    // ---- add_role_group, add_role

    @Test
    void readsTheNewIdsAsNumbersOrNumericStrings() {
        assertThat(CannedReplies.ok("""
                {"errcode":0,"groupId":1507113600,"x":{"groupId":1}}""").directory()
                .addRoleGroup(RoleGroupName.of("HR")).id()).isEqualTo(RoleGroupId.of(1507113600L));
        assertThat(CannedReplies.ok("""
                {"errcode":"0","roleId":"42","extra":{"x":1}}""").directory()
                .addRole(GROUP, RoleName.of("R")).id()).isEqualTo(RoleId.of(42));
        assertThat(CannedReplies.ok("""
                {"nested":{"roleId":7},"roleId":8,"errcode":0}""").directory()
                .addRole(GROUP, RoleName.of("R")).id()).isEqualTo(RoleId.of(8));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", ",'roleId':null", ",'roleId':0", ",'roleId':-1",
            ",'roleId':4.5", ",'roleId':4.0", ",'roleId':'4.5'", ",'roleId':9223372036854775808",
            ",'roleId':true", ",'roleId':{'id':4}", ",'roleId':[4]", ",'roleId':''",
            ",'x':{'roleId':4}"})
    void anUnusableNewIdIsAConfirmedWriteWhoseOutcomeIsChecked(String fields) {
        String body = ("{'errcode':0,'request_id':'r-9'" + fields + "}").replace('\'', '"');

        // a confirmed add without a usable id is looked for like a lost reply; the canned server answers the
        // look-up with the same body, which is no group, so the outcome stays unknown
        Throwable role = catchThrowable(() -> CannedReplies.ok(body).directory().addRole(GROUP, RoleName.of("R")));
        Throwable group = catchThrowable(() -> CannedReplies.ok(body.replace("roleId", "groupId")).directory()
                .addRoleGroup(RoleGroupName.of("HR")));

        for (Throwable failure : List.of(role, group)) {
            assertThat(failure).isInstanceOfSatisfying(UnavailableException.class,
                    u -> assertThat(u.isOutcomeUnknown()).isTrue())
                    .hasMessageContaining("but returned no usable");
        }
    }

    // ---- gettoken

    @Test
    void decodesTheGettokenReply() {
        AccessToken token = CannedReplies.ok("""
                {"errcode":0,"errmsg":"ok","x":{"access_token":"inner"},"access_token":"T1","expires_in":"7200"}""")
                .tokenSource("secret").currentToken();

        assertThat(token).isEqualTo(AccessToken.of("T1"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", ",'expires_in':null", ",'expires_in':-5"})
    void aMissingOrNegativeExpiryStillGivesAToken(String expiry) {
        assertThat(CannedReplies.ok(("{'errcode':0,'access_token':'T1'" + expiry + "}").replace('\'', '"'))
                .tokenSource("secret").currentToken()).isEqualTo(AccessToken.of("T1"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{'expires_in':7200}                      | DingTalk returned invalid data for gettoken: no usable access_token",
            "{'access_token':null}                    | DingTalk returned invalid data for gettoken: no usable access_token",
            "{'access_token':'has space s3cr3t'}      | DingTalk returned invalid data for gettoken: no usable access_token",
            "{'access_token':12345}                   | DingTalk returned invalid data for gettoken: access_token is not a string",
            "{'access_token':'T1','expires_in':7200.5} | DingTalk returned invalid data for gettoken: expires_in is not an integer (it has a fraction or an exponent)",
            "{'access_token':'T1','expires_in':'soon'} | DingTalk returned invalid data for gettoken: expires_in is not an integer"})
    void anUnusableGettokenReplyIsUnavailableWithoutQuotingIt(String body, String message) {
        String json = body.replace("{", "{'errcode':0,'request_id':'g-1',").replace('\'', '"');

        Throwable failure = catchThrowable(() -> CannedReplies.ok(json).tokenSource("secret").currentToken());

        assertThat(failure).isInstanceOfSatisfying(UnavailableException.class, u -> {
            assertThat(u).hasMessageStartingWith(message);
            assertThat(u.isRetryable()).isFalse();
        });
        assertThat(failure.getMessage()).doesNotContain("s3cr3t");
    }

    // ---- the envelope decides first

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "{'result':5,'errcode':90018,'request_id':'after'}",
            "{'result':{'hasMore':{'a':[1,{'errcode':0}]},'list':[]},'errcode':90018,'request_id':'after'}",
            "{'result':{'hasMore':true,'list':[{'groupId':0,'name':'G'},{'request_id':'inner'}]},'errcode':90018,'request_id':'after'}"})
    void aBodyThatCannotBeReadStillHasItsEnvelopeRead(String json) {
        Throwable failure = catchThrowable(() -> page(json.replace('\'', '"')));

        assertThat(failure).as("the errcode decides, not the refused body").isInstanceOfSatisfying(
                ThrottledException.class, t -> assertThat(t.requestId()).contains("after"));
    }

    @Test
    void readsErrcodeWrittenAsANumberOrANumericStringAndSubCodesInsideTheWrapper() {
        for (String body : List.of("{\"errcode\":40014}", "{\"errcode\":\" 40014 \"}",
                "{\"errcode\":88,\"sub_code\":\"40014\",\"errmsg\":\" invalid \",\"request_id\":\"r-1\"}")) {
            assertThat(catchThrowable(() -> page(body))).as(body).isInstanceOf(NotAuthorizedException.class);
        }
    }

    @Test
    void digitsOfOtherScriptsAreNoErrcode() {
        // as for ids: an Arabic-Indic zero must not read as errcode 0, a success
        Throwable failure = catchThrowable(() -> CannedReplies.ok("{\"errcode\":\"\u0660\",\"roleId\":5}")
                .directory().addRole(GROUP, RoleName.of("R")));

        assertThat(failure).isInstanceOf(io.github.dingtalkroles.port.RejectedInputException.class)
                .hasMessageContaining("undocumented error");
    }

    @Test
    void fallsBackToCamelCaseRequestId() {
        assertThat(((ThrottledException) catchThrowable(() -> page("""
                {"errcode":90018,"requestId":"camel"}"""))).requestId()).contains("camel");
        assertThat(((ThrottledException) catchThrowable(() -> page("""
                {"requestId":"camel","request_id":"snake","errcode":90018}"""))).requestId()).contains("snake");
        assertThat(((ThrottledException) catchThrowable(() -> page("""
                {"requestId":"camel","request_id":"  ","errcode":90018}"""))).requestId()).contains("camel");
    }

    @Test
    void fieldsNamedLikeTheEnvelopeDeeperDownAreTheEndpointsOwn() {
        RoleGroupPage page = page("""
                {"result":{"errcode":5,"hasMore":false,"list":[{"errcode":6,"request_id":"inner","groupId":1,
                "name":"G"}],"punish":"deny"},"x":[[{"sub_code":"inner"}]],"errcode":0,"request_id":"outer"}""");

        assertThat(page.groups()).hasSize(1);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "   ", "{\"errcode\":0", "[{\"errcode\":0}]", "{\"errcode\":0} x", "{\"result\":{}}",
            "{\"errcode\":null}", "not json", "\"errcode\""})
    void aReplyThatIsNoJsonObjectWithErrcodeIsALostReplyNotASuccess(String body) {
        Throwable failure = catchThrowable(() -> page(body));

        assertThat(failure).isInstanceOfSatisfying(UnavailableException.class,
                u -> assertThat(u.isRetryable()).isTrue());
    }

    @Test
    void anHtmlPageIsTheGatewaysBanAndAPunishReplyNamesTheWait() {
        Throwable html = catchThrowable(() -> page("<html><body>denied</body></html>"));
        Throwable punish = catchThrowable(() -> page("""
                {"punish":"deny","wait":"30","request_id":"p-1"}"""));

        assertThat(html).isInstanceOf(ThrottledException.class);
        assertThat(punish).isInstanceOfSatisfying(ThrottledException.class,
                t -> assertThat(t.retryAfter()).contains(java.time.Duration.ofSeconds(30)));
    }

    @Test
    void containersInEnvelopeFieldsAreNoErrcodeNumberAndAnUndocumentedErrcodeQuotesErrmsgOnOneLine() {
        Throwable container = catchThrowable(() -> page("""
                {"errcode":{"code":1},"sub_code":["x"],"errmsg":null,"request_id":" "}"""));
        Throwable undocumented = catchThrowable(() -> page("""
                {"errcode":77777,"errmsg":"line one\\nline two"}"""));

        assertThat(container).isInstanceOf(io.github.dingtalkroles.port.RejectedInputException.class);
        assertThat(undocumented).isInstanceOf(io.github.dingtalkroles.port.RejectedInputException.class)
                .hasMessageContaining("line one line two");
    }

    private static String listOf(String groups) {
        return "{\"errcode\":0,\"result\":{\"hasMore\":false,\"list\":[" + groups + "]}}";
    }

    private static RoleGroup group(String json) {
        return CannedReplies.ok(json).directory().findRoleGroup(GROUP).orElseThrow();
    }

    private static Throwable pageFailure(String json) {
        Throwable failure = catchThrowable(() -> page(json));
        assertThat(failure).isInstanceOf(UnavailableException.class);
        return failure;
    }
}
