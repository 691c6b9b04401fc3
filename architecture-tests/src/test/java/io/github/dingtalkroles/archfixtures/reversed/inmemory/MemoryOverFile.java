package io.github.dingtalkroles.archfixtures.reversed.inmemory;

import io.github.dingtalkroles.archfixtures.reversed.localfile.FileStore;

/** Breaks the adapters' independence: the localfile-on-inmemory exception does not go the other way. */
public class MemoryOverFile {
    FileStore file;
}
