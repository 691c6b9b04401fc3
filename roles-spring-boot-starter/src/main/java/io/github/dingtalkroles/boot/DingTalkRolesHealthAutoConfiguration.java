package io.github.dingtalkroles.boot;

import io.github.dingtalkroles.dingtalk.AccessTokenSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The Actuator health indicator {@code dingTalkRoles}: whether an access token can be obtained, asking
 * DingTalk at most once per {@code dingtalk.roles.health.interval}. Configured when Actuator is on the
 * class path and there is an {@link AccessTokenSource} bean (the {@code dingtalk} backend); off with
 * {@code management.health.dingtalk-roles.enabled=false}; replaced by a bean of the application's own
 * named {@code dingTalkRolesHealthIndicator}.
 */
@AutoConfiguration(after = DingTalkRolesAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(AccessTokenSource.class)
@ConditionalOnEnabledHealthIndicator("dingtalk-roles")
public class DingTalkRolesHealthAutoConfiguration {

    /** Not for application code: Spring creates the auto-configuration. */
    public DingTalkRolesHealthAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean(name = "dingTalkRolesHealthIndicator")
    HealthIndicator dingTalkRolesHealthIndicator(ObjectProvider<AccessTokenSource> tokens,
            DingTalkRolesProperties properties) {
        // the source is looked up at the first check: it is lazy, and a test that replaced the directory
        // may have no credentials to build it with
        return new AccessTokenHealthIndicator(tokens::getObject, properties.health().interval(), System::nanoTime);
    }
}
