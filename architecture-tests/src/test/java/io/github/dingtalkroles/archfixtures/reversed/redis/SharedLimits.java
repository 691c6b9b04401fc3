package io.github.dingtalkroles.archfixtures.reversed.redis;

/** An adapter that keeps every rule; the DingTalk fixture beside it depends on it. */
public class SharedLimits {
}
