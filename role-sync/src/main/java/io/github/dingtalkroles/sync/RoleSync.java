package io.github.dingtalkroles.sync;

import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleMember;
import io.github.dingtalkroles.port.RoleAssignments;
import io.github.dingtalkroles.port.RoleDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Roles as code over the ports, so on every backend: {@link #plan} compares a {@link DesiredState} with
 * the current roles and lists the changes, {@link #apply} carries them out, and {@link #export} writes
 * the current roles as a desired state.
 *
 * <pre>{@code
 * RoleSync sync = RoleSync.builder(directory, assignments).build();
 * Plan plan = sync.plan(desired, Prune.OFF);            // reads only
 * plan.changes().forEach(System.out::println);
 * sync.apply(plan, (change, done, total) -> progress.update(done, total));
 * assert sync.plan(desired, Prune.OFF).isEmpty();      // applied: nothing left to do
 * }</pre>
 *
 * <h2>Safety</h2>
 * <ul>
 *   <li>A plan comes from one complete reading of the current state: the role groups' walk and the member
 *       walks of the roles it needs. If any walk fails, or a listing shifts while it is walked
 *       ({@code ConflictException} {@code LISTING_CHANGED}), {@link #plan} throws and no plan is made.
 *       Planning never writes.</li>
 *   <li>Nothing is revoked or deleted unless the plan prunes ({@link Prune#ON}); a pruning plan lists
 *       exactly what it removes, and {@link #apply} refuses one that removes more than the prune limit
 *       ({@link Builder#pruneLimit}, 10 by default) unless it is {@link Plan#forced()}.</li>
 *   <li>Groups the desired state does not list are never changed; the Default group may be listed only as
 *       it is ({@link ImpossibleChangeException}).</li>
 *   <li>Apply is safe to repeat: after a failure part-way ({@link ApplyFailedException}), or a crash, a new
 *       plan starts from what the backend then holds, so plan-and-apply again converges without duplicates;
 *       right after a successful apply, a new plan is empty.</li>
 * </ul>
 *
 * <h2>Calls</h2>
 * Independent calls of one phase run concurrently, at most {@link Builder#concurrency} at once (8 by
 * default), so that a remote backend's latency does not leave its rate limit unused; the backend's own
 * rate limit still applies. Grants and revokes use the port's bulk calls.
 *
 * <p><b>Thread safety:</b> immutable and safe for concurrent use; each call runs its own workers.
 * Applying two plans at once to one organisation is the caller's business.
 */
public final class RoleSync {
    /** Default of {@link Builder#pruneLimit}. */
    public static final int DEFAULT_PRUNE_LIMIT = 10;
    /** Default of {@link Builder#concurrency}. */
    public static final int DEFAULT_CONCURRENCY = 8;
    /** Most calls {@link Builder#concurrency} allows at once. */
    public static final int MAX_CONCURRENCY = 64;

    private final RoleDirectory directory;
    private final RoleAssignments assignments;
    private final int pruneLimit;
    private final int concurrency;

    private RoleSync(Builder builder) {
        this.directory = builder.directory;
        this.assignments = builder.assignments;
        this.pruneLimit = builder.pruneLimit;
        this.concurrency = builder.concurrency;
    }

    /**
     * A builder for a sync of roles and their members.
     *
     * @param directory the role catalogue; not null
     * @param assignments the membership of the same organisation (usually the same object); not null
     * @return a new builder with the defaults
     * @throws NullPointerException if an argument is null
     */
    public static Builder builder(RoleDirectory directory, RoleAssignments assignments) {
        return new Builder(directory, Objects.requireNonNull(assignments, "assignments"));
    }

    /**
     * A builder for a sync of the catalogue only, for a backend without membership: a desired state that
     * lists members is refused ({@link ImpossibleChangeException.Reason#NO_MEMBERSHIP}), a pruned role is
     * deleted without revoking it first (the backend refuses it if the role has members), and
     * {@link #export(boolean)} cannot list members.
     *
     * @param directory the role catalogue; not null
     * @return a new builder with the defaults
     * @throws NullPointerException if {@code directory} is null
     */
    public static Builder catalogueOnly(RoleDirectory directory) {
        return new Builder(directory, null);
    }

    /**
     * Plans the changes that bring the roles to {@code desired}, without pruning. Reads only.
     *
     * @param desired the desired state
     * @return the plan; {@link Plan#isEmpty()} if the roles already are as desired
     * @throws ImpossibleChangeException if no plan can reach the desired state (the Default group changed, a
     *     pinned role id unknown or in another group, a rename to a name another role keeps)
     * @throws io.github.dingtalkroles.port.RoleDirectoryException if reading the current state failed,
     *     including {@code ConflictException} ({@code LISTING_CHANGED}) if a listing shifted under a walk
     */
    public Plan plan(DesiredState desired) {
        return plan(desired, Prune.OFF);
    }

    /**
     * Plans the changes that bring the roles to {@code desired}. Reads only.
     *
     * @param desired the desired state
     * @param prune {@link Prune#ON} to also revoke unlisted members of roles that list their members, and
     *     revoke and delete the roles that listed groups hold but {@code desired} does not list
     * @return the plan; {@link Plan#isEmpty()} if the roles already are as desired
     * @throws ImpossibleChangeException if no plan can reach the desired state
     * @throws io.github.dingtalkroles.port.RoleDirectoryException if reading the current state failed
     */
    public Plan plan(DesiredState desired, Prune prune) {
        Objects.requireNonNull(desired, "desired");
        Objects.requireNonNull(prune, "prune");
        return new Planner(directory, assignments, concurrency).plan(desired, prune == Prune.ON, pruneLimit);
    }

    /**
     * Applies a plan, without progress reports.
     *
     * @param plan the plan, made by {@link #plan} on the same organisation
     * @return what was done
     * @throws PruneLimitExceededException if the plan removes more than its prune limit and is not forced;
     *     nothing was applied
     * @throws ApplyFailedException if a change failed: what was applied, and why it stopped
     */
    public ApplyResult apply(Plan plan) {
        return apply(plan, ApplyListener.NONE);
    }

    /**
     * Applies a plan: its changes phase by phase, in {@link Change.Action}'s order, each phase complete
     * before the next starts; {@code listener} hears of each change as the backend confirms it.
     *
     * @param plan the plan, made by {@link #plan} on the same organisation
     * @param listener told of each applied change; called one at a time
     * @return what was done
     * @throws PruneLimitExceededException if the plan removes more than its prune limit and is not forced;
     *     nothing was applied
     * @throws ApplyFailedException if a change failed: what was applied, and why it stopped. Plan again
     *     and apply to finish
     */
    public ApplyResult apply(Plan plan, ApplyListener listener) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(listener, "listener");
        return new Applier(directory, assignments, concurrency).apply(plan, listener);
    }

    /**
     * The current roles as a desired state: every group (the Default group too) with its roles, each role
     * pinned to its id, and, if asked, each role's members with their scopes. Planning it right away gives
     * an empty plan. Reads only, with complete walks, as {@link #plan} does.
     *
     * @param withMembers whether to list each role's members (one member walk per role)
     * @return the current state
     * @throws IllegalStateException if members are asked for on a catalogue-only sync
     * @throws io.github.dingtalkroles.port.RoleDirectoryException if reading failed
     */
    public DesiredState export(boolean withMembers) {
        if (withMembers && assignments == null) {
            throw new IllegalStateException("this backend keeps no membership, so no members can be exported");
        }
        List<RoleGroup> groups = directory.allRoleGroups().toList();
        Map<RoleId, List<RoleMember>> members = new ConcurrentHashMap<>();
        if (withMembers) {
            List<RoleId> roles = groups.stream().flatMap(g -> g.roles().stream()).map(Role::id).toList();
            try (Workers workers = new Workers(concurrency)) {
                workers.forEach(roles, role -> members.put(role, assignments.allMembers(role).toList()));
            }
        }
        List<DesiredGroup> desired = new ArrayList<>(groups.size());
        for (RoleGroup group : groups) {
            List<DesiredRole> roles = new ArrayList<>(group.roles().size());
            for (Role role : group.roles()) {
                DesiredRole exported = DesiredRole.named(role.name()).withId(role.id());
                if (withMembers) {
                    exported = exported.withMembers(members.get(role.id()).stream()
                            .map(m -> new DesiredMember(m.userId(), m.managementScope())).toList());
                }
                roles.add(exported);
            }
            desired.add(new DesiredGroup(group.name(), roles));
        }
        return new DesiredState(desired);
    }

    @Override
    public String toString() {
        return "RoleSync[" + (assignments == null ? "catalogue only, " : "") + "pruneLimit=" + pruneLimit
                + ", concurrency=" + concurrency + "]";
    }

    /** Builds a {@link RoleSync}. Not thread-safe; the sync it builds is. */
    public static final class Builder {
        private final RoleDirectory directory;
        private final RoleAssignments assignments;
        private int pruneLimit = DEFAULT_PRUNE_LIMIT;
        private int concurrency = DEFAULT_CONCURRENCY;

        private Builder(RoleDirectory directory, RoleAssignments assignments) {
            this.directory = Objects.requireNonNull(directory, "directory");
            this.assignments = assignments;
        }

        /**
         * The most removals (revoked (role, user) pairs plus deleted roles) a plan may hold and still be
         * applied without {@link Plan#forced()}; {@value RoleSync#DEFAULT_PRUNE_LIMIT} by default.
         *
         * @param limit zero or more
         * @return this builder
         * @throws IllegalArgumentException if {@code limit} is negative
         */
        public Builder pruneLimit(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("prune limit must be 0 or more (got " + limit + ")");
            }
            this.pruneLimit = limit;
            return this;
        }

        /**
         * How many independent port calls may run at once while planning (member walks) and applying;
         * {@value RoleSync#DEFAULT_CONCURRENCY} by default, 1 for one call at a time.
         *
         * @param calls 1 to {@value RoleSync#MAX_CONCURRENCY}
         * @return this builder
         * @throws IllegalArgumentException if {@code calls} is out of range
         */
        public Builder concurrency(int calls) {
            if (calls < 1 || calls > MAX_CONCURRENCY) {
                throw new IllegalArgumentException("concurrency must be between 1 and " + MAX_CONCURRENCY
                        + " (got " + calls + ")");
            }
            this.concurrency = calls;
            return this;
        }

        /**
         * The sync.
         *
         * @return a new, immutable sync
         */
        public RoleSync build() {
            return new RoleSync(this);
        }
    }
}
