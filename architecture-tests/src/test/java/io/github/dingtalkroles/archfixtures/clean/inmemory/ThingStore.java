package io.github.dingtalkroles.archfixtures.clean.inmemory;

import io.github.dingtalkroles.archfixtures.clean.domain.Thing;
import io.github.dingtalkroles.archfixtures.clean.port.ThingPort;

/** Keeps every rule: an adapter over the port. */
public class ThingStore implements ThingPort {
    @Override
    public Thing thing() {
        return new Thing("x");
    }
}
