package io.github.dingtalkroles.archfixtures.clean.localfile;

import io.github.dingtalkroles.archfixtures.clean.domain.Thing;
import io.github.dingtalkroles.archfixtures.clean.inmemory.ThingStore;
import io.github.dingtalkroles.archfixtures.clean.port.ThingPort;

/** Keeps every rule: the one allowed adapter-on-adapter dependency, localfile on inmemory. */
public class ThingFile implements ThingPort {
    private final ThingStore state = new ThingStore();

    @Override
    public Thing thing() {
        return state.thing();
    }
}
