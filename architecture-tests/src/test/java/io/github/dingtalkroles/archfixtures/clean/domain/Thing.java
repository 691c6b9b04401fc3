package io.github.dingtalkroles.archfixtures.clean.domain;

/** Keeps every rule: JDK only. */
public record Thing(String name) {
}
