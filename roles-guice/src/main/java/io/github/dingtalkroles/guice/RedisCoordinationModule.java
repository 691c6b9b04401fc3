package io.github.dingtalkroles.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.OptionalBinder;
import io.github.dingtalkroles.dingtalk.AccessTokenCache;
import io.github.dingtalkroles.dingtalk.CallPermits;
import io.github.dingtalkroles.dingtalk.DingTalkMetrics;
import io.github.dingtalkroles.redis.RedisCoordination;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.Optional;

/**
 * Many instances of a platform, one DingTalk app: binds the rate limit and token cache that roles-redis shares
 * through Redis ({@link RedisCoordination}), as {@link CallPermits} and {@link AccessTokenCache}, which
 * {@link DingTalkRolesModule} hands to the directory it builds. Install both:
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(
 *         new DingTalkRolesModule(DingTalkRoleDirectory.builder().appCredentials(appKey, AppSecret.of(appSecret))),
 *         new RedisCoordinationModule(RedisCoordination.builder(redisUri).instances(4)));
 * }</pre>
 *
 * <p>Needs roles-redis on the class path (an optional dependency of this module). It builds one
 * {@link RedisCoordination} per injector, as a singleton, the first time it is needed (it connects in the
 * background; Redis need not be up); a {@link DingTalkMetrics} bound in the injector receives its outages and
 * fallbacks. Guice does not close what it creates: close the bound {@code RedisCoordination} when the platform
 * stops, after the directory. Do not change the builder after handing it over.
 */
public final class RedisCoordinationModule extends AbstractModule {
    private final RedisCoordination.Builder builder;

    /**
     * A module that builds its coordination with {@code builder}.
     *
     * @param builder the configured builder; not copied, so leave it alone afterwards
     */
    public RedisCoordinationModule(RedisCoordination.Builder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), DingTalkMetrics.class);
    }

    @Provides
    @Singleton
    RedisCoordination redisCoordination(Optional<DingTalkMetrics> metrics) {
        metrics.ifPresent(builder::metrics);
        return builder.build();
    }

    @Provides
    @Singleton
    CallPermits callPermits(RedisCoordination coordination) {
        return coordination.callPermits();
    }

    @Provides
    @Singleton
    AccessTokenCache accessTokenCache(RedisCoordination coordination) {
        return coordination.tokenCache();
    }
}
