package io.github.dingtalkroles.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when {@code dingtalk.roles.backend}, bound as Boot binds it (so {@code in-memory},
 * {@code IN_MEMORY} and {@code inMemory} are one value), is {@link #value()}; {@code dingtalk} when unset.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnBackendCondition.class)
@interface ConditionalOnBackend {

    /** The backend that must be configured. */
    DingTalkRolesProperties.Backend value();
}
