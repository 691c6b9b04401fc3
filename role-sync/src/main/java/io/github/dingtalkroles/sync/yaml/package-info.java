/**
 * The desired-state file format: YAML read and written with Jackson's YAML module
 * ({@link io.github.dingtalkroles.sync.yaml.DesiredStateYaml}), every problem reported with its file, line
 * and column ({@link io.github.dingtalkroles.sync.yaml.DesiredStateFileException}).
 */
package io.github.dingtalkroles.sync.yaml;
