package io.github.dingtalkroles.boot;

import io.github.dingtalkroles.boot.DingTalkRolesProperties.Backend;
import io.github.dingtalkroles.dingtalk.AccessTokenCache;
import io.github.dingtalkroles.dingtalk.AccessTokenSource;
import io.github.dingtalkroles.dingtalk.CallPermits;
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
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
 * With {@code dingtalk.roles.cluster.redis-uri} set and roles-redis on the class path, the directory takes its call
 * permits from a rate limit shared through Redis and its token source keeps its tokens there
 * ({@link DingTalkRolesProperties.Cluster}): {@link CallPermits} and {@link AccessTokenCache} beans over one
 * {@code RedisCoordination} bean, closed with the context after the directory. Without roles-redis, that property
 * stops the start with a message saying what to add.
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
                ObjectProvider<DingTalkMetrics> metrics, ObjectProvider<AccessTokenCache> cache) {
            return DingTalkSettings.tokenSource(properties, metrics.getIfAvailable(() -> DingTalkMetrics.NONE),
                    cache.getIfAvailable());
        }

        @Bean
        DingTalkRoleDirectory roleDirectory(DingTalkRolesProperties properties, AccessTokenSource tokens,
                ObjectProvider<DingTalkMetrics> metrics, ObjectProvider<CallPermits> permits) {
            return DingTalkSettings.directory(properties, tokens, metrics.getIfAvailable(() -> DingTalkMetrics.NONE),
                    permits.getIfAvailable());
        }
    }

    /** Many instances, one app: the rate limit and token cache shared through Redis (roles-redis). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBackend(Backend.DINGTALK)
    @ConditionalOnMissingBean(RoleDirectory.class)
    @ConditionalOnClass(name = "io.github.dingtalkroles.redis.RedisCoordination")
    @ConditionalOnProperty("dingtalk.roles.cluster.redis-uri")
    static class RedisClusterConfiguration {

        @Bean
        @ConditionalOnMissingBean
        io.github.dingtalkroles.redis.RedisCoordination dingTalkRolesRedisCoordination(
                DingTalkRolesProperties properties, ObjectProvider<DingTalkMetrics> metrics) {
            return RedisClusterSettings.coordination(properties.cluster(),
                    metrics.getIfAvailable(() -> DingTalkMetrics.NONE));
        }

        @Bean
        @ConditionalOnMissingBean
        CallPermits dingTalkCallPermits(io.github.dingtalkroles.redis.RedisCoordination redis) {
            return redis.callPermits();
        }

        @Bean
        @ConditionalOnMissingBean
        AccessTokenCache dingTalkAccessTokenCache(io.github.dingtalkroles.redis.RedisCoordination redis) {
            return redis.tokenCache();
        }
    }

    /** {@code dingtalk.roles.cluster.redis-uri} without roles-redis: the start stops, saying what to add. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBackend(Backend.DINGTALK)
    @ConditionalOnMissingClass("io.github.dingtalkroles.redis.RedisCoordination")
    @ConditionalOnProperty("dingtalk.roles.cluster.redis-uri")
    static class RedisModuleMissingConfiguration {

        @Bean
        CallPermits dingTalkCallPermits() {
            throw new InvalidRolesPropertyException(RedisClusterSettings.REDIS_URI, "is set, but the roles-redis module"
                    + " is not on the class path: add the dependency io.github.dingtalkroles:roles-redis");
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
