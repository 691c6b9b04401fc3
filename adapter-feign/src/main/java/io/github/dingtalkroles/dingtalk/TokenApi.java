package io.github.dingtalkroles.dingtalk;

import com.fasterxml.jackson.annotation.JsonProperty;
import feign.Headers;
import feign.Param;
import feign.Request;
import feign.RequestLine;

/**
 * DingTalk's {@code GET /gettoken}: an internal app's key and secret for an access token. A Feign target of
 * its own, without the {@link AccessTokenInterceptor} of {@link DingTalkApi}; replies are read by the same
 * decoders.
 */
interface TokenApi {

    @RequestLine("GET /gettoken?appkey={appkey}&appsecret={appsecret}")
    @Headers(DingTalkApi.JSON)
    TokenReply getToken(@Param("appkey") String appKey, @Param("appsecret") String appSecret,
            Request.Options options);

    /**
     * The {@code /gettoken} success body. The token is read as text only and checked by
     * {@link AccessToken#of} (see {@link AppCredentialsTokenSource}), never quoted in a message.
     *
     * @param accessToken {@code access_token}
     * @param expiresIn {@code expires_in} in seconds, or {@code null}
     */
    record TokenReply(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") Long expiresIn) {
        @Override
        public String toString() {
            return "TokenReply[accessToken=" + Redaction.MASK + ", expiresIn=" + expiresIn + "]";
        }
    }
}
