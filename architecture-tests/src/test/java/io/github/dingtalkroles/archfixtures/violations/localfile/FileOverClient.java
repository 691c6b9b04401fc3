package io.github.dingtalkroles.archfixtures.violations.localfile;

import io.github.dingtalkroles.archfixtures.violations.dingtalk.GuicyClient;

/** Breaks the adapters' independence: the localfile exception covers inmemory only, not dingtalk. */
public class FileOverClient {
    GuicyClient client;
}
