package io.github.dingtalkroles.sync;

import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.domain.UserId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of a {@link Plan}. The kinds are a closed family, one record each; {@link #action()} says
 * which, and the order of {@link Action}'s constants is the order a plan applies them in.
 *
 * <p>Roles and groups that the plan creates have no id yet: their changes name them, and carry an
 * empty id, which the applier fills in as it creates them.
 */
public sealed interface Change permits Change.CreateGroup, Change.RenameRole, Change.AddRole, Change.Grant,
        Change.SetScope, Change.Revoke, Change.DeleteRole {

    /** The kinds of change, in the order a plan applies them. */
    enum Action {
        /** Create a role group ({@link CreateGroup}). */
        CREATE_GROUP,
        /** Rename a role ({@link RenameRole}); before additions, so that a new role can take a freed name. */
        RENAME_ROLE,
        /** Add a role to a group ({@link AddRole}). */
        ADD_ROLE,
        /** Grant a role to a user ({@link Grant}). */
        GRANT,
        /** Set the departments a member manages through a role ({@link SetScope}). */
        SET_SCOPE,
        /** Revoke a role from a user ({@link Revoke}); only when pruning. */
        REVOKE,
        /** Delete a role ({@link DeleteRole}), after revoking it from everyone; only when pruning. */
        DELETE_ROLE;

        /**
         * The action's name as files and the command line write it: {@code create-group}, {@code grant}, ...
         *
         * @return the lower-case, hyphenated name
         */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /**
         * Whether changes of this kind remove something (only a pruning plan holds them).
         *
         * @return {@code true} for {@link #REVOKE} and {@link #DELETE_ROLE}
         */
        public boolean isRemoval() {
            return this == REVOKE || this == DELETE_ROLE;
        }
    }

    /**
     * Which kind of change this is.
     *
     * @return the kind
     */
    Action action();

    /**
     * The role group the change is in.
     *
     * @return the group's name
     */
    RoleGroupName group();

    /**
     * Create a role group.
     *
     * @param group the new group's name
     */
    record CreateGroup(RoleGroupName group) implements Change {
        /**
         * @param group the new group's name; not null
         */
        public CreateGroup {
            Objects.requireNonNull(group, "group");
        }

        @Override
        public Action action() {
            return Action.CREATE_GROUP;
        }
    }

    /**
     * Rename an existing role.
     *
     * @param group the role's group
     * @param roleId the role
     * @param from its current name
     * @param to its new name
     */
    record RenameRole(RoleGroupName group, RoleId roleId, RoleName from, RoleName to) implements Change {
        /**
         * @param group the role's group; not null
         * @param roleId the role; not null
         * @param from its current name; not null
         * @param to its new name; not null
         */
        public RenameRole {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(roleId, "roleId");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public Action action() {
            return Action.RENAME_ROLE;
        }
    }

    /**
     * Add a role to a group.
     *
     * @param group the group
     * @param groupId the group's id; empty if the plan creates the group
     * @param role the new role's name
     */
    record AddRole(RoleGroupName group, Optional<RoleGroupId> groupId, RoleName role) implements Change {
        /**
         * @param group the group; not null
         * @param groupId the group's id, or empty; not null
         * @param role the new role's name; not null
         */
        public AddRole {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(role, "role");
        }

        @Override
        public Action action() {
            return Action.ADD_ROLE;
        }
    }

    /**
     * Grant a role to a user, who then manages the whole organisation through it until a
     * {@link SetScope} says otherwise.
     *
     * @param group the role's group
     * @param role the role's name (its new name, if the plan renames it)
     * @param roleId the role's id; empty if the plan adds the role
     * @param user the user
     */
    record Grant(RoleGroupName group, RoleName role, Optional<RoleId> roleId, UserId user) implements Change {
        /**
         * @param group the role's group; not null
         * @param role the role's name; not null
         * @param roleId the role's id, or empty; not null
         * @param user the user; not null
         */
        public Grant {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(roleId, "roleId");
            Objects.requireNonNull(user, "user");
        }

        @Override
        public Action action() {
            return Action.GRANT;
        }
    }

    /**
     * Set the departments a member manages through a role.
     *
     * @param group the role's group
     * @param role the role's name (its new name, if the plan renames it)
     * @param roleId the role's id; empty if the plan adds the role
     * @param user the member
     * @param from the member's current scope (the whole organisation for a member the plan grants)
     * @param to the scope to set
     */
    record SetScope(RoleGroupName group, RoleName role, Optional<RoleId> roleId, UserId user, ManagementScope from,
            ManagementScope to) implements Change {
        /**
         * @param group the role's group; not null
         * @param role the role's name; not null
         * @param roleId the role's id, or empty; not null
         * @param user the member; not null
         * @param from the current scope; not null
         * @param to the scope to set; not null
         */
        public SetScope {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(roleId, "roleId");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public Action action() {
            return Action.SET_SCOPE;
        }
    }

    /**
     * Revoke a role from a user (pruning only).
     *
     * @param group the role's group
     * @param role the role's name
     * @param roleId the role
     * @param user the user who loses it
     */
    record Revoke(RoleGroupName group, RoleName role, RoleId roleId, UserId user) implements Change {
        /**
         * @param group the role's group; not null
         * @param role the role's name; not null
         * @param roleId the role; not null
         * @param user the user; not null
         */
        public Revoke {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(roleId, "roleId");
            Objects.requireNonNull(user, "user");
        }

        @Override
        public Action action() {
            return Action.REVOKE;
        }
    }

    /**
     * Delete a role (pruning only); the plan revokes it from every member first.
     *
     * @param group the role's group
     * @param role the role's name
     * @param roleId the role
     */
    record DeleteRole(RoleGroupName group, RoleName role, RoleId roleId) implements Change {
        /**
         * @param group the role's group; not null
         * @param role the role's name; not null
         * @param roleId the role; not null
         */
        public DeleteRole {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(roleId, "roleId");
        }

        @Override
        public Action action() {
            return Action.DELETE_ROLE;
        }
    }
}
