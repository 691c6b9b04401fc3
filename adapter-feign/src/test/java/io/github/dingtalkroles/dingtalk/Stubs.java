package io.github.dingtalkroles.dingtalk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;

/** DingTalk-shaped WireMock replies and a directory configured for fast tests. */
final class Stubs {
    static final String GETTOKEN = "/gettoken";
    static final String ADD_ROLE_GROUP = "/role/add_role_group";
    static final String ADD_ROLE = "/role/add_role";
    static final String UPDATE_ROLE = "/role/update_role";
    static final String LIST = "/topapi/role/list";
    static final String GET_ROLE_GROUP = "/topapi/role/getrolegroup";

    static final String TOKEN = "T0KEN-5ecret-value-0001";

    private Stubs() {
    }

    /** A directory on the stub server with a fixed token, 1 ms backoff and 10 ms throttling wait. */
    static DingTalkRoleDirectory.Builder fastDirectory(WireMockExtension server) {
        return DingTalkRoleDirectory.builder()
                .baseUrl(server.baseUrl())
                .accessToken(AccessToken.of(TOKEN))
                .readTimeout(Duration.ofSeconds(2))
                .deadline(Duration.ofSeconds(10))
                .backoff(Duration.ofMillis(1))
                .throttlingWait(Duration.ofMillis(10))
                .noRateLimit();
    }

    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body);
    }

    static ResponseDefinitionBuilder ok(String fields) {
        return json("{\"errcode\":0,\"errmsg\":\"ok\"" + (fields.isEmpty() ? "" : "," + fields)
                + ",\"request_id\":\"req-ok\"}");
    }

    static ResponseDefinitionBuilder error(int errcode, String errmsg) {
        return json("{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + "\",\"request_id\":\"req-" + errcode + "\"}");
    }

    static ResponseDefinitionBuilder wrapped(String subCode, String errmsg) {
        return json("{\"errcode\":88,\"sub_code\":\"" + subCode + "\",\"sub_msg\":\"" + errmsg
                + "\",\"errmsg\":\"" + errmsg + "\",\"request_id\":\"req-88\"}");
    }

    static String group(long id, String name, String rolesJson) {
        return "{\"groupId\":" + id + ",\"name\":\"" + name + "\",\"roles\":[" + rolesJson + "]}";
    }

    static String listRole(long id, String name) {
        return "{\"id\":" + id + ",\"name\":\"" + name + "\"}";
    }

    static ResponseDefinitionBuilder listReply(boolean hasMore, String... groups) {
        return ok("\"result\":{\"hasMore\":" + hasMore + ",\"list\":[" + String.join(",", groups) + "]}");
    }

    static ResponseDefinitionBuilder roleGroupReply(String groupName, String... roles) {
        return ok("\"role_group\":{\"group_name\":\"" + groupName + "\",\"roles\":[" + String.join(",", roles) + "]}");
    }

    static String groupRole(long id, String name) {
        return "{\"role_id\":" + id + ",\"role_name\":\"" + name + "\"}";
    }

    /** {@code POST path} answers {@code replies} in turn, repeating the last one. */
    static void postAnswers(WireMockExtension server, String path, ResponseDefinitionBuilder... replies) {
        answers(server, path, true, replies);
    }

    /** {@code GET path} answers {@code replies} in turn, repeating the last one. */
    static void getAnswers(WireMockExtension server, String path, ResponseDefinitionBuilder... replies) {
        answers(server, path, false, replies);
    }

    private static void answers(WireMockExtension server, String path, boolean isPost,
            ResponseDefinitionBuilder... replies) {
        String scenario = "answers to " + path;
        for (int i = 0; i < replies.length; i++) {
            ScenarioMappingBuilder mapping = (isPost ? post(urlPathEqualTo(path)) : get(urlPathEqualTo(path)))
                    .inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "reply " + i)
                    .willReturn(replies[i]);
            if (i < replies.length - 1) {
                mapping = mapping.willSetStateTo("reply " + (i + 1));
            }
            server.stubFor(mapping);
        }
    }
}
