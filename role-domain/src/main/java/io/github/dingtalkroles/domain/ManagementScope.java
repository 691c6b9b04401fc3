package io.github.dingtalkroles.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The departments a role member manages through the role: at most {@value #MAX_DEPARTMENTS}
 * departments, or none, which means the whole organisation (DingTalk's {@code scope/update} rules).
 * Repeated ids count once; the order given is kept.
 *
 * @param departments the managed departments; empty for the whole organisation
 */
public record ManagementScope(List<DeptId> departments) {
    /** Most departments one scope may name (DingTalk's limit on {@code dept_ids}). */
    public static final int MAX_DEPARTMENTS = 50;

    private static final ManagementScope WHOLE_ORGANISATION = new ManagementScope(List.of());

    /**
     * Copies the departments, dropping repeats, and checks their number.
     *
     * @param departments the managed departments; not null; empty for the whole organisation
     * @throws InvariantViolation {@link Invariant#SCOPE_SIZE} if more than {@value #MAX_DEPARTMENTS} departments
     * @throws NullPointerException if {@code departments} is null
     */
    public ManagementScope {
        departments = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(departments, "departments")));
        if (departments.size() > MAX_DEPARTMENTS) {
            throw new InvariantViolation(Invariant.SCOPE_SIZE, "management scope",
                    departments.size());
        }
    }

    /**
     * The scope of a new member: the whole organisation.
     *
     * @return the scope naming no department
     */
    public static ManagementScope wholeOrganisation() {
        return WHOLE_ORGANISATION;
    }

    /**
     * A scope of these departments (none: the whole organisation).
     *
     * @param departments the managed departments, none for the whole organisation
     * @return the scope of those departments
     * @throws InvariantViolation {@link Invariant#SCOPE_SIZE} if more than {@value #MAX_DEPARTMENTS} departments
     */
    public static ManagementScope of(DeptId... departments) {
        return new ManagementScope(List.of(departments));
    }

    /**
     * Whether this scope is the whole organisation (it names no department).
     *
     * @return {@code true} if no department is named
     */
    public boolean isWholeOrganisation() {
        return departments.isEmpty();
    }
}
