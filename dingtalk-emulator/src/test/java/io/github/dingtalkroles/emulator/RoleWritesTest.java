package io.github.dingtalkroles.emulator;

import static io.github.dingtalkroles.emulator.WireClient.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.emulator.WireClient.Answer;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** add_role_group, add_role and update_role: fields, answers and error codes as the pages give them. */
class RoleWritesTest {
    private static final String TOKEN = "test-token";
    private static final long DEFAULT_GROUP = InMemoryRoleDirectory.DEFAULT_GROUP_ID;
    private static final long OWNER_ROLE = 1507113580L;

    private final InMemoryRoleDirectory directory = InMemoryRoleDirectory.create();
    private final DingTalkEmulator emulator = DingTalkEmulator.builder()
            .directory(directory).accessToken(TOKEN).start();
    private final WireClient client = new WireClient(emulator);

    @AfterEach
    void stop() {
        emulator.close();
    }

    private long addGroup(String name) {
        Answer answer = client.postForm("/role/add_role_group", TOKEN, fields("name", name));
        assertThat(answer.errcode()).as(answer.body()).isZero();
        return answer.json().get("groupId").asLong();
    }

    private long addRole(long groupId, String name) {
        Answer answer = client.postForm("/role/add_role", TOKEN, fields("roleName", name, "groupId", groupId));
        assertThat(answer.errcode()).as(answer.body()).isZero();
        return answer.json().get("roleId").asLong();
    }

    private RoleGroup group(long id) {
        return directory.findRoleGroup(RoleGroupId.of(id)).orElseThrow();
    }

    private static void assertError(Answer answer, long errcode, String errmsg) {
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.errcode()).as(answer.body()).isEqualTo(errcode);
        assertThat(answer.errmsg()).isEqualTo(errmsg);
        assertThat(answer.json().get("request_id").asText()).matches("[a-z0-9]{12}");
    }

    // ---- add_role_group ------------------------------------------------------------------------

    @Test
    void addRoleGroupAnswersTheNewGroupsIdAndCreatesIt() {
        Answer answer = client.postForm("/role/add_role_group", TOKEN, fields("name", "HR"));

        assertThat(answer.errcode()).isZero();
        assertThat(answer.errmsg()).isEqualTo("ok");
        long groupId = answer.json().get("groupId").asLong();
        assertThat(group(groupId).name().value()).isEqualTo("HR");
        assertThat(group(groupId).roles()).isEmpty();
    }

    @Test
    void addRoleGroupWithoutANameAnswers660000() {
        assertError(client.postForm("/role/add_role_group", TOKEN, fields()), 660000, "The parameter is empty");
        assertError(client.postForm("/role/add_role_group", TOKEN, fields("name", "  ")), 660000, "The parameter is empty");
    }

    @Test
    void addRoleGroupWithATakenNameAnswers34001() {
        addGroup("HR");

        assertError(client.postForm("/role/add_role_group", TOKEN, fields("name", " HR ")),
                34001, "The role group name already exists");
        assertError(client.postForm("/role/add_role_group", TOKEN, fields("name", "Default")),
                34001, "The role group name already exists");
    }

    @Test
    void aNameTheDomainRefusesForItsLengthOrControlCharactersAnswers400002SayingWhy() {
        Answer tooLong = client.postForm("/role/add_role_group", TOKEN, fields("name", "x".repeat(65)));
        Answer control = client.postForm("/role/add_role", TOKEN, fields("roleName", "a\u0007b", "groupId", addGroup("HR")));

        assertThat(tooLong.errcode()).isEqualTo(400002);
        assertThat(tooLong.errmsg()).startsWith("Invalid parameter: ").contains("at most 64 characters");
        assertThat(control.errcode()).isEqualTo(400002);
        assertThat(control.errmsg()).startsWith("Invalid parameter: ").contains("control characters");
    }

    // ---- add_role ------------------------------------------------------------------------------

    @Test
    void addRoleAnswersTheNewRolesIdAndAddsItToTheGroup() {
        long groupId = addGroup("HR");

        Answer answer = client.postForm("/role/add_role", TOKEN, fields("roleName", "Recruiter", "groupId", groupId));

        assertThat(answer.errcode()).isZero();
        long roleId = answer.json().get("roleId").asLong();
        assertThat(group(groupId).role(RoleId.of(roleId))).hasValueSatisfying(
                role -> assertThat(role.name().value()).isEqualTo("Recruiter"));
    }

    @Test
    void acceptsJsonBodiesWithNumbersAsNumbersOrAsStrings() {
        long groupId = addGroup("HR");

        Answer asNumber = client.postJson("/role/add_role", TOKEN,
                """
                {"roleName":"Recruiter","groupId":%d}""".formatted(groupId));
        Answer asString = client.postJson("/role/add_role", TOKEN,
                """
                {"groupId":"%d","roleName":"Payroll"}""".formatted(groupId));

        assertThat(asNumber.errcode()).as(asNumber.body()).isZero();
        assertThat(asString.errcode()).as(asString.body()).isZero();
        assertThat(group(groupId).roles()).extracting(r -> r.name().value()).containsExactly("Recruiter", "Payroll");
    }

    @Test
    void keepsNamesInAnyScriptIntactThroughFormAndJson() {
        long groupId = addGroup("财务部");

        addRole(groupId, "会计 \uD83D\uDCBC");
        Answer json = client.postJson("/role/add_role", TOKEN,
                """
                {"roleName":"出纳","groupId":%d}""".formatted(groupId));

        assertThat(json.errcode()).isZero();
        assertThat(group(groupId).name().value()).isEqualTo("财务部");
        assertThat(group(groupId).roles()).extracting(r -> r.name().value()).containsExactly("会计 \uD83D\uDCBC", "出纳");
    }

    @Test
    void addRoleWithoutANameOrAGroupAnswers34018() {
        long groupId = addGroup("HR");

        assertError(client.postForm("/role/add_role", TOKEN, fields("groupId", groupId)), 34018, "The role cannot be empty");
        assertError(client.postForm("/role/add_role", TOKEN, fields("roleName", "X")), 34018, "The role cannot be empty");
        assertError(client.postForm("/role/add_role", TOKEN, fields("roleName", " ", "groupId", groupId)),
                34018, "The role cannot be empty");
        assertThat(group(groupId).roles()).isEmpty();
    }

    @ParameterizedTest(name = "groupId {0}")
    @ValueSource(strings = {"999999", "0", "-5", "eleven", "1.5", "99999999999999999999"})
    void addRoleToAnUnknownOrMalformedGroupIdAnswers34020(String groupId) {
        assertError(client.postForm("/role/add_role", TOKEN, fields("roleName", "X", "groupId", groupId)),
                34020, "Invalid groupId");
    }

    @Test
    void addRoleWithATakenNameInTheGroupAnswers34021AndAddsNothing() {
        long groupId = addGroup("HR");
        addRole(groupId, "Recruiter");

        assertError(client.postForm("/role/add_role", TOKEN, fields("roleName", "Recruiter ", "groupId", groupId)),
                34021, "The role name already exists");
        assertThat(group(groupId).roles()).hasSize(1);
    }

    @Test
    void addRoleToTheDefaultGroupAnswers34022() {
        assertError(client.postForm("/role/add_role", TOKEN, fields("roleName", "Auditor", "groupId", DEFAULT_GROUP)),
                34022, "Roles cannot be added to the Default group");
    }

    // ---- update_role ---------------------------------------------------------------------------

    @Test
    void updateRoleRenamesTheRoleAndAnswersOk() {
        long groupId = addGroup("HR");
        long roleId = addRole(groupId, "Recruiter");

        Answer answer = client.postForm("/role/update_role", TOKEN, fields("roleId", roleId, "roleName", "Talent"));

        assertThat(answer.errcode()).isZero();
        assertThat(answer.errmsg()).isEqualTo("ok");
        assertThat(group(groupId).role(RoleId.of(roleId)).orElseThrow().name().value()).isEqualTo("Talent");
    }

    @Test
    void updateRoleToItsOwnNameSucceeds() {
        long roleId = addRole(addGroup("HR"), "Recruiter");

        Answer answer = client.postJson("/role/update_role", TOKEN, """
                {"roleId":"%d","roleName":"Recruiter"}""".formatted(roleId));

        assertThat(answer.errcode()).isZero();
    }

    @Test
    void updateRoleWithoutAnIdOrANameAnswers660000() {
        long roleId = addRole(addGroup("HR"), "Recruiter");

        assertError(client.postForm("/role/update_role", TOKEN, fields("roleName", "X")), 660000, "The parameter is empty");
        assertError(client.postForm("/role/update_role", TOKEN, fields("roleId", roleId)), 660000, "The parameter is empty");
        assertError(client.postForm("/role/update_role", TOKEN, fields("roleId", roleId, "roleName", "")),
                660000, "The parameter is empty");
    }

    @ParameterizedTest(name = "roleId {0}")
    @ValueSource(strings = {"999999", "0", "-1", "abc"})
    void updateRoleOfAnUnknownOrMalformedRoleIdAnswers33011(String roleId) {
        assertError(client.postForm("/role/update_role", TOKEN, fields("roleId", roleId, "roleName", "X")),
                33011, "Invalid roleId");
    }

    @Test
    void updateRoleOfABuiltInRoleAnswers33012() {
        assertError(client.postForm("/role/update_role", TOKEN, fields("roleId", OWNER_ROLE, "roleName", "Boss")),
                33012, "Roles in the Default group cannot be modified");
    }

    @Test
    void updateRoleOntoAnotherRolesNameAnswers34021() {
        long groupId = addGroup("HR");
        addRole(groupId, "Recruiter");
        long payroll = addRole(groupId, "Payroll");

        assertError(client.postForm("/role/update_role", TOKEN, fields("roleId", payroll, "roleName", "Recruiter")),
                34021, "The role name already exists");
    }
}
