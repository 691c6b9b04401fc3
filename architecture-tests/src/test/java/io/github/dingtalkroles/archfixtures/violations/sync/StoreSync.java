package io.github.dingtalkroles.archfixtures.violations.sync;

import com.fasterxml.jackson.core.JsonFactory;
import io.github.dingtalkroles.archfixtures.violations.inmemory.CrossStore;

/** Breaks two rules: the sync names an adapter rather than the ports, and uses Jackson outside its yaml package. */
public class StoreSync {
    CrossStore store;
    JsonFactory json;
}
