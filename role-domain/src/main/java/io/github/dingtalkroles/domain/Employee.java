package io.github.dingtalkroles.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * An employee of the organisation, as DingTalk's contacts hold it: the people roles are granted to.
 *
 * @param id the employee's user id
 * @param name the employee's name (the rules of every name)
 * @param departments the departments the employee belongs to, without repeats, in the order given
 */
public record Employee(UserId id, String name, List<DeptId> departments) {
    /**
     * Checks the components and copies the departments, dropping repeats.
     *
     * @param id the employee's user id; not null
     * @param name the employee's name; trimmed and checked
     * @param departments the employee's departments; not null
     * @throws InvariantViolation if the name breaks a name rule
     * @throws NullPointerException if {@code id} or {@code departments} is null
     */
    public Employee {
        Objects.requireNonNull(id, "user id");
        name = Names.requireValid(name, "employee name");
        departments = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(departments, "departments")));
    }
}
