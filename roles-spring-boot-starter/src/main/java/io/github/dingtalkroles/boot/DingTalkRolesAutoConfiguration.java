package io.github.dingtalkroles.boot;

import io.github.dingtalkroles.boot.DingTalkRolesProperties.Backend;
import io.github.dingtalkroles.dingtalk.AccessTokenSource;
import io.github.dingtalkroles.dingtalk.DingTalkMetrics;
import io.github.dingtalkroles.dingtalk.MicrometerDingTalkMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import io.github.dingtalkroles.dingtalk.DingTalkRoleDirectory;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.port.RoleDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configures the {@link RoleDirectory} bean from the {@code dingtalk.roles.*} properties
 * ({@link DingTalkRolesProperties}):
 * <ul>
 *   <li>{@code dingtalk.roles.backend=dingtalk} (the default): a {@link DingTalkRoleDirectory}, getting
 *       its tokens from an {@link AccessTokenSource} bean, built from {@code app-key} and
 *       {@code app-secret} (or {@code access-token}) unless the application declares its own;</li>
 *   <li>{@code dingtalk.roles.backend=in-memory}: an {@link InMemoryRoleDirectory}, filled by the
 *       application's {@link InMemoryRolesSeed} beans.</li>
 * </ul>
 * With Micrometer and a {@code MeterRegistry} bean (Actuator brings both), the directory and its token source
 * record their meters ({@code dingtalk.roles.*}, see the adapter's README) in that registry, through a
 * {@link DingTalkMetrics} bean the application may replace.
 * Each bean backs off when the application defines one of the same type: a {@code RoleDirectory}
 * bean of the application's own replaces the whole backend. The directory is closed with the context
 * when it is {@link AutoCloseable} (Spring's inferred destroy method).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@EnableConfigurationProperties(DingTalkRolesProperties.class)
public class DingTalkRolesAutoConfiguration {

    /** Not for application code: Spring creates the auto-configuration. */
    public DingTalkRolesAutoConfiguration() {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBackend(Backend.DINGTALK)
    @ConditionalOnMissingBean(RoleDirectory.class)
    static class DingTalkBackendConfiguration {

        // lazy, so that a directory replaced in a test (@MockitoBean) asks for no credentials
        @Bean
        @Lazy
        @ConditionalOnMissingBean
        AccessTokenSource dingTalkAccessTokenSource(DingTalkRolesProperties properties,
                ObjectProvider<DingTalkMetrics> metrics) {
            return DingTalkSettings.tokenSource(properties, metrics.getIfAvailable(() -> DingTalkMetrics.NONE));
        }

        @Bean
        DingTalkRoleDirectory roleDirectory(DingTalkRolesProperties properties, AccessTokenSource tokens,
                ObjectProvider<DingTalkMetrics> metrics) {
            return DingTalkSettings.directory(properties, tokens, metrics.getIfAvailable(() -> DingTalkMetrics.NONE));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnBean(MeterRegistry.class)
        @ConditionalOnMissingBean
        DingTalkMetrics dingTalkMetrics(MeterRegistry registry) {
            return MicrometerDingTalkMetrics.of(registry);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBackend(Backend.IN_MEMORY)
    @ConditionalOnMissingBean(RoleDirectory.class)
    static class InMemoryBackendConfiguration {

        @Bean
        InMemoryRoleDirectory roleDirectory(ObjectProvider<InMemoryRolesSeed> seeds) {
            InMemoryRoleDirectory directory = InMemoryRoleDirectory.create();
            seeds.orderedStream().forEach(seed -> seed.seed(directory));
            return directory;
        }
    }
}
