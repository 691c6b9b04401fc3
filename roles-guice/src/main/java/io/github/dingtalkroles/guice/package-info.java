/**
 * Guice modules that bind {@link io.github.dingtalkroles.port.RoleDirectory}:
 * {@link io.github.dingtalkroles.guice.DingTalkRolesModule} for DingTalk and
 * {@link io.github.dingtalkroles.guice.InMemoryRolesModule} for tests, swapped with
 * {@code Modules.override}. One module per backend, no switches inside a module.
 */
package io.github.dingtalkroles.guice;
