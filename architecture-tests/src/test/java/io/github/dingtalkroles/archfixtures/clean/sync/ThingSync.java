package io.github.dingtalkroles.archfixtures.clean.sync;

import io.github.dingtalkroles.archfixtures.clean.domain.Thing;
import io.github.dingtalkroles.archfixtures.clean.port.ThingPort;

/** Keeps every rule: the port, the domain and the JDK only. */
public class ThingSync {
    Thing plan(ThingPort port) {
        return port.thing();
    }
}
