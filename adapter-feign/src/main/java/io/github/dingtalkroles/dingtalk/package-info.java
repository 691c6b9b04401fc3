/**
 * The {@link io.github.dingtalkroles.port.RoleDirectory} port over DingTalk's oapi role endpoints.
 *
 * <p>Public: {@link io.github.dingtalkroles.dingtalk.DingTalkRoleDirectory} and its builder, the
 * {@link io.github.dingtalkroles.dingtalk.AccessTokenSource} abstraction, the two seams that let many instances of
 * one app coordinate ({@link io.github.dingtalkroles.dingtalk.CallPermits},
 * {@link io.github.dingtalkroles.dingtalk.AccessTokenCache}), the metrics SPI, and the secret value types
 * {@link io.github.dingtalkroles.dingtalk.AccessToken} and {@link io.github.dingtalkroles.dingtalk.AppSecret}.
 * Everything else (the Feign interface, reply types, error mapping, retry policy) is package-private.
 */
package io.github.dingtalkroles.dingtalk;
