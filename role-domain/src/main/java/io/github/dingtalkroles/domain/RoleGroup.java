package io.github.dingtalkroles.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A role group and its roles, as an immutable value.
 *
 * <p>Invariants, checked on construction: every role carries this group's id
 * ({@link Invariant#ROLE_BELONGS_TO_GROUP}); role ids and role names are unique within the group
 * ({@link Invariant#ROLE_ID_UNIQUE_IN_GROUP}, {@link Invariant#ROLE_NAME_UNIQUE_IN_GROUP}). The
 * Default group ({@link RoleGroupName#isDefault()}) may be described with its built-in roles, but
 * {@link #withRole}, {@link #withRoleRenamed} and {@link #withoutRole} refuse to change it
 * ({@link Invariant#DEFAULT_GROUP_IMMUTABLE}).
 *
 * @param id the group's id
 * @param name the group's name
 * @param roles the group's roles, in the order the backend reports them
 */
public record RoleGroup(RoleGroupId id, RoleGroupName name, List<Role> roles) {
    /**
     * Copies the roles and checks the group's invariants.
     *
     * @param id the group's id
     * @param name the group's name
     * @param roles the group's roles; not null
     * @throws InvariantViolation if the roles break one of the group's invariants
     * @throws NullPointerException if a component is null
     */
    public RoleGroup {
        Objects.requireNonNull(id, "role group id");
        Objects.requireNonNull(name, "role group name");
        roles = List.copyOf(Objects.requireNonNull(roles, "roles"));
        Set<RoleId> ids = new HashSet<>();
        Set<RoleName> names = new HashSet<>();
        for (Role role : roles) {
            if (!role.groupId().equals(id)) {
                throw new InvariantViolation(Invariant.ROLE_BELONGS_TO_GROUP,
                        "role " + role.id() + " in group " + id, "group id " + role.groupId());
            }
            if (!ids.add(role.id())) {
                throw new InvariantViolation(Invariant.ROLE_ID_UNIQUE_IN_GROUP, "group " + id, role.id());
            }
            if (!names.add(role.name())) {
                throw new InvariantViolation(Invariant.ROLE_NAME_UNIQUE_IN_GROUP,
                        "group " + id, role.name().value());
            }
        }
    }

    /**
     * A group with no roles yet, as a freshly created group is.
     *
     * @param id the group's id
     * @param name the group's name
     * @return a group with these id and name and no roles
     */
    public static RoleGroup empty(RoleGroupId id, RoleGroupName name) {
        return new RoleGroup(id, name, List.of());
    }

    /**
     * Whether this is the built-in Default group, which cannot be changed.
     *
     * @return {@code true} if the group's name is the Default group's
     */
    public boolean isDefault() {
        return name.isDefault();
    }

    /**
     * The role with this id, if the group holds it.
     *
     * @param roleId the id to look for
     * @return the role, or empty if the group holds no role with that id
     */
    public Optional<Role> role(RoleId roleId) {
        return roles.stream().filter(r -> r.id().equals(roleId)).findFirst();
    }

    /**
     * The role with this name, if the group holds it.
     *
     * @param roleName the name to look for
     * @return the role, or empty if the group holds no role with that name
     */
    public Optional<Role> role(RoleName roleName) {
        return roles.stream().filter(r -> r.name().equals(roleName)).findFirst();
    }

    /**
     * This group with {@code role} added at the end.
     *
     * @param role the role to add; it must carry this group's id
     * @return a new group holding this group's roles followed by {@code role}
     * @throws InvariantViolation {@link Invariant#DEFAULT_GROUP_IMMUTABLE} for the Default group,
     *     {@link Invariant#ROLE_NAME_UNIQUE_IN_GROUP} if the name is taken, or another rule the new
     *     group would break
     */
    public RoleGroup withRole(Role role) {
        Objects.requireNonNull(role, "role");
        requireMutable();
        List<Role> next = new ArrayList<>(roles.size() + 1);
        next.addAll(roles);
        next.add(role);
        return new RoleGroup(id, name, next);
    }

    /**
     * This group with one of its roles renamed. Renaming a role to its current name returns this
     * group unchanged.
     *
     * @param roleId the id of the role to rename
     * @param newName its new name
     * @return a new group in which that role has the new name, or this group if the name is unchanged
     * @throws InvariantViolation {@link Invariant#DEFAULT_GROUP_IMMUTABLE} for the Default group,
     *     {@link Invariant#ROLE_IN_GROUP} if the group does not hold the role,
     *     {@link Invariant#ROLE_NAME_UNIQUE_IN_GROUP} if another role has the name
     */
    public RoleGroup withRoleRenamed(RoleId roleId, RoleName newName) {
        Objects.requireNonNull(roleId, "role id");
        Objects.requireNonNull(newName, "role name");
        requireMutable();
        Role current = role(roleId).orElseThrow(
                () -> new InvariantViolation(Invariant.ROLE_IN_GROUP, "group " + id, "role " + roleId));
        if (current.name().equals(newName)) {
            return this;
        }
        List<Role> next = new ArrayList<>(roles.size());
        for (Role r : roles) {
            next.add(r.id().equals(roleId) ? r.withName(newName) : r);
        }
        return new RoleGroup(id, name, next);
    }

    /**
     * This group without one of its roles.
     *
     * @param roleId the id of the role to remove
     * @return a new group holding this group's other roles, in the same order
     * @throws InvariantViolation {@link Invariant#DEFAULT_GROUP_IMMUTABLE} for the Default group,
     *     {@link Invariant#ROLE_IN_GROUP} if the group does not hold the role
     */
    public RoleGroup withoutRole(RoleId roleId) {
        Objects.requireNonNull(roleId, "role id");
        requireMutable();
        role(roleId).orElseThrow(
                () -> new InvariantViolation(Invariant.ROLE_IN_GROUP, "group " + id, "role " + roleId));
        return new RoleGroup(id, name, roles.stream().filter(r -> !r.id().equals(roleId)).toList());
    }

    private void requireMutable() {
        if (isDefault()) {
            throw new InvariantViolation(Invariant.DEFAULT_GROUP_IMMUTABLE, "group " + id, name.value());
        }
    }
}
