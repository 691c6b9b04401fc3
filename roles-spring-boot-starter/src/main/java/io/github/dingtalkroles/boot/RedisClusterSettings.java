package io.github.dingtalkroles.boot;

import io.github.dingtalkroles.dingtalk.DingTalkMetrics;
import io.github.dingtalkroles.redis.RedisCoordination;
import java.util.function.Consumer;

/**
 * Hands the {@code dingtalk.roles.cluster.*} properties to roles-redis's builder. Loaded only when roles-redis is
 * on the class path. A value the builder refuses becomes an {@link InvalidRolesPropertyException} naming the
 * property; messages never quote the Redis password (the builder masks it, and so do the messages written here).
 */
final class RedisClusterSettings {
    static final String REDIS_URI = "dingtalk.roles.cluster.redis-uri";
    static final String RATE = "dingtalk.roles.cluster.rate";
    static final String BURST = "dingtalk.roles.cluster.burst";
    static final String INSTANCES = "dingtalk.roles.cluster.instances";
    static final String KEY_PREFIX = "dingtalk.roles.cluster.key-prefix";

    private RedisClusterSettings() {
    }

    /**
     * The coordination the properties describe; it connects in the background.
     *
     * @throws InvalidRolesPropertyException if a value is refused
     */
    static RedisCoordination coordination(DingTalkRolesProperties.Cluster cluster, DingTalkMetrics metrics) {
        RedisCoordination.Builder builder = checked(REDIS_URI, () -> RedisCoordination.builder(cluster.redisUri()));
        set(RATE, cluster.rate(), builder::callsPerSecond);
        set(BURST, cluster.burst(), builder::burst);
        set(INSTANCES, cluster.instances(), builder::instances);
        set(KEY_PREFIX, cluster.keyPrefix(), builder::keyPrefix);
        return builder.metrics(metrics).build();
    }

    private static <T> void set(String property, T value, Consumer<T> setter) {
        if (value != null) {
            checked(property, () -> {
                setter.accept(value);
                return value;
            });
        }
    }

    private static <T> T checked(String property, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidRolesPropertyException(property, e.getMessage());
        }
    }
}
