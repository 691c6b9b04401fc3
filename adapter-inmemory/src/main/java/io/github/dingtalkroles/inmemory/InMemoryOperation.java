package io.github.dingtalkroles.inmemory;

/**
 * The operations of a {@link io.github.dingtalkroles.port.RoleDirectory} and its
 * {@link io.github.dingtalkroles.port.RoleAssignments}, for fault injection.
 */
public enum InMemoryOperation {
    /** {@code addRoleGroup}. */
    ADD_ROLE_GROUP,
    /** {@code addRole}. */
    ADD_ROLE,
    /** {@code renameRole}. */
    RENAME_ROLE,
    /** {@code listRoleGroups} (and so each page of {@code allRoleGroups}). */
    LIST_ROLE_GROUPS,
    /** {@code findRoleGroup}. */
    FIND_ROLE_GROUP,
    /** {@code findRole}. */
    FIND_ROLE,
    /** {@code deleteRole}. */
    DELETE_ROLE,
    /** {@code listMembers} (and so each page of {@code allMembers}). */
    LIST_MEMBERS,
    /** {@code grant}. */
    GRANT,
    /** {@code revoke}. */
    REVOKE,
    /** {@code setScope}. */
    SET_SCOPE
}
