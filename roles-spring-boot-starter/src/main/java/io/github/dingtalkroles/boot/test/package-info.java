/**
 * Test support for platforms: {@link io.github.dingtalkroles.boot.test.AutoConfigureInMemoryRoles}
 * swaps in the in-memory backend in a Spring test.
 */
package io.github.dingtalkroles.boot.test;
