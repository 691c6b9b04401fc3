/**
 * Spring Boot auto-configuration for DingTalk roles: a {@link io.github.dingtalkroles.port.RoleDirectory}
 * bean from the {@code dingtalk.roles.*} properties ({@link io.github.dingtalkroles.boot.DingTalkRolesProperties}),
 * DingTalk or in memory, and an Actuator health indicator for the DingTalk backend.
 */
package io.github.dingtalkroles.boot;
