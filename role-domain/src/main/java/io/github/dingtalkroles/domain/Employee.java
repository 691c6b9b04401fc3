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
    /** @throws InvariantViolation if the name breaks a name rule */
    public Employee {
        Objects.requireNonNull(id, "user id");
        name = Names.requireValid(name, "employee name");
        departments = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(departments, "departments")));
    }
}
