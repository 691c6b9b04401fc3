package io.github.dingtalkroles.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleGroupPage;
import io.github.dingtalkroles.port.UnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming decoders of the success bodies ({@link RoleReplies}, the gettoken reply): straight into
 * domain values, unknown fields ignored at every depth, everything else refused as invalid data.
 */
class RoleRepliesTest {
    private static final RoleGroupId GROUP = RoleGroupId.of(1507113577L);
    private static final PageRequest PAGE = PageRequest.first(20);

    // ---- /topapi/role/list

    @Test
    void decodesTheListPageOfTheApiReference() {
        RoleGroupPage page = page("{\"errcode\":0,\"result\":{\"hasMore\":true,\"list\":[{\"groupId\":1507113577,"
                + "\"name\":\"Default\",\"roles\":[{\"id\":1507113580,\"name\":\"Owner\"},"
                + "{\"id\":1507113578,\"name\":\"Super Admin\"}]}]},\"request_id\":\"ii8a42qgzu7e\"}");

        assertThat(page.hasMore()).isTrue();
        assertThat(page.request()).isEqualTo(PAGE);
        assertThat(page.groups()).containsExactly(new RoleGroup(GROUP, RoleGroupName.of("Default"), List.of(
                new Role(RoleId.of(1507113580L), RoleName.of("Owner"), GROUP),
                new Role(RoleId.of(1507113578L), RoleName.of("Super Admin"), GROUP))));
    }

    @Test
    void ignoresUnknownFieldsAtEveryLevelOfTheList() {
        RoleGroupPage page = page("{\"extra\":{\"result\":{\"hasMore\":\"maybe\"}},\"errcode\":0,"
                + "\"result\":{\"total\":[1,{\"list\":3}],\"hasMore\":false,\"more\":null,"
                + "\"list\":[{\"icon\":{\"groupId\":\"x\"},\"groupId\":7,\"roles\":[{\"id\":8,\"scope\":{\"id\":[]},"
                + "\"name\":\"R\",\"tags\":[\"a\",{\"b\":1}]}],\"name\":\"G\",\"labels\":[[]]}]},\"list\":\"nope\"}");

        assertThat(page.hasMore()).isFalse();
        assertThat(page.groups()).containsExactly(new RoleGroup(RoleGroupId.of(7), RoleGroupName.of("G"),
                List.of(new Role(RoleId.of(8), RoleName.of("R"), RoleGroupId.of(7)))));
    }

    @Test
    void aGroupsIdMayFollowItsRoles() {
        RoleGroupPage page = page(listOf("{\"roles\":[{\"name\":\"A\",\"id\":2}],\"name\":\"G\",\"groupId\":1}"));

        assertThat(page.groups().get(0).roles()).containsExactly(
                new Role(RoleId.of(2), RoleName.of("A"), RoleGroupId.of(1)));
    }

    @Test
    void missingOrNullListsAreEmpty() {
        assertThat(page("{\"errcode\":0,\"result\":{\"hasMore\":false}}").groups()).isEmpty();
        assertThat(page("{\"errcode\":0,\"result\":{\"hasMore\":false,\"list\":null}}").groups()).isEmpty();
        assertThat(page(listOf("{\"groupId\":1,\"name\":\"G\"}")).groups().get(0).roles()).isEmpty();
        assertThat(page(listOf("{\"groupId\":1,\"name\":\"G\",\"roles\":null}")).groups().get(0).roles()).isEmpty();
    }

    @Test
    void idsAndBooleansMayComeAsStrings() {
        RoleGroupPage page = page("{\"errcode\":0,\"result\":{\"hasMore\":\" TRUE \",\"list\":[{\"groupId\":\"1\","
                + "\"name\":\"G\",\"roles\":[{\"id\":\" 2 \",\"name\":\"A\"}]}]}}");

        assertThat(page.hasMore()).isTrue();
        assertThat(page.groups().get(0).id()).isEqualTo(RoleGroupId.of(1));
        assertThat(page.groups().get(0).roles().get(0).id()).isEqualTo(RoleId.of(2));
    }

    @Test
    void manyRolesInManyGroupsKeepTheirOrder() {
        StringBuilder groups = new StringBuilder();
        for (int g = 0; g < 3; g++) {
            StringBuilder roles = new StringBuilder();
            for (int r = 0; r < 20; r++) {
                roles.append(r > 0 ? "," : "").append(Stubs.listRole(1000 * (g + 1) + r, "R" + r));
            }
            groups.append(g > 0 ? "," : "").append(Stubs.group(g + 1, "G" + g, roles.toString()));
        }

        RoleGroupPage page = page(listOf(groups.toString()));

        assertThat(page.groups()).hasSize(3);
        assertThat(page.groups().get(2).roles()).hasSize(20);
        assertThat(page.groups().get(2).roles().get(19))
                .isEqualTo(new Role(RoleId.of(3019), RoleName.of("R19"), RoleGroupId.of(3)));
        assertThat(page.groups().get(0).roles().get(0).id()).isEqualTo(RoleId.of(1000));
    }

    @Test
    void theLastOfDuplicatedFieldsWins() {
        RoleGroupPage page = page("{\"errcode\":0,\"result\":{\"hasMore\":true,\"list\":[{\"groupId\":9,\"name\":\"X\"}]},"
                + "\"result\":{\"hasMore\":false,\"list\":[{\"groupId\":1,\"name\":\"G\",\"roles\":[{\"id\":5,\"name\":\"A\"}],"
                + "\"roles\":[{\"id\":6,\"name\":\"B\"}],\"name\":\"H\"}]}}");

        assertThat(page.hasMore()).isFalse();
        assertThat(page.groups()).containsExactly(new RoleGroup(RoleGroupId.of(1), RoleGroupName.of("H"),
                List.of(new Role(RoleId.of(6), RoleName.of("B"), RoleGroupId.of(1)))));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"errcode\":0}                                                              | no result",
            "{\"errcode\":0,\"result\":null}                                              | no result",
            "{\"errcode\":0,\"result\":[]}                                                | result is not an object",
            "{\"errcode\":0,\"result\":{\"list\":[]}}                                     | no result.hasMore",
            "{\"errcode\":0,\"result\":{\"hasMore\":\"maybe\"}}                           | result.hasMore is not a boolean",
            "{\"errcode\":0,\"result\":{\"hasMore\":1}}                                   | result.hasMore is not a boolean",
            "{\"errcode\":0,\"result\":{\"hasMore\":false,\"list\":{\"groupId\":1}}}      | result.list is not an array",
            "{\"errcode\":0,\"result\":{\"hasMore\":false,\"list\":[null]}}               | an element of result.list is not an object",
            "{\"errcode\":0,\"result\":{\"hasMore\":false,\"list\":[{\"name\":\"x\"}]}}   | a group without groupId",
            "{\"errcode\":0,\"result\":{\"hasMore\":false,\"list\":[{\"groupId\":null,\"name\":\"x\"}]}} | a group without groupId",
            "{\"errcode\":0,\"result\":{\"hasMore\":false,\"list\":[{\"groupId\":[],\"name\":\"x\"}]}}   | result.list[].groupId is not an integer",
            "{\"errcode\":0,\"result\":{\"hasMore\":false,\"list\":[{\"groupId\":true,\"name\":\"x\"}]}} | result.list[].groupId is not an integer",
            "{\"errcode\":0,\"result\":{\"hasMore\":false,\"list\":[{\"groupId\":\"1x\",\"name\":\"x\"}]}} | result.list[].groupId is not an integer",
            "{\"errcode\":0,\"result\":{\"hasMore\":false,\"list\":[{\"groupId\":1,\"name\":5}]}}        | result.list[].name is not a string",
            "{\"errcode\":0,\"result\":{\"hasMore\":false,\"list\":[{\"groupId\":1,\"name\":\"G\",\"roles\":{}}]}}   | result.list[].roles is not an array",
            "{\"errcode\":0,\"result\":{\"hasMore\":false,\"list\":[{\"groupId\":1,\"name\":\"G\",\"roles\":[7]}]}}  | an element of result.list[].roles is not an object",
            "{\"errcode\":0,\"result\":{\"hasMore\":false,\"list\":[{\"groupId\":1,\"name\":\"G\",\"roles\":[{\"name\":\"A\"}]}]}} | a role without id",
            "{\"errcode\":0,\"result\":{\"hasMore\":false,\"list\":[{\"groupId\":1,\"name\":\"G\",\"roles\":[{\"id\":2,\"name\":false}]}]}} | result.list[].roles[].name is not a string",
            "{\"errcode\":0,\"result\":{\"hasMore\":false,\"list\":[{\"groupId\":1,\"name\":\"G\",\"roles\":[{\"id\":{},\"name\":\"A\"}]}]}} | result.list[].roles[].id is not an integer"})
    void missingAndWrongTypedListFieldsAreInvalidData(String body, String problem) {
        assertThat(pageFailure(body)).hasMessage("DingTalk returned invalid data for list: " + problem);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"1.5", "1.0", "1e3", "-0.0", "\"1.5\"", "\"1e3\""})
    void fractionalIdsAreRefusedNotTruncated(String id) {
        assertThat(pageFailure(listOf("{\"groupId\":" + id + ",\"name\":\"G\"}")))
                .hasMessageStartingWith("DingTalk returned invalid data for list: result.list[].groupId is not an integer");
        assertThat(pageFailure(listOf("{\"groupId\":1,\"name\":\"G\",\"roles\":[{\"id\":" + id + ",\"name\":\"A\"}]}")))
                .hasMessageStartingWith("DingTalk returned invalid data for list: result.list[].roles[].id is not an integer");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"9223372036854775808", "18446744073709551617", "\"9223372036854775808\"",
            "-9223372036854775809", "99999999999999999999999999999"})
    void idsBeyondTheRangeOfALongAreRefusedNotWrapped(String id) {
        assertThat(pageFailure(listOf("{\"groupId\":" + id + ",\"name\":\"G\"}")))
                .hasMessage("DingTalk returned invalid data for list: result.list[].groupId is out of the range of a long");
    }

    @Test
    void theLargestLongIsAnId() {
        assertThat(page(listOf("{\"groupId\":9223372036854775807,\"name\":\"G\"}")).groups().get(0).id())
                .isEqualTo(RoleGroupId.of(Long.MAX_VALUE));
    }

    @Test
    void digitsOfOtherScriptsAreNoId() {
        assertThat(pageFailure(listOf("{\"groupId\":\"\u0661\u0662\",\"name\":\"G\"}")))
                .hasMessageContaining("result.list[].groupId is not an integer");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{\"groupId\":0,\"name\":\"G\"}", "{\"groupId\":-3,\"name\":\"G\"}",
            "{\"groupId\":1,\"name\":\" \"}", "{\"groupId\":1}", "{\"groupId\":1,\"name\":null}",
            "{\"groupId\":1,\"name\":\"G\",\"roles\":[{\"id\":2,\"name\":\"A\"},{\"id\":3,\"name\":\"A\"}]}",
            "{\"groupId\":1,\"name\":\"G\",\"roles\":[{\"id\":2,\"name\":\"A\"},{\"id\":2,\"name\":\"B\"}]}",
            "{\"groupId\":1,\"name\":\"G\",\"roles\":[{\"id\":2}]}"})
    void groupsTheDomainRefusesAreInvalidData(String group) {
        assertThat(pageFailure(listOf(group))).hasMessageStartingWith("DingTalk returned invalid data for list: ");
    }

    @Test
    void aPageWithMoreGroupsThanAskedForIsInvalidData() {
        Throwable failure = catchThrowable(() -> decode(RoleReplies.page(PageRequest.first(1)),
                listOf("{\"groupId\":1,\"name\":\"A\"},{\"groupId\":2,\"name\":\"B\"}")));

        assertThat(failure).isInstanceOf(UnavailableException.class).hasMessageContaining("invalid data for list");
    }

    @Test
    void invalidDataIsNotRetryableAndCarriesTheRequestIdButNeverTheValue() {
        UnavailableException failure = (UnavailableException) catchThrowable(() -> page(
                "{\"errcode\":0,\"result\":{\"hasMore\":\"T0KEN-s3cr3t\"},\"request_id\":\"req-7\"}"));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.isOutcomeUnknown()).isFalse();
        assertThat(failure.requestId()).contains("req-7");
        assertThat(failure.getMessage()).doesNotContain("T0KEN");
        assertThat(failure.getCause()).isNull();
    }

    // ---- /topapi/role/getrolegroup

    @Test
    void decodesTheGroupOfTheApiReferenceIgnoringUnknownFields() {
        RoleGroup group = group("{\"errcode\":0,\"role_group\":{\"extra\":{\"roles\":1},\"roles\":[{\"role_id\":\"5\","
                + "\"x\":[{}],\"role_name\":\"Owner\"},{\"role_name\":\"Admin\",\"role_id\":6}],\"group_name\":\"Default\"},"
                + "\"roles\":\"ignored\",\"request_id\":\"r\"}");

        assertThat(group).isEqualTo(new RoleGroup(GROUP, RoleGroupName.of("Default"), List.of(
                new Role(RoleId.of(5), RoleName.of("Owner"), GROUP), new Role(RoleId.of(6), RoleName.of("Admin"), GROUP))));
    }

    @Test
    void aGroupWithoutRolesIsEmpty() {
        assertThat(group("{\"errcode\":0,\"role_group\":{\"group_name\":\"HR\"}}").roles()).isEmpty();
        assertThat(group("{\"errcode\":0,\"role_group\":{\"group_name\":\"HR\",\"roles\":null}}").roles()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"errcode\":0}                                                      | no role_group",
            "{\"errcode\":0,\"role_group\":null}                                  | no role_group",
            "{\"errcode\":0,\"role_group\":\"HR\"}                                | role_group is not an object",
            "{\"errcode\":0,\"role_group\":{\"group_name\":[\"HR\"]}}             | role_group.group_name is not a string",
            "{\"errcode\":0,\"role_group\":{\"group_name\":\"HR\",\"roles\":1}}   | role_group.roles is not an array",
            "{\"errcode\":0,\"role_group\":{\"group_name\":\"HR\",\"roles\":[[]]}} | an element of role_group.roles is not an object",
            "{\"errcode\":0,\"role_group\":{\"group_name\":\"HR\",\"roles\":[{\"role_name\":\"A\"}]}} | a role without role_id",
            "{\"errcode\":0,\"role_group\":{\"group_name\":\"HR\",\"roles\":[{\"role_id\":2.5,\"role_name\":\"A\"}]}} | role_group.roles[].role_id is not an integer (it has a fraction or an exponent)",
            "{\"errcode\":0,\"role_group\":{\"group_name\":\"HR\",\"roles\":[{\"role_id\":2,\"role_name\":2}]}} | role_group.roles[].role_name is not a string"})
    void missingAndWrongTypedGroupFieldsAreInvalidData(String body, String problem) {
        Throwable failure = catchThrowable(() -> group(body));

        assertThat(failure).isInstanceOf(UnavailableException.class)
                .hasMessage("DingTalk returned invalid data for getrolegroup: " + problem);
    }

    @Test
    void aGroupTheDomainRefusesIsInvalidData() {
        Throwable failure = catchThrowable(() -> group(
                "{\"errcode\":0,\"role_group\":{\"group_name\":\"HR\",\"roles\":[{\"role_id\":0,\"role_name\":\"A\"}]}}"));

        assertThat(failure).isInstanceOf(UnavailableException.class)
                .hasMessageStartingWith("DingTalk returned invalid data for getrolegroup: ");
    }

    // ---- add_role_group, add_role

    @Test
    void readsTheNewIdsAsNumbersOrNumericStrings() {
        assertThat(decode(RoleReplies.newGroupId(), "{\"errcode\":0,\"groupId\":1507113600,\"x\":{\"groupId\":1}}"))
                .isEqualTo(RoleGroupId.of(1507113600L));
        assertThat(decode(RoleReplies.newRoleId(), "{\"errcode\":\"0\",\"roleId\":\"42\",\"extra\":{\"x\":1}}"))
                .isEqualTo(RoleId.of(42));
        assertThat(decode(RoleReplies.newRoleId(), "{\"nested\":{\"roleId\":7},\"roleId\":8,\"errcode\":0}"))
                .isEqualTo(RoleId.of(8));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", ",\"roleId\":null", ",\"roleId\":0", ",\"roleId\":-1",
            ",\"roleId\":4.5", ",\"roleId\":4.0", ",\"roleId\":\"4.5\"", ",\"roleId\":9223372036854775808",
            ",\"roleId\":true", ",\"roleId\":{\"id\":4}", ",\"roleId\":[4]", ",\"roleId\":\"\"",
            ",\"x\":{\"roleId\":4}", ",\"roleId\":\"x\",\"roleId\":4"})
    void anUnusableNewIdIsAConfirmedWriteToLookFor(String fields) {
        String body = "{\"errcode\":0,\"request_id\":\"r-9\"" + fields + "}";

        assertConfirmedWithoutId(catchThrowable(() -> decode(RoleReplies.newRoleId(), body)), "add_role", "roleId");
        assertConfirmedWithoutId(catchThrowable(() -> decode(RoleReplies.newGroupId(), body.replace("roleId", "groupId"))),
                "add_role_group", "groupId");
    }

    private static void assertConfirmedWithoutId(Throwable thrown, String operation, String field) {
        assertThat(thrown).isInstanceOfSatisfying(AttemptFailed.class, failed -> assertThat(failed.reported())
                .isInstanceOfSatisfying(UnavailableException.class, u -> {
                    assertThat(u).hasMessageStartingWith("DingTalk confirmed " + operation + " but returned no usable " + field);
                    assertThat(u.isRetryable()).isTrue();
                    assertThat(u.requestId()).contains("r-9");
                }));
    }

    // ---- gettoken

    @Test
    void decodesTheGettokenReply() {
        AppCredentialsTokenSource.TokenReply reply = decode(AppCredentialsTokenSource.TokenReply.reader(),
                "{\"errcode\":0,\"errmsg\":\"ok\",\"x\":{\"access_token\":\"inner\"},\"access_token\":\"T1\","
                        + "\"expires_in\":\"7200\"}");

        assertThat(reply.accessToken()).isEqualTo(AccessToken.of("T1"));
        assertThat(reply.expiresIn()).isEqualTo(7200);
    }

    @Test
    void aMissingOrNegativeExpiryIsZero() {
        assertThat(token("{\"errcode\":0,\"access_token\":\"T1\"}").expiresIn()).isZero();
        assertThat(token("{\"errcode\":0,\"access_token\":\"T1\",\"expires_in\":null}").expiresIn()).isZero();
        assertThat(token("{\"errcode\":0,\"access_token\":\"T1\",\"expires_in\":-5}").expiresIn()).isZero();
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"expires_in\":7200}                                   | DingTalk's gettoken reply holds no usable access_token",
            "{\"access_token\":null}                                 | DingTalk's gettoken reply holds no usable access_token",
            "{\"access_token\":\"has space s3cr3t\"}                  | DingTalk's gettoken reply holds no usable access_token",
            "{\"access_token\":12345}                                | DingTalk returned invalid data for gettoken: access_token is not a string",
            "{\"access_token\":\"T1\",\"expires_in\":7200.5}         | DingTalk returned invalid data for gettoken: expires_in is not an integer (it has a fraction or an exponent)",
            "{\"access_token\":\"T1\",\"expires_in\":\"soon\"}       | DingTalk returned invalid data for gettoken: expires_in is not an integer"})
    void anUnusableGettokenReplyIsUnavailableWithoutQuotingIt(String body, String message) {
        Throwable failure = catchThrowable(() -> token(body.replace("{", "{\"errcode\":0,\"request_id\":\"g-1\",")));

        assertThat(failure).isInstanceOfSatisfying(UnavailableException.class, u -> {
            assertThat(u).hasMessageStartingWith(message);
            assertThat(u.isRetryable()).isFalse();
            assertThat(u.requestId()).contains("g-1");
        });
        assertThat(failure.getMessage()).doesNotContain("s3cr3t");
    }

    // ---- one pass for envelope and body

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "{\"result\":5,\"errcode\":90018,\"request_id\":\"after\"}",
            "{\"result\":{\"hasMore\":{\"a\":[1,{\"errcode\":0}]},\"list\":[]},\"errcode\":90018,\"request_id\":\"after\"}",
            "{\"result\":{\"hasMore\":true,\"list\":[{\"groupId\":1,\"name\":\"G\",\"roles\":[{\"id\":\"x\","
                    + "\"errcode\":0,\"more\":[{}]}]},{\"errcode\":0}]},\"errcode\":90018,\"request_id\":\"after\"}",
            "{\"result\":{\"hasMore\":true,\"list\":[{\"groupId\":0,\"name\":\"G\"},{\"request_id\":\"inner\"}]},"
                    + "\"errcode\":90018,\"request_id\":\"after\"}"})
    void aBodyTheReaderRefusesStillHasItsEnvelopeRead(String json) {
        BodyReader<RoleGroupPage> reader = RoleReplies.page(PAGE);
        Reply reply = Reply.of(200, json.getBytes(StandardCharsets.UTF_8), reader);

        assertThat(reply.errcode()).isEqualTo(90018);
        assertThat(reply.requestId()).isEqualTo("after");
        Throwable failure = catchThrowable(() -> DingTalkErrors.success(reply, reader, "list", ErrorMapper.NONE));
        assertThat(failure).as("the errcode decides, not the refused body").isInstanceOf(AttemptFailed.class);
    }

    @Test
    void aRefusedBodyWithErrcodeZeroIsInvalidDataWithTheRequestIdThatFollowsIt() {
        Throwable failure = catchThrowable(() -> page("{\"result\":{\"hasMore\":{\"a\":[1,{\"b\":2}]}},"
                + "\"errcode\":0,\"request_id\":\"after\"}"));

        assertThat(failure).isInstanceOfSatisfying(UnavailableException.class, u -> {
            assertThat(u).hasMessageStartingWith("DingTalk returned invalid data for list: result.hasMore is not a boolean");
            assertThat(u.requestId()).contains("after");
        });
    }

    @Test
    void aBodyThatIsNoJsonObjectIsNoSuccessWhateverTheReaderSaw() {
        BodyReader<RoleGroupPage> reader = RoleReplies.page(PAGE);
        Reply reply = Reply.of(200, listOf("{\"groupId\":1,\"name\":\"G\"}").concat(" x")
                .getBytes(StandardCharsets.UTF_8), reader);

        Throwable failure = catchThrowable(() -> DingTalkErrors.success(reply, reader, "list", ErrorMapper.NONE));

        assertThat(failure).isInstanceOfSatisfying(AttemptFailed.class,
                f -> assertThat(f.reported()).hasMessageContaining("not a JSON object"));
    }

    @Test
    void aReaderReadsOneReplyOnly() {
        BodyReader<RoleGroupPage> reader = RoleReplies.page(PAGE);
        Reply.of(200, listOf("").getBytes(StandardCharsets.UTF_8), reader);

        assertThat(catchThrowable(() -> Reply.of(200, new byte[0], reader)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSuccessIsOnlyDecodedByTheReaderItsBodyWasReadWith() {
        Reply readAlone = Reply.of(200, listOf("").getBytes(StandardCharsets.UTF_8));

        assertThat(catchThrowable(() -> DingTalkErrors.success(readAlone, RoleReplies.page(PAGE), "list",
                ErrorMapper.NONE))).isInstanceOf(IllegalArgumentException.class);
    }

    private static String listOf(String groups) {
        return "{\"errcode\":0,\"result\":{\"hasMore\":false,\"list\":[" + groups + "]}}";
    }

    private static RoleGroupPage page(String json) {
        return decode(RoleReplies.page(PAGE), json);
    }

    private static RoleGroup group(String json) {
        return decode(RoleReplies.group(GROUP), json);
    }

    private static AppCredentialsTokenSource.TokenReply token(String json) {
        return decode(AppCredentialsTokenSource.TokenReply.reader(), json);
    }

    private static Throwable pageFailure(String json) {
        Throwable failure = catchThrowable(() -> page(json));
        assertThat(failure).isInstanceOf(UnavailableException.class);
        return failure;
    }

    /** What the adapter makes of {@code json} as a 200 reply: envelope and body read in one pass. */
    private static <T> T decode(BodyReader<T> reader, String json) {
        Reply reply = Reply.of(200, json.getBytes(StandardCharsets.UTF_8), reader);
        return DingTalkErrors.success(reply, reader, "test", ErrorMapper.NONE);
    }
}
