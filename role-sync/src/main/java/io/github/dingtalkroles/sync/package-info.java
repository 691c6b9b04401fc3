/**
 * Roles as code over the ports: a {@link io.github.dingtalkroles.sync.DesiredState} of role groups, roles
 * and members; {@link io.github.dingtalkroles.sync.RoleSync} plans the changes that reach it from one
 * complete reading of the current state, applies them in a safe order through the ports' bulk calls, and
 * exports the current state. Works on every backend of {@code RoleDirectory} and {@code RoleAssignments}.
 * The file format is in {@code io.github.dingtalkroles.sync.yaml}.
 */
package io.github.dingtalkroles.sync;
