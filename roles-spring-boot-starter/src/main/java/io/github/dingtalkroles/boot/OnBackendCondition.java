package io.github.dingtalkroles.boot;

import io.github.dingtalkroles.boot.DingTalkRolesProperties.Backend;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The condition behind {@link ConditionalOnBackend}. */
final class OnBackendCondition extends SpringBootCondition {
    static final String PROPERTY = "dingtalk.roles.backend";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnBackend.class.getName());
        Backend required = (Backend) attributes.get("value");
        // a value that is no backend fails here, with Boot's binding error naming the property and the choices
        Backend configured = Binder.get(context.getEnvironment()).bind(PROPERTY, Backend.class).orElse(Backend.DINGTALK);
        String message = PROPERTY + " is " + configured;
        return configured == required ? ConditionOutcome.match(message) : ConditionOutcome.noMatch(message);
    }
}
