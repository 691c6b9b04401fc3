package io.github.dingtalkroles.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.OptionalBinder;
import io.github.dingtalkroles.dingtalk.AccessTokenCache;
import io.github.dingtalkroles.dingtalk.CallPermits;
import io.github.dingtalkroles.dingtalk.DingTalkMetrics;
import io.github.dingtalkroles.dingtalk.DingTalkRoleDirectory;
import io.github.dingtalkroles.port.RoleDirectory;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.Optional;

/**
 * Binds {@link RoleDirectory} to one DingTalk organisation through {@link DingTalkRoleDirectory}.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new DingTalkRolesModule(DingTalkRoleDirectory.builder()
 *         .appCredentials(appKey, AppSecret.of(appSecret))));
 * }</pre>
 *
 * <p>The module takes the adapter's own builder, so every setting the adapter has (base URL, timeouts,
 * retries, rate limit, a shared {@link io.github.dingtalkroles.dingtalk.AccessTokenSource}) is set
 * where it is documented. It builds one directory per injector, as a singleton, the first time it is
 * needed; from then on it does not read the builder again, so do not change the builder after handing
 * it over. Both {@code RoleDirectory} and {@code DingTalkRoleDirectory} are bound to that instance.
 *
 * <p>Metrics: bind {@link DingTalkMetrics} in any module of the injector, e.g.
 * {@code bind(DingTalkMetrics.class).toInstance(MicrometerDingTalkMetrics.of(meterRegistry))}, and the
 * directory records its meters there; unbound, it records nothing (or what the builder was given).
 *
 * <p>Many instances, one app: bind {@link CallPermits} and {@link AccessTokenCache} in any module of the injector
 * (install {@code RedisCoordinationModule} for the Redis ones of roles-redis) and the directory takes its call
 * permits there and keeps the tokens of its {@code appCredentials} there; unbound, it limits itself and keeps its
 * own token.
 *
 * <p>In tests, replace the backend without touching the rest of the platform's modules:
 * {@code Modules.override(platformModules).with(new InMemoryRolesModule())}.
 *
 * <p>Guice does not close what it creates: a platform that stops its injector while the JVM goes on
 * releases the directory's resources itself, through the bound {@code DingTalkRoleDirectory}.
 *
 * <p>A module instance may be installed in several injectors, from one thread at a time; each gets its
 * own directory, safe for concurrent use.
 */
public final class DingTalkRolesModule extends AbstractModule {
    private final DingTalkRoleDirectory.Builder builder;

    /**
     * A module that builds its directory with {@code builder}, which must name a way to get access
     * tokens ({@code appCredentials}, {@code accessToken} or {@code tokenSource}); without one, the
     * injection of {@code RoleDirectory} fails with the builder's message.
     *
     * @param builder the configured builder; not copied, so leave it alone afterwards
     */
    public DingTalkRolesModule(DingTalkRoleDirectory.Builder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    @Override
    protected void configure() {
        bind(RoleDirectory.class).to(DingTalkRoleDirectory.class);
        OptionalBinder.newOptionalBinder(binder(), DingTalkMetrics.class);
        OptionalBinder.newOptionalBinder(binder(), CallPermits.class);
        OptionalBinder.newOptionalBinder(binder(), AccessTokenCache.class);
    }

    @Provides
    @Singleton
    DingTalkRoleDirectory dingTalkRoleDirectory(Optional<DingTalkMetrics> metrics, Optional<CallPermits> permits,
            Optional<AccessTokenCache> tokenCache) {
        metrics.ifPresent(builder::metrics);
        permits.ifPresent(builder::callPermits);
        tokenCache.ifPresent(builder::tokenCache);
        return builder.build();
    }
}
