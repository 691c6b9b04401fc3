package io.github.dingtalkroles.dingtalk;

import feign.Headers;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.Response;

/**
 * DingTalk's oapi endpoints, exactly as its API pages name them: the credential in the query string
 * only, everything else a form field. Query values are passed percent-encoded (see
 * {@link FormUrlEncoder#encodeQueryValue}). Each method returns the raw {@link Response}, so that
 * {@link DingTalkHttp} sees every status and body, also those DingTalk sends when it fails.
 */
interface DingTalkApi {
    String FORM = "Content-Type: application/x-www-form-urlencoded;charset=utf-8";

    @RequestLine("GET /gettoken?appkey={appkey}&appsecret={appsecret}")
    @Headers("Accept: application/json")
    Response getToken(@Param(value = "appkey", encoded = true) String appKey,
            @Param(value = "appsecret", encoded = true) String appSecret, Request.Options options);

    @RequestLine("POST /role/add_role_group?access_token={access_token}")
    @Headers({FORM, "Accept: application/json"})
    Response addRoleGroup(@Param(value = "access_token", encoded = true) String accessToken,
            @Param("name") String name, Request.Options options);

    @RequestLine("POST /role/add_role?access_token={access_token}")
    @Headers({FORM, "Accept: application/json"})
    Response addRole(@Param(value = "access_token", encoded = true) String accessToken,
            @Param("roleName") String roleName, @Param("groupId") long groupId, Request.Options options);

    @RequestLine("POST /role/update_role?access_token={access_token}")
    @Headers({FORM, "Accept: application/json"})
    Response updateRole(@Param(value = "access_token", encoded = true) String accessToken,
            @Param("roleId") long roleId, @Param("roleName") String roleName, Request.Options options);

    @RequestLine("POST /topapi/role/list?access_token={access_token}")
    @Headers({FORM, "Accept: application/json"})
    Response listRoleGroups(@Param(value = "access_token", encoded = true) String accessToken,
            @Param("size") int size, @Param("offset") int offset, Request.Options options);

    @RequestLine("POST /topapi/role/getrolegroup?access_token={access_token}")
    @Headers({FORM, "Accept: application/json"})
    Response getRoleGroup(@Param(value = "access_token", encoded = true) String accessToken,
            @Param("group_id") long groupId, Request.Options options);
}
