package io.github.dingtalkroles.testkit;

import io.github.dingtalkroles.domain.Invariant;
import io.github.dingtalkroles.domain.InvariantViolation;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.ConflictException;
import io.github.dingtalkroles.port.NotFoundException;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleDirectory;
import io.github.dingtalkroles.port.RoleGroupPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The kind of backend a newcomer writes in an hour: every group in one map keyed by name, one lock.
 * With an insertion-ordered map it keeps the contract; with a hash map it lists groups in hash order,
 * which the contract must catch.
 */
final class SmallRoleDirectory implements RoleDirectory {
    private final Map<String, RoleGroup> groupsByName;
    private long nextId = 1000;

    SmallRoleDirectory(Supplier<Map<String, RoleGroup>> map) {
        this.groupsByName = map.get();
        RoleGroupId defaultId = RoleGroupId.of(1);
        groupsByName.put(RoleGroupName.DEFAULT.value(), new RoleGroup(defaultId, RoleGroupName.DEFAULT,
                List.of(new Role(RoleId.of(2), RoleName.of("Owner"), defaultId),
                        new Role(RoleId.of(3), RoleName.of("Sub Admin"), defaultId))));
    }

    @Override
    public synchronized RoleGroup addRoleGroup(RoleGroupName name) {
        if (groupsByName.containsKey(name.value())) {
            throw new ConflictException(ConflictException.Reason.DUPLICATE_NAME, "taken: " + name,
                    BackendDiagnostics.NONE);
        }
        RoleGroup group = RoleGroup.empty(RoleGroupId.of(nextId++), name);
        groupsByName.put(name.value(), group);
        return group;
    }

    @Override
    public synchronized Role addRole(RoleGroupId groupId, RoleName name) {
        RoleGroup group = findRoleGroup(groupId).orElseThrow(() -> new NotFoundException(
                NotFoundException.Subject.ROLE_GROUP, "no group " + groupId, BackendDiagnostics.NONE));
        Role role = new Role(RoleId.of(nextId), name, groupId);
        replace(changed(() -> group.withRole(role)));
        nextId++;
        return role;
    }

    @Override
    public synchronized void renameRole(RoleId roleId, RoleName newName) {
        RoleGroup group = groupsByName.values().stream().filter(g -> g.role(roleId).isPresent()).findFirst()
                .orElseThrow(() -> new NotFoundException(NotFoundException.Subject.ROLE, "no role " + roleId,
                        BackendDiagnostics.NONE));
        replace(changed(() -> group.withRoleRenamed(roleId, newName)));
    }

    @Override
    public synchronized RoleGroupPage listRoleGroups(PageRequest page) {
        List<RoleGroup> all = new ArrayList<>(groupsByName.values());
        int from = Math.min(page.offset(), all.size());
        int to = Math.min(from + page.size(), all.size());
        return new RoleGroupPage(page, all.subList(from, to), to < all.size());
    }

    @Override
    public synchronized Optional<Role> findRole(RoleId roleId) {
        return groupsByName.values().stream().flatMap(g -> g.role(roleId).stream()).findFirst();
    }

    @Override
    public synchronized void deleteRole(RoleId roleId) {
        RoleGroup group = groupsByName.values().stream().filter(g -> g.role(roleId).isPresent()).findFirst()
                .orElseThrow(() -> new NotFoundException(NotFoundException.Subject.ROLE, "no role " + roleId,
                        BackendDiagnostics.NONE));
        replace(changed(() -> group.withoutRole(roleId)));
    }

    @Override
    public synchronized Optional<RoleGroup> findRoleGroup(RoleGroupId groupId) {
        return groupsByName.values().stream().filter(g -> g.id().equals(groupId)).findFirst();
    }

    private void replace(RoleGroup group) {
        groupsByName.put(group.name().value(), group);
    }

    private static RoleGroup changed(Supplier<RoleGroup> change) {
        try {
            return change.get();
        } catch (InvariantViolation e) {
            ConflictException.Reason reason = e.invariant() == Invariant.DEFAULT_GROUP_IMMUTABLE
                    ? ConflictException.Reason.IMMUTABLE_DEFAULT_GROUP : ConflictException.Reason.DUPLICATE_NAME;
            throw new ConflictException(reason, e.getMessage(), BackendDiagnostics.NONE);
        }
    }
}
