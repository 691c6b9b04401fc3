package io.github.dingtalkroles.boot;

/**
 * A {@code dingtalk.roles.*} property is missing or has a value the DingTalk adapter refuses. The
 * message names the property and never quotes a secret.
 */
final class InvalidRolesPropertyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String property;

    InvalidRolesPropertyException(String property, String problem) {
        super(property + ": " + problem);
        this.property = property;
    }

    /** The property to set or correct, e.g. {@code dingtalk.roles.app-secret}. */
    String property() {
        return property;
    }
}
