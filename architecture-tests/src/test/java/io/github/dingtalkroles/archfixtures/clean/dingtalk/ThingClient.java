package io.github.dingtalkroles.archfixtures.clean.dingtalk;

/** A DingTalk-adapter fixture that keeps every rule. */
public class ThingClient {
}
