package io.github.dingtalkroles.emulator;

import static io.github.dingtalkroles.emulator.WireClient.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.emulator.WireClient.Answer;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** topapi/role/list and topapi/role/getrolegroup: fields, paging and error codes as the pages give them. */
class RoleReadsTest {
    private static final String TOKEN = "test-token";
    private static final String LIST = "/topapi/role/list";
    private static final String GET_GROUP = "/topapi/role/getrolegroup";

    private final InMemoryRoleDirectory directory = InMemoryRoleDirectory.create();
    private final DingTalkEmulator emulator = DingTalkEmulator.builder()
            .directory(directory).accessToken(TOKEN).start();
    private final WireClient client = new WireClient(emulator);

    @AfterEach
    void stop() {
        emulator.close();
    }

    private List<String> addGroups(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(directory.addRoleGroup(RoleGroupName.of("G" + i)).name().value());
        }
        return names;
    }

    private static List<String> groupNames(Answer answer) {
        List<String> names = new ArrayList<>();
        answer.json().get("result").get("list").forEach(g -> names.add(g.get("name").asText()));
        return names;
    }

    @Test
    void listAnswersGroupsWithTheirRolesUnderThePagesFieldNames() {
        RoleGroup hr = directory.addRoleGroup(RoleGroupName.of("HR"));
        long recruiter = directory.addRole(hr.id(), RoleName.of("Recruiter")).id().value();

        Answer answer = client.postForm(LIST, TOKEN, fields("offset", 0, "size", 20));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json;charset=UTF-8");
        JsonNode body = answer.json();
        assertThat(body.get("errcode").asLong()).isZero();
        assertThat(body.get("errmsg").asText()).isEqualTo("ok");
        assertThat(body.get("request_id").asText()).matches("[a-z0-9]{12}");
        JsonNode result = body.get("result");
        assertThat(result.get("hasMore").isBoolean()).isTrue();
        assertThat(result.get("hasMore").asBoolean()).isFalse();
        JsonNode defaultGroup = result.get("list").get(0);
        assertThat(defaultGroup.get("groupId").asLong()).isEqualTo(InMemoryRoleDirectory.DEFAULT_GROUP_ID);
        assertThat(defaultGroup.get("name").asText()).isEqualTo("Default");
        assertThat(defaultGroup.get("roles").get(0).get("id").asLong()).isEqualTo(1507113580L);
        assertThat(defaultGroup.get("roles").get(0).get("name").asText()).isEqualTo("Owner");
        JsonNode hrGroup = result.get("list").get(1);
        assertThat(hrGroup.get("groupId").isIntegralNumber()).isTrue();
        assertThat(hrGroup.get("groupId").asLong()).isEqualTo(hr.id().value());
        assertThat(hrGroup.get("roles").get(0).get("id").asLong()).isEqualTo(recruiter);
        assertThat(hrGroup.get("roles").get(0).get("name").asText()).isEqualTo("Recruiter");
    }

    @Test
    void anEmptyGroupIsListedWithAnEmptyRolesArray() {
        directory.addRoleGroup(RoleGroupName.of("Empty"));

        JsonNode empty = client.postForm(LIST, TOKEN, fields()).json().get("result").get("list").get(1);

        assertThat(empty.get("roles").isArray()).isTrue();
        assertThat(empty.get("roles")).isEmpty();
    }

    @Test
    void pagesBySizeAndOffsetWithHasMoreFalseOnlyOnTheLastPage() {
        List<String> expected = new ArrayList<>(List.of("Default"));
        expected.addAll(addGroups(6));

        Answer first = client.postForm(LIST, TOKEN, fields("offset", 0, "size", 3));
        Answer second = client.postJson(LIST, TOKEN, """
                {"offset":3,"size":3}""");
        Answer last = client.postJson(LIST, TOKEN, """
                {"offset":"6","size":"3"}""");
        Answer beyond = client.postForm(LIST, TOKEN, fields("offset", 99, "size", 3));

        assertThat(groupNames(first)).isEqualTo(expected.subList(0, 3));
        assertThat(groupNames(second)).isEqualTo(expected.subList(3, 6));
        assertThat(groupNames(last)).isEqualTo(expected.subList(6, 7));
        assertThat(first.json().get("result").get("hasMore").asBoolean()).isTrue();
        assertThat(second.json().get("result").get("hasMore").asBoolean()).isTrue();
        assertThat(last.json().get("result").get("hasMore").asBoolean()).isFalse();
        assertThat(groupNames(beyond)).isEmpty();
        assertThat(beyond.json().get("result").get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void withoutPagingFieldsServesTheFirst20Groups() {
        addGroups(25);

        Answer answer = client.postForm(LIST, TOKEN, fields());

        assertThat(groupNames(answer)).hasSize(20).startsWith("Default", "G0");
        assertThat(answer.json().get("result").get("hasMore").asBoolean()).isTrue();
    }

    @Test
    void sizeOrOffsetAloneDoesNotPageAsThePageSays() {
        addGroups(25);

        Answer sizeOnly = client.postForm(LIST, TOKEN, fields("size", 5));
        Answer offsetOnly = client.postForm(LIST, TOKEN, fields("offset", 10));

        assertThat(groupNames(sizeOnly)).hasSize(20).startsWith("Default");
        assertThat(groupNames(offsetOnly)).hasSize(20).startsWith("Default");
    }

    @Test
    void servesPagesOfUpTo200Groups() {
        addGroups(205);

        Answer answer = client.postForm(LIST, TOKEN, fields("offset", 0, "size", 200));

        assertThat(groupNames(answer)).hasSize(200);
        assertThat(answer.json().get("result").get("hasMore").asBoolean()).isTrue();
    }

    @ParameterizedTest(name = "size {0}")
    @ValueSource(strings = {"0", "201", "-1", "ten", "2.5"})
    void anInvalidSizeAnswers40069(String size) {
        Answer answer = client.postForm(LIST, TOKEN, fields("offset", 0, "size", size));

        assertThat(answer.errcode()).isEqualTo(40069);
        assertThat(answer.errmsg()).isEqualTo("Invalid size");
    }

    @ParameterizedTest(name = "offset {0}")
    @ValueSource(strings = {"-1", "first", "0.5"})
    void anInvalidOffsetAnswers40068(String offset) {
        Answer answer = client.postForm(LIST, TOKEN, fields("offset", offset, "size", 20));

        assertThat(answer.errcode()).isEqualTo(40068);
        assertThat(answer.errmsg()).isEqualTo("Invalid offset");
    }

    @Test
    void getRoleGroupAnswersItsNameAndRolesUnderThePagesSnakeCaseFieldNames() {
        Answer answer = client.postForm(GET_GROUP, TOKEN, fields("group_id", InMemoryRoleDirectory.DEFAULT_GROUP_ID));

        JsonNode body = answer.json();
        assertThat(body.get("errcode").asLong()).isZero();
        assertThat(body.get("errmsg").asText()).isEqualTo("ok");
        assertThat(body.get("request_id").asText()).matches("[a-z0-9]{12}");
        JsonNode group = body.get("role_group");
        assertThat(group.get("group_name").asText()).isEqualTo("Default");
        List<String> roles = new ArrayList<>();
        group.get("roles").forEach(r -> roles.add(r.get("role_id").asLong() + " " + r.get("role_name").asText()));
        assertThat(roles).containsExactly("1507113580 Owner", "1507113581 Supervisor",
                "1507113578 Super Admin", "1507113579 Sub Admin");
    }

    @Test
    void getRoleGroupAcceptsTheIdAsAJsonString() {
        RoleGroup hr = directory.addRoleGroup(RoleGroupName.of("HR"));

        Answer answer = client.postJson(GET_GROUP, TOKEN, """
                {"group_id":"%d"}""".formatted(hr.id().value()));

        assertThat(answer.json().get("role_group").get("group_name").asText()).isEqualTo("HR");
        assertThat(answer.json().get("role_group").get("roles")).isEmpty();
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {
            """
            {"group_id":424242}""",
            "{}",
            """
            {"group_id":"x"}""",
            """
            {"group_id":0}""",
            """
            {"groupId":1507113577}"""})
    void getRoleGroupOfAnUnknownMissingOrMalformedIdAnswers400002(String body) {
        Answer answer = client.postJson(GET_GROUP, TOKEN, body);

        assertThat(answer.errcode()).isEqualTo(400002);
        assertThat(answer.errmsg()).isEqualTo("Invalid parameter");
    }
}
