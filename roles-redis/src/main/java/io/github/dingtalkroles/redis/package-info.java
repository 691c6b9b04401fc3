/**
 * Many instances of a platform, one DingTalk app: a cluster-wide rate limit (Bucket4j over Lettuce) and access-token
 * cache on Redis for the DingTalk adapter, with in-process fallbacks while Redis is unavailable.
 *
 * <p>Public: {@link io.github.dingtalkroles.redis.RedisCoordination} and its builder; everything else is
 * package-private.
 */
package io.github.dingtalkroles.redis;
