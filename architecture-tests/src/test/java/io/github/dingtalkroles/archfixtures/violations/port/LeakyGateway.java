package io.github.dingtalkroles.archfixtures.violations.port;

import io.github.dingtalkroles.archfixtures.violations.inmemory.CrossStore;

/** Breaks "ports depend on domain and JDK only": it names an adapter. */
public interface LeakyGateway {
    CrossStore store();
}
