package io.github.dingtalkroles.archfixtures.reversed.dingtalk;

import io.github.dingtalkroles.archfixtures.reversed.redis.SharedLimits;

/** Breaks the adapters' independence: the redis-on-dingtalk exception does not go the other way. */
public class ClientOverLimits {
    SharedLimits limits;
}
