package io.github.dingtalkroles.archfixtures.reversed.localfile;

/** An adapter that keeps every rule; the in-memory fixture beside it depends on it. */
public class FileStore {
}
