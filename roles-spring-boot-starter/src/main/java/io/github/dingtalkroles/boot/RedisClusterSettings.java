package io.github.dingtalkroles.boot;

import io.github.dingtalkroles.dingtalk.DingTalkMetrics;
import io.github.dingtalkroles.redis.RedisCoordination;

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
        RedisCoordination.Builder builder = DingTalkSettings.checked(REDIS_URI,
                () -> RedisCoordination.builder(cluster.redisUri()));
        DingTalkSettings.set(RATE, cluster.rate(), builder::callsPerSecond);
        DingTalkSettings.set(BURST, cluster.burst(), builder::burst);
        DingTalkSettings.set(INSTANCES, cluster.instances(), builder::instances);
        DingTalkSettings.set(KEY_PREFIX, cluster.keyPrefix(), builder::keyPrefix);
        return builder.metrics(metrics).build();
    }
}
