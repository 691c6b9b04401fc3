package io.github.dingtalkroles.boot;

import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;

/**
 * Fills the in-memory backend when it is created ({@code dingtalk.roles.backend=in-memory}, or a test
 * annotated with {@link io.github.dingtalkroles.boot.test.AutoConfigureInMemoryRoles}). Declare one or
 * more as beans; they run in their {@code @Order}, once, on the thread that creates the bean, before
 * the directory is handed to anyone.
 *
 * <pre>{@code
 * @Bean
 * InMemoryRolesSeed hrRoles() {
 *     return directory -> {
 *         RoleGroup hr = directory.addRoleGroup(RoleGroupName.of("HR"));
 *         directory.addRole(hr.id(), RoleName.of("Recruiter"));
 *     };
 * }
 * }</pre>
 */
@FunctionalInterface
public interface InMemoryRolesSeed {

    /**
     * Adds what the application expects to find, e.g. its role groups and roles.
     *
     * @param directory the new directory, holding DingTalk's Default group
     */
    void seed(InMemoryRoleDirectory directory);
}
