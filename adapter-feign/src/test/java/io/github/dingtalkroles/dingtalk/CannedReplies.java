package io.github.dingtalkroles.dingtalk;

import feign.Client;
import feign.Request;
import feign.Response;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleGroupPage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Feign {@link Client} that answers every request with one canned status and body, as bytes on the wire
 * would arrive, and keeps the requests it was sent: for tests of the adapter's reply decoding through its
 * public behaviour (a directory built with {@link DingTalkRoleDirectory.Builder#feignClient}), without a server.
 */
final class CannedReplies implements Client {
    static final String TOKEN = "s3cr3t-canned-token";

    private final int status;
    private final byte[] body;
    final List<Request> sent = new CopyOnWriteArrayList<>();

    CannedReplies(int status, byte[] body) {
        this.status = status;
        this.body = body;
    }

    static CannedReplies ok(String json) {
        return new CannedReplies(200, json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Response execute(Request request, Request.Options options) {
        sent.add(request);
        return Response.builder()
                .status(status)
                .reason("canned")
                .request(request)
                .headers(Map.of("Content-Type", List.of("application/json")))
                .body(body)
                .build();
    }

    /** A directory answered by this client: a fixed token, one attempt per operation, no rate limit. */
    DingTalkRoleDirectory directory() {
        return DingTalkRoleDirectory.builder()
                .baseUrl("http://dingtalk.invalid")
                .feignClient(this)
                .accessToken(AccessToken.of(TOKEN))
                .maxRetries(0)
                .deadline(Duration.ofSeconds(5))
                .backoff(Duration.ofMillis(1))
                .noRateLimit()
                .build();
    }

    /** An app-credentials token source answered by this client. */
    AccessTokenSource tokenSource(String appSecret) {
        return AccessTokenSource.appCredentialsBuilder("key", AppSecret.of(appSecret))
                .baseUrl("http://dingtalk.invalid")
                .feignClient(this)
                .build();
    }

    /** The list page this client's reply is decoded as. */
    static RoleGroupPage page(String json) {
        return ok(json).directory().listRoleGroups(PageRequest.first(20));
    }
}
