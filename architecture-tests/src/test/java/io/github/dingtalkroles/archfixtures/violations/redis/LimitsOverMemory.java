package io.github.dingtalkroles.archfixtures.violations.redis;

import io.github.dingtalkroles.archfixtures.violations.inmemory.CrossStore;

/** Breaks the adapters' independence: the redis exception covers dingtalk only, not inmemory. */
public class LimitsOverMemory {
    CrossStore store;
}
