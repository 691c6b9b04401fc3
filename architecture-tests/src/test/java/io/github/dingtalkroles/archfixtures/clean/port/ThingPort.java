package io.github.dingtalkroles.archfixtures.clean.port;

import io.github.dingtalkroles.archfixtures.clean.domain.Thing;

/** Keeps every rule: domain and JDK only. */
public interface ThingPort {
    Thing thing();
}
