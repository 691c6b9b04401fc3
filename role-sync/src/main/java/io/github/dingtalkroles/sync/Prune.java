package io.github.dingtalkroles.sync;

/** Whether a plan may remove: revoke roles from users and delete roles ({@link RoleSync#plan(DesiredState, Prune)}). */
public enum Prune {
    /** Add, rename, grant and set scopes only; never revoke or delete. */
    OFF,
    /**
     * Also revoke a role from users a role's listed members leave out, and revoke and delete the roles a
     * listed group holds but the desired state leaves out. Groups the desired state does not list, and the
     * Default group, are never pruned.
     */
    ON
}
