package io.github.dingtalkroles.inmemory;

import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.domain.Department;
import io.github.dingtalkroles.domain.Employee;
import io.github.dingtalkroles.domain.Invariant;
import io.github.dingtalkroles.domain.InvariantViolation;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.RoleAssignment;
import io.github.dingtalkroles.domain.RoleMember;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.port.AssignmentFailedException;
import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.ConflictException;
import io.github.dingtalkroles.port.NotFoundException;
import io.github.dingtalkroles.port.MemberPage;
import io.github.dingtalkroles.port.MemberPageRequest;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleAssignments;
import io.github.dingtalkroles.port.RoleDirectory;
import io.github.dingtalkroles.port.RoleDirectoryException;
import io.github.dingtalkroles.port.RoleGroupPage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * A {@link RoleDirectory} and its {@link RoleAssignments} held in memory, faithful to DingTalk's rules:
 * the use for tests of code that manages roles, and the engine behind the CLI's local store and the
 * DingTalk emulator.
 *
 * <p>{@link #create()} seeds the directory as a new DingTalk organisation is seeded: with the Default
 * group (id {@value #DEFAULT_GROUP_ID}) holding four built-in roles, named as on DingTalk's
 * {@code getrolegroup} page: Owner ({@code 1507113580}), Supervisor ({@code 1507113581}), Super Admin
 * ({@code 1507113578}) and Sub Admin ({@code 1507113579}). New roles and groups get ids from one
 * counter starting above those, so no two roles or groups ever share an id.
 *
 * <p>Groups are listed in creation order; {@code offset} and {@code size} count groups, as on DingTalk.
 *
 * <p><b>Roster:</b> the organisation's departments and employees, whom roles are granted to, are
 * seeded from code with {@link #builder()} (or a {@link DirectorySnapshot}); the port does not change
 * them, as DingTalk's role API does not. A role's members are listed in the order they were granted it;
 * grant and revoke are atomic: on a failure nothing was applied.
 *
 * <pre>{@code
 * InMemoryRoleDirectory directory = InMemoryRoleDirectory.builder()
 *         .department(new Department(DeptId.of(2), "Sales"))
 *         .employee(new Employee(UserId.of("ann"), "Ann", List.of(DeptId.of(2))))
 *         .build();
 * }</pre>
 *
 * <p><b>Thread safety:</b> safe for any number of concurrent readers and writers. Each operation is
 * atomic (one read-write lock); values handed out are immutable.
 *
 * <p><b>Faults:</b> {@link #faults()} makes the next calls of an operation fail as a remote backend
 * would, so callers can test their error handling.
 *
 * <p><b>State:</b> {@link #snapshot()} exports the whole state as a value; {@link #restore} builds a
 * directory from one.
 */
public final class InMemoryRoleDirectory implements RoleDirectory, RoleAssignments {
    /** Id of the seeded Default group (the one shown on DingTalk's {@code topapi/role/list} page). */
    public static final long DEFAULT_GROUP_ID = 1507113577L;

    private static final List<Role> BUILT_IN_ROLES = List.of(
            builtIn(1507113580L, "Owner"),
            builtIn(1507113581L, "Supervisor"),
            builtIn(1507113578L, "Super Admin"),
            builtIn(1507113579L, "Sub Admin"));
    private static final long FIRST_FREE_ID = 1507113600L;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<RoleGroupId> order = new ArrayList<>();
    private final Map<RoleGroupId, RoleGroup> groups = new HashMap<>();
    private final Map<RoleGroupName, RoleGroupId> groupsByName = new HashMap<>();
    private final Map<RoleId, RoleGroupId> groupOfRole = new HashMap<>();
    private long nextId;
    private final Map<DeptId, Department> departments = new LinkedHashMap<>();
    private final Map<UserId, Employee> employees = new LinkedHashMap<>();
    /** Each role's members (in grant order) with their scopes; a role without members has no entry. */
    private final Map<RoleId, LinkedHashMap<UserId, ManagementScope>> members = new HashMap<>();

    private final InMemoryFaults faults = new InMemoryFaults();

    private InMemoryRoleDirectory(DirectorySnapshot snapshot) {
        for (RoleGroup group : snapshot.groups()) {
            store(group);
        }
        this.nextId = snapshot.nextId();
        snapshot.departments().forEach(d -> departments.put(d.id(), d));
        snapshot.employees().forEach(e -> employees.put(e.id(), e));
        for (DirectorySnapshot.Membership m : snapshot.memberships()) {
            members.computeIfAbsent(m.roleId(), r -> new LinkedHashMap<>()).put(m.userId(), m.scope());
        }
    }

    private static Role builtIn(long id, String name) {
        return new Role(RoleId.of(id), RoleName.of(name), RoleGroupId.of(DEFAULT_GROUP_ID));
    }

    /**
     * A directory holding only the Default group and its four built-in roles.
     *
     * @return a new directory with only the Default group and no roster or members
     */
    public static InMemoryRoleDirectory create() {
        RoleGroup defaultGroup = new RoleGroup(RoleGroupId.of(DEFAULT_GROUP_ID), RoleGroupName.DEFAULT, BUILT_IN_ROLES);
        return new InMemoryRoleDirectory(new DirectorySnapshot(List.of(defaultGroup), FIRST_FREE_ID));
    }

    /**
     * A builder for a fresh directory (as {@link #create()}) with a roster of departments and
     * employees.
     *
     * @return a new builder with an empty roster
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A directory holding exactly the state of {@code snapshot}.
     *
     * @param snapshot the state to restore; not null
     * @return a new directory in that state
     */
    public static InMemoryRoleDirectory restore(DirectorySnapshot snapshot) {
        return new InMemoryRoleDirectory(Objects.requireNonNull(snapshot, "snapshot"));
    }

    /**
     * The whole current state, as one consistent value.
     *
     * @return the directory's state at this moment
     */
    public DirectorySnapshot snapshot() {
        return read(() -> {
            List<RoleGroup> all = new ArrayList<>(order.size());
            for (RoleGroupId id : order) {
                all.add(groups.get(id));
            }
            List<DirectorySnapshot.Membership> held = new ArrayList<>();
            for (RoleGroup group : all) {
                for (Role role : group.roles()) {
                    members.getOrDefault(role.id(), new LinkedHashMap<>()).forEach(
                            (user, scope) -> held.add(new DirectorySnapshot.Membership(role.id(), user, scope)));
                }
            }
            return new DirectorySnapshot(all, nextId, List.copyOf(departments.values()),
                    List.copyOf(employees.values()), held);
        });
    }

    /**
     * The fault queue: makes the next calls of an operation fail as a remote backend would.
     *
     * <pre>{@code
     * directory.faults().next(InMemoryOperation.ADD_ROLE, InMemoryFault.LOST_REPLY, 1);
     * }</pre>
     *
     * @return the fault queue of this directory
     */
    public InMemoryFaults faults() {
        return faults;
    }

    @Override
    public RoleGroup addRoleGroup(RoleGroupName name) {
        Objects.requireNonNull(name, "name");
        return write(InMemoryOperation.ADD_ROLE_GROUP, () -> {
            if (groupsByName.containsKey(name)) {
                throw new ConflictException(ConflictException.Reason.DUPLICATE_NAME,
                        "a role group named \"" + name + "\" already exists", BackendDiagnostics.NONE);
            }
            RoleGroup group = RoleGroup.empty(RoleGroupId.of(nextId++), name);
            store(group);
            return group;
        });
    }

    @Override
    public Role addRole(RoleGroupId groupId, RoleName name) {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(name, "name");
        return write(InMemoryOperation.ADD_ROLE, () -> {
            RoleGroup group = existingGroup(groupId);
            Role role = new Role(RoleId.of(nextId), name, groupId);
            RoleGroup updated = translate(() -> group.withRole(role));
            nextId++;
            store(updated);
            return role;
        });
    }

    @Override
    public void renameRole(RoleId roleId, RoleName newName) {
        Objects.requireNonNull(roleId, "roleId");
        Objects.requireNonNull(newName, "newName");
        write(InMemoryOperation.RENAME_ROLE, () -> {
            RoleGroup group = groups.get(existingRole(roleId));
            store(translate(() -> group.withRoleRenamed(roleId, newName)));
            return null;
        });
    }

    @Override
    public RoleGroupPage listRoleGroups(PageRequest page) {
        Objects.requireNonNull(page, "page");
        strike(InMemoryOperation.LIST_ROLE_GROUPS, false);
        return read(() -> {
            int from = Math.min(page.offset(), order.size());
            int to = (int) Math.min((long) from + page.size(), order.size());
            List<RoleGroup> slice = new ArrayList<>(to - from);
            for (RoleGroupId id : order.subList(from, to)) {
                slice.add(groups.get(id));
            }
            return new RoleGroupPage(page, slice, to < order.size());
        });
    }

    @Override
    public Optional<RoleGroup> findRoleGroup(RoleGroupId groupId) {
        Objects.requireNonNull(groupId, "groupId");
        strike(InMemoryOperation.FIND_ROLE_GROUP, false);
        return read(() -> Optional.ofNullable(groups.get(groupId)));
    }

    @Override
    public Optional<Role> findRole(RoleId roleId) {
        Objects.requireNonNull(roleId, "roleId");
        strike(InMemoryOperation.FIND_ROLE, false);
        return read(() -> Optional.ofNullable(groupOfRole.get(roleId)).flatMap(g -> groups.get(g).role(roleId)));
    }

    @Override
    public void deleteRole(RoleId roleId) {
        Objects.requireNonNull(roleId, "roleId");
        write(InMemoryOperation.DELETE_ROLE, () -> {
            RoleGroup group = groups.get(existingRole(roleId));
            RoleGroup updated = translate(() -> group.withoutRole(roleId));
            if (members.containsKey(roleId)) {
                throw new ConflictException(ConflictException.Reason.ROLE_HAS_MEMBERS, "role " + roleId + " still has "
                        + members.get(roleId).size() + " member(s); revoke it from them first", BackendDiagnostics.NONE);
            }
            store(updated);
            return null;
        });
    }

    @Override
    public void grant(Collection<RoleId> roleIds, Collection<UserId> userIds) {
        assign(InMemoryOperation.GRANT, "grant", roleIds, userIds, (role, user) -> members
                .computeIfAbsent(role, r -> new LinkedHashMap<>()).putIfAbsent(user, ManagementScope.wholeOrganisation()));
    }

    @Override
    public void revoke(Collection<RoleId> roleIds, Collection<UserId> userIds) {
        assign(InMemoryOperation.REVOKE, "revoke", roleIds, userIds, (role, user) -> {
            LinkedHashMap<UserId, ManagementScope> held = members.get(role);
            if (held != null && held.remove(user) != null && held.isEmpty()) {
                members.remove(role);
            }
        });
    }

    /** Checks every role and user, then applies {@code change} to every pair, atomically. */
    private void assign(InMemoryOperation operation, String name, Collection<RoleId> roleIds,
            Collection<UserId> userIds, java.util.function.BiConsumer<RoleId, UserId> change) {
        List<RoleId> roles = distinct(roleIds, "roleIds");
        List<UserId> users = distinct(userIds, "userIds");
        if (roles.isEmpty() || users.isEmpty()) {
            return;
        }
        try {
            write(operation, () -> {
                for (RoleId role : roles) {
                    if (groups.get(existingRole(role)).isDefault()) {
                        throw new ConflictException(ConflictException.Reason.IMMUTABLE_DEFAULT_GROUP, "role " + role
                                + " belongs to the Default group and cannot be granted or revoked", BackendDiagnostics.NONE);
                    }
                }
                users.forEach(this::existingEmployee);
                roles.forEach(role -> users.forEach(user -> change.accept(role, user)));
                return null;
            });
        } catch (RoleDirectoryException e) {
            throw new AssignmentFailedException(name, Set.of(), RoleAssignment.every(roles, users), e);
        }
    }

    @Override
    public MemberPage listMembers(RoleId roleId, MemberPageRequest page) {
        Objects.requireNonNull(roleId, "roleId");
        Objects.requireNonNull(page, "page");
        strike(InMemoryOperation.LIST_MEMBERS, false);
        return read(() -> {
            existingRole(roleId);
            Map<UserId, ManagementScope> held = members.getOrDefault(roleId, new LinkedHashMap<>());
            List<RoleMember> slice = held.entrySet().stream().skip(page.offset()).limit(page.size())
                    .map(e -> member(e.getKey(), e.getValue())).toList();
            return new MemberPage(page, slice, (long) page.offset() + slice.size() < held.size());
        });
    }

    @Override
    public void setScope(RoleId roleId, UserId userId, ManagementScope scope) {
        Objects.requireNonNull(roleId, "roleId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(scope, "scope");
        write(InMemoryOperation.SET_SCOPE, () -> {
            existingRole(roleId);
            existingEmployee(userId);
            for (DeptId dept : scope.departments()) {
                if (!departments.containsKey(dept)) {
                    throw new NotFoundException(NotFoundException.Subject.DEPARTMENT,
                            "department " + dept + " does not exist", BackendDiagnostics.NONE);
                }
            }
            LinkedHashMap<UserId, ManagementScope> held = members.get(roleId);
            if (held == null || !held.containsKey(userId)) {
                throw new ConflictException(ConflictException.Reason.NOT_A_MEMBER, "user " + userId
                        + " does not hold role " + roleId + ", so no scope can be set", BackendDiagnostics.NONE);
            }
            held.put(userId, scope);
            return null;
        });
    }

    private RoleMember member(UserId userId, ManagementScope scope) {
        return new RoleMember(userId, employees.get(userId).name(),
                scope.departments().stream().map(departments::get).toList());
    }

    /** The group of an existing role; callers hold the lock. */
    private RoleGroupId existingRole(RoleId roleId) {
        RoleGroupId groupId = groupOfRole.get(roleId);
        if (groupId == null) {
            throw new NotFoundException(NotFoundException.Subject.ROLE,
                    "role " + roleId + " does not exist", BackendDiagnostics.NONE);
        }
        return groupId;
    }

    private void existingEmployee(UserId userId) {
        if (!employees.containsKey(userId)) {
            throw new NotFoundException(NotFoundException.Subject.USER,
                    "user " + userId + " is not an employee of the organisation", BackendDiagnostics.NONE);
        }
    }

    private static <T> List<T> distinct(Collection<T> values, String what) {
        Objects.requireNonNull(values, what);
        List<T> list = List.copyOf(new LinkedHashSet<>(values));
        return list;
    }

    @Override
    public String toString() {
        return read(() -> "InMemoryRoleDirectory[" + order.size() + " role groups, "
                + groupOfRole.size() + " roles, " + employees.size() + " employees]");
    }

    private RoleGroup existingGroup(RoleGroupId groupId) {
        RoleGroup group = groups.get(groupId);
        if (group == null) {
            throw new NotFoundException(NotFoundException.Subject.ROLE_GROUP,
                    "role group " + groupId + " does not exist", BackendDiagnostics.NONE);
        }
        return group;
    }

    /** Puts a new or changed group in place; callers hold the write lock (or construct). */
    private void store(RoleGroup group) {
        RoleGroup previous = groups.put(group.id(), group);
        if (previous == null) {
            order.add(group.id());
            groupsByName.put(group.name(), group.id());
        } else {
            previous.roles().forEach(r -> groupOfRole.remove(r.id()));
        }
        group.roles().forEach(r -> groupOfRole.put(r.id(), group.id()));
    }

    /** Runs a domain change, reporting the domain's refusal as the port's conflict. */
    private static RoleGroup translate(Supplier<RoleGroup> change) {
        try {
            return change.get();
        } catch (InvariantViolation e) {
            if (e.invariant() == Invariant.DEFAULT_GROUP_IMMUTABLE) {
                throw new ConflictException(ConflictException.Reason.IMMUTABLE_DEFAULT_GROUP,
                        e.getMessage(), BackendDiagnostics.NONE);
            }
            if (e.invariant() == Invariant.ROLE_NAME_UNIQUE_IN_GROUP) {
                throw new ConflictException(ConflictException.Reason.DUPLICATE_NAME,
                        e.getMessage(), BackendDiagnostics.NONE);
            }
            throw e;
        }
    }

    private <T> T read(Supplier<T> body) {
        lock.readLock().lock();
        try {
            return body.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(InMemoryOperation operation, Supplier<T> body) {
        boolean lostReply = strike(operation, true);
        T result;
        lock.writeLock().lock();
        try {
            result = body.get();
        } finally {
            lock.writeLock().unlock();
        }
        if (lostReply) {
            throw InMemoryFault.LOST_REPLY.toException(operation);
        }
        return result;
    }

    /**
     * Takes the next queued fault of {@code operation}, if any: throws it, or for a lost reply on a
     * write, returns {@code true} so the write goes ahead and its reply is then lost.
     */
    private boolean strike(InMemoryOperation operation, boolean isWrite) {
        InMemoryFault fault = faults.take(operation).orElse(null);
        if (fault == null) {
            return false;
        }
        if (fault == InMemoryFault.LOST_REPLY) {
            if (isWrite) {
                return true;
            }
            fault = InMemoryFault.UNAVAILABLE;
        }
        throw fault.toException(operation);
    }

    /**
     * Builds a fresh directory (the Default group with its built-in roles, as {@link #create()}) with a
     * roster of departments and employees. Not thread-safe; the directory it builds is.
     */
    public static final class Builder {
        private final List<Department> departments = new ArrayList<>();
        private final List<Employee> employees = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a department; employees and scopes may name it.
         *
         * @param department the department to add; not null
         * @return this builder
         * @throws NullPointerException if {@code department} is null
         */
        public Builder department(Department department) {
            departments.add(Objects.requireNonNull(department, "department"));
            return this;
        }

        /**
         * Adds an employee, whom roles can be granted to; their departments must be added too.
         *
         * @param employee the employee to add; not null
         * @return this builder
         * @throws NullPointerException if {@code employee} is null
         */
        public Builder employee(Employee employee) {
            employees.add(Objects.requireNonNull(employee, "employee"));
            return this;
        }

        /**
         * The directory.
         *
         * @return a new directory with the Default group, the roster and no role members
         * @throws IllegalArgumentException if an id appears twice or an employee names an unknown department
         */
        public InMemoryRoleDirectory build() {
            DirectorySnapshot fresh = create().snapshot();
            return restore(new DirectorySnapshot(fresh.groups(), fresh.nextId(), departments, employees, List.of()));
        }
    }
}
