package io.github.dingtalkroles.archfixtures.clean.redis;

import io.github.dingtalkroles.archfixtures.clean.dingtalk.ThingClient;

/** Builds on the DingTalk adapter, as the one named exception allows. */
public class ThingLimits {
    ThingClient client;
}
