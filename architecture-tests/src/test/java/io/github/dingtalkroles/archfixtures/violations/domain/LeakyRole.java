package io.github.dingtalkroles.archfixtures.violations.domain;

import io.github.dingtalkroles.archfixtures.violations.port.LeakyGateway;

/** Breaks "domain depends on the JDK only": it reaches into the port. */
public class LeakyRole {
    LeakyGateway gateway;
}
