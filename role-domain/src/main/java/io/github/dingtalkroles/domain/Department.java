package io.github.dingtalkroles.domain;

import java.util.Objects;

/**
 * A department of the organisation, as DingTalk's contacts hold it.
 *
 * @param id the department's id
 * @param name its name: trimmed, non-blank, bounded, no control characters (the rules of every name)
 */
public record Department(DeptId id, String name) {
    /**
     * Checks the components.
     *
     * @param id the department's id; not null
     * @param name the department's name; trimmed and checked
     * @throws InvariantViolation if the name breaks a name rule
     * @throws NullPointerException if {@code id} is null
     */
    public Department {
        Objects.requireNonNull(id, "department id");
        name = Names.requireValid(name, "department name");
    }
}
