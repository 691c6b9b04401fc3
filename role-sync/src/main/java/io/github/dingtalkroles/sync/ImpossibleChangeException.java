package io.github.dingtalkroles.sync;

import java.util.Objects;

/**
 * The desired state asks for something no plan can do from the current state: change the Default group,
 * pin a role id that does not exist or belongs to another group, rename a role to a name another role
 * keeps, or manage members on a backend without membership. Found while planning, after the current
 * state was read and before any change was made; {@link #reason()} says which.
 */
public final class ImpossibleChangeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Why no plan can reach the desired state. */
    public enum Reason {
        /** The Default group is listed with a role, a name or members it does not have. */
        DEFAULT_GROUP_CHANGED,
        /** A pinned role id names no existing role. */
        UNKNOWN_ROLE_ID,
        /** A pinned role id names a role of another group; roles cannot move between groups. */
        ROLE_IN_ANOTHER_GROUP,
        /** A role would be renamed to a name that another role of its group keeps. */
        NAME_TAKEN,
        /** Roles would swap names, which no order of renames can do without a temporary name. */
        RENAME_CYCLE,
        /** The desired state lists members, but the sync was built without the membership port. */
        NO_MEMBERSHIP
    }

    /** Why no plan can reach the desired state. */
    private final Reason reason;

    /**
     * @param reason why no plan can reach the desired state
     * @param message what is asked for, naming the group and role
     */
    public ImpossibleChangeException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Why no plan can reach the desired state.
     *
     * @return the reason, never null
     */
    public Reason reason() {
        return reason;
    }
}
