package io.github.dingtalkroles.boot.test;

import io.github.dingtalkroles.boot.DingTalkRolesAutoConfiguration;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * On a Spring test class: the {@code RoleDirectory} bean is an in-memory directory instead of DingTalk,
 * whatever the application's properties say, and no DingTalk credentials are needed. It holds
 * DingTalk's Default group plus what the context's {@link io.github.dingtalkroles.boot.InMemoryRolesSeed}
 * beans add; inject {@code InMemoryRoleDirectory} to inject faults or take snapshots.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureInMemoryRoles
 * class OnboardingTest {
 *     @TestConfiguration
 *     static class Roles {
 *         @Bean
 *         InMemoryRolesSeed hr() {
 *             return directory -> directory.addRoleGroup(RoleGroupName.of("HR"));
 *         }
 *     }
 *     ...
 * }
 * }</pre>
 *
 * <p>Works with {@code @SpringBootTest} and with test slices ({@code @WebMvcTest}, ...), which it adds
 * the roles auto-configuration to. It sets {@code dingtalk.roles.backend=in-memory} as a test property;
 * a {@code RoleDirectory} bean that the application defines itself still wins, as it does in production.
 * Spring caches the context between test classes with the same configuration, so the directory's
 * contents carry over between them; seed what each test needs, or use names the tests do not share.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration(DingTalkRolesAutoConfiguration.class)
@TestPropertySource(properties = "dingtalk.roles.backend=in-memory")
public @interface AutoConfigureInMemoryRoles {
}
