package io.github.dingtalkroles.testkit;

import io.github.dingtalkroles.domain.Department;
import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.domain.Employee;
import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleAssignment;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleMember;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.port.AssignmentFailedException;
import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.ConflictException;
import io.github.dingtalkroles.port.MemberPage;
import io.github.dingtalkroles.port.MemberPageRequest;
import io.github.dingtalkroles.port.NotFoundException;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleAssignments;
import io.github.dingtalkroles.port.RoleDirectory;
import io.github.dingtalkroles.port.RoleDirectoryException;
import io.github.dingtalkroles.port.RoleGroupPage;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The membership port as a newcomer writes it in an hour, over {@link SmallRoleDirectory}: a roster, and
 * each role's members in a map, everything under one lock. Faithful, it keeps the contract; built with
 * {@code regrantResetsScope}, a repeated grant puts the member in again (their scope back to the whole
 * organisation), which the contract must catch.
 */
final class SmallOrganisation implements RoleDirectory, RoleAssignments {
    private final SmallRoleDirectory catalogue = new SmallRoleDirectory(LinkedHashMap::new);
    private final Map<DeptId, Department> departments = new HashMap<>();
    private final Map<UserId, Employee> employees = new HashMap<>();
    private final Map<RoleId, LinkedHashMap<UserId, ManagementScope>> members = new HashMap<>();
    private final boolean regrantResetsScope;

    SmallOrganisation(List<Department> departments, List<Employee> employees, boolean regrantResetsScope) {
        departments.forEach(d -> this.departments.put(d.id(), d));
        employees.forEach(e -> this.employees.put(e.id(), e));
        this.regrantResetsScope = regrantResetsScope;
    }

    @Override
    public RoleGroup addRoleGroup(RoleGroupName name) {
        return catalogue.addRoleGroup(name);
    }

    @Override
    public Role addRole(RoleGroupId groupId, RoleName name) {
        return catalogue.addRole(groupId, name);
    }

    @Override
    public void renameRole(RoleId roleId, RoleName newName) {
        catalogue.renameRole(roleId, newName);
    }

    @Override
    public Optional<Role> findRole(RoleId roleId) {
        return catalogue.findRole(roleId);
    }

    @Override
    public synchronized void deleteRole(RoleId roleId) {
        if (members.containsKey(roleId)) {
            throw new ConflictException(ConflictException.Reason.ROLE_HAS_MEMBERS, "role " + roleId + " has members",
                    BackendDiagnostics.NONE);
        }
        catalogue.deleteRole(roleId);
    }

    @Override
    public RoleGroupPage listRoleGroups(PageRequest page) {
        return catalogue.listRoleGroups(page);
    }

    @Override
    public Optional<RoleGroup> findRoleGroup(RoleGroupId groupId) {
        return catalogue.findRoleGroup(groupId);
    }

    @Override
    public synchronized void grant(Collection<RoleId> roleIds, Collection<UserId> userIds) {
        assign("grant", roleIds, userIds, (role, user) -> {
            LinkedHashMap<UserId, ManagementScope> held = members.computeIfAbsent(role, r -> new LinkedHashMap<>());
            if (regrantResetsScope) {
                held.put(user, ManagementScope.wholeOrganisation());
            } else {
                held.putIfAbsent(user, ManagementScope.wholeOrganisation());
            }
        });
    }

    @Override
    public synchronized void revoke(Collection<RoleId> roleIds, Collection<UserId> userIds) {
        assign("revoke", roleIds, userIds, (role, user) -> {
            Map<UserId, ManagementScope> held = members.get(role);
            if (held != null && held.remove(user) != null && held.isEmpty()) {
                members.remove(role);
            }
        });
    }

    /** Checks every role and user first, so that a refused call applies nothing. */
    private void assign(String operation, Collection<RoleId> roleIds, Collection<UserId> userIds,
            BiConsumer<RoleId, UserId> change) {
        Set<RoleId> roles = new LinkedHashSet<>(roleIds);
        Set<UserId> users = new LinkedHashSet<>(userIds);
        try {
            for (RoleId role : roles) {
                if (catalogue.findRoleGroup(existing(role).groupId()).orElseThrow().isDefault()) {
                    throw new ConflictException(ConflictException.Reason.IMMUTABLE_DEFAULT_GROUP,
                            "role " + role + " is built in", BackendDiagnostics.NONE);
                }
            }
            users.forEach(this::existing);
        } catch (RoleDirectoryException e) {
            Set<RoleAssignment> pairs = new LinkedHashSet<>();
            roles.forEach(r -> users.forEach(u -> pairs.add(new RoleAssignment(r, u))));
            throw new AssignmentFailedException(operation, Set.of(), pairs, e);
        }
        roles.forEach(r -> users.forEach(u -> change.accept(r, u)));
    }

    @Override
    public synchronized MemberPage listMembers(RoleId roleId, MemberPageRequest page) {
        existing(roleId);
        Map<UserId, ManagementScope> held = members.getOrDefault(roleId, new LinkedHashMap<>());
        List<RoleMember> slice = held.entrySet().stream().skip(page.offset()).limit(page.size())
                .map(e -> new RoleMember(e.getKey(), employees.get(e.getKey()).name(),
                        e.getValue().departments().stream().map(departments::get).toList()))
                .toList();
        return new MemberPage(page, slice, (long) page.offset() + slice.size() < held.size());
    }

    @Override
    public synchronized void setScope(RoleId roleId, UserId userId, ManagementScope scope) {
        existing(roleId);
        existing(userId);
        for (DeptId dept : scope.departments()) {
            if (!departments.containsKey(dept)) {
                throw new NotFoundException(NotFoundException.Subject.DEPARTMENT, "no department " + dept,
                        BackendDiagnostics.NONE);
            }
        }
        Map<UserId, ManagementScope> held = members.get(roleId);
        if (held == null || !held.containsKey(userId)) {
            throw new ConflictException(ConflictException.Reason.NOT_A_MEMBER, userId + " does not hold " + roleId,
                    BackendDiagnostics.NONE);
        }
        held.put(userId, scope);
    }

    private Role existing(RoleId roleId) {
        return catalogue.findRole(roleId).orElseThrow(() -> new NotFoundException(NotFoundException.Subject.ROLE,
                "no role " + roleId, BackendDiagnostics.NONE));
    }

    private void existing(UserId userId) {
        if (!employees.containsKey(userId)) {
            throw new NotFoundException(NotFoundException.Subject.USER, "no user " + userId, BackendDiagnostics.NONE);
        }
    }
}
