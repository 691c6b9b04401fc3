package io.github.dingtalkroles.inmemory;

import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.domain.Department;
import io.github.dingtalkroles.domain.Employee;
import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleAssignment;
import io.github.dingtalkroles.domain.UserId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The whole state of an {@link InMemoryRoleDirectory} as an immutable value: its groups in listing
 * order, the next id it will assign, the roster (departments and employees) and who holds which role
 * with which management scope. Taken with {@link InMemoryRoleDirectory#snapshot()} and
 * turned back into a directory with {@link InMemoryRoleDirectory#restore(DirectorySnapshot)}; a store
 * (such as the CLI's JSON file) can persist it.
 *
 * <p>Checked on construction, beyond each {@link RoleGroup}'s own invariants: exactly one Default
 * group; group ids, group names and role ids are unique across the directory; {@code nextId} is
 * greater than every id in use, so no id is ever handed out twice; department ids and user ids are
 * unique; an employee's departments exist; each membership names a role and an employee that exist,
 * appears once, and its scope names departments that exist.
 *
 * @param groups the role groups, in listing order
 * @param nextId the next id the directory assigns to a new role or group
 * @param departments the organisation's departments
 * @param employees the organisation's employees
 * @param memberships who holds which role, each role's members in listing order
 */
public record DirectorySnapshot(List<RoleGroup> groups, long nextId, List<Department> departments,
        List<Employee> employees, List<Membership> memberships) {

    /**
     * One employee holding one role, with the departments they manage through it.
     *
     * @param roleId the role
     * @param userId the employee
     * @param scope the departments they manage; empty for the whole organisation
     */
    public record Membership(RoleId roleId, UserId userId, ManagementScope scope) {
        /**
         * Checks the components.
         *
         * @param roleId the role
         * @param userId the employee
         * @param scope the departments they manage; empty for the whole organisation
         * @throws NullPointerException if a component is null
         */
        public Membership {
            Objects.requireNonNull(roleId, "role id");
            Objects.requireNonNull(userId, "user id");
            Objects.requireNonNull(scope, "scope");
        }
    }

    /**
     * A snapshot of role groups only: no departments, employees or memberships.
     *
     * @param groups the role groups, in listing order
     * @param nextId the next id the directory assigns to a new role or group
     */
    public DirectorySnapshot(List<RoleGroup> groups, long nextId) {
        this(groups, nextId, List.of(), List.of(), List.of());
    }

    /**
     * Copies the lists and checks the snapshot's rules.
     *
     * @param groups the role groups, in listing order; not null
     * @param nextId the next id the directory assigns to a new role or group
     * @param departments the organisation's departments; not null
     * @param employees the organisation's employees; not null
     * @param memberships who holds which role; not null
     * @throws IllegalArgumentException naming the broken rule and the offending value
     * @throws NullPointerException if a list is null
     */
    public DirectorySnapshot {
        groups = List.copyOf(Objects.requireNonNull(groups, "groups"));
        departments = List.copyOf(Objects.requireNonNull(departments, "departments"));
        employees = List.copyOf(Objects.requireNonNull(employees, "employees"));
        memberships = List.copyOf(Objects.requireNonNull(memberships, "memberships"));
        Set<RoleGroupId> groupIds = new HashSet<>();
        Set<RoleGroupName> groupNames = new HashSet<>();
        Set<RoleId> roleIds = new HashSet<>();
        long maxId = 0;
        int defaults = 0;
        for (RoleGroup group : groups) {
            if (!groupIds.add(group.id())) {
                throw new IllegalArgumentException("snapshot: role group id " + group.id() + " appears twice");
            }
            if (!groupNames.add(group.name())) {
                throw new IllegalArgumentException(
                        "snapshot: role group name \"" + group.name() + "\" appears twice");
            }
            if (group.isDefault()) {
                defaults++;
            }
            maxId = Math.max(maxId, group.id().value());
            for (Role role : group.roles()) {
                if (!roleIds.add(role.id())) {
                    throw new IllegalArgumentException("snapshot: role id " + role.id() + " appears twice");
                }
                maxId = Math.max(maxId, role.id().value());
            }
        }
        if (defaults != 1) {
            throw new IllegalArgumentException(
                    "snapshot: a directory holds exactly one Default group (found " + defaults + ")");
        }
        if (nextId <= maxId) {
            throw new IllegalArgumentException(
                    "snapshot: next id " + nextId + " must be greater than the largest id in use, " + maxId);
        }
        Set<DeptId> deptIds = new HashSet<>();
        for (Department department : departments) {
            if (!deptIds.add(department.id())) {
                throw new IllegalArgumentException("snapshot: department id " + department.id() + " appears twice");
            }
        }
        Set<UserId> userIds = new HashSet<>();
        for (Employee employee : employees) {
            if (!userIds.add(employee.id())) {
                throw new IllegalArgumentException("snapshot: user id " + employee.id() + " appears twice");
            }
            requireDepartments(deptIds, employee.departments(), "employee " + employee.id());
        }
        Set<RoleAssignment> held = new HashSet<>();
        for (Membership membership : memberships) {
            if (!roleIds.contains(membership.roleId())) {
                throw new IllegalArgumentException("snapshot: a membership names role " + membership.roleId()
                        + ", which does not exist");
            }
            if (!userIds.contains(membership.userId())) {
                throw new IllegalArgumentException("snapshot: a membership names user " + membership.userId()
                        + ", who is not an employee");
            }
            if (!held.add(new RoleAssignment(membership.roleId(), membership.userId()))) {
                throw new IllegalArgumentException("snapshot: user " + membership.userId() + " holds role "
                        + membership.roleId() + " twice");
            }
            requireDepartments(deptIds, membership.scope().departments(),
                    "the scope of user " + membership.userId() + " in role " + membership.roleId());
        }
    }

    private static void requireDepartments(Set<DeptId> known, List<DeptId> named, String who) {
        for (DeptId id : named) {
            if (!known.contains(id)) {
                throw new IllegalArgumentException("snapshot: " + who + " names department " + id
                        + ", which does not exist");
            }
        }
    }
}
