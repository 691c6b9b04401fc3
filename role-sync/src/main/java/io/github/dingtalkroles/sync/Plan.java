package io.github.dingtalkroles.sync;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What it takes to bring the roles to a {@link DesiredState}: an ordered list of {@link Change}s, made
 * by {@link RoleSync#plan} from one complete reading of the current state. Making it changed nothing.
 *
 * <p>The changes come in the order {@link RoleSync#apply} carries them out: groups are created, roles
 * renamed, roles added, roles granted, scopes set, and, only in a pruning plan, roles revoked and roles
 * deleted ({@link Change.Action}'s order). A pruning plan lists exactly what it removes: every
 * {@link Change.Revoke} pair and every {@link Change.DeleteRole}.
 *
 * <p>If it removes more than its {@link #pruneLimit()} ({@link #exceedsPruneLimit()}), applying it is
 * refused unless it is {@link #forced()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Plan {
    private final List<Change> changes;
    private final boolean prunes;
    private final int pruneLimit;
    private final boolean forced;

    Plan(List<Change> changes, boolean prunes, int pruneLimit, boolean forced) {
        this.changes = List.copyOf(changes);
        this.prunes = prunes;
        this.pruneLimit = pruneLimit;
        this.forced = forced;
    }

    /**
     * The changes, in the order they are applied.
     *
     * @return the changes; empty if the roles already are as desired
     */
    public List<Change> changes() {
        return changes;
    }

    /**
     * Whether there is nothing to do.
     *
     * @return {@code true} if the plan has no change
     */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /**
     * How many changes of one kind the plan holds.
     *
     * @param action the kind of change
     * @return the number of such changes
     */
    public int count(Change.Action action) {
        return (int) changes.stream().filter(c -> c.action() == action).count();
    }

    /**
     * How many changes of each kind the plan holds, every kind listed (zero for none), in
     * {@link Change.Action}'s order.
     *
     * @return the counts, an unmodifiable map
     */
    public Map<Change.Action, Integer> summary() {
        Map<Change.Action, Integer> counts = new EnumMap<>(Change.Action.class);
        for (Change.Action action : Change.Action.values()) {
            counts.put(action, 0);
        }
        changes.forEach(c -> counts.merge(c.action(), 1, Integer::sum));
        return Collections.unmodifiableMap(counts);
    }

    /**
     * Whether the plan was made with pruning, so that it may revoke and delete.
     *
     * @return {@code true} for a pruning plan
     */
    public boolean prunes() {
        return prunes;
    }

    /**
     * What the plan removes: its (role, user) pairs to revoke plus its roles to delete.
     *
     * @return the number of {@link Change.Revoke} and {@link Change.DeleteRole} changes
     */
    public int removals() {
        return count(Change.Action.REVOKE) + count(Change.Action.DELETE_ROLE);
    }

    /**
     * The most removals that are applied without {@link #forced()}.
     *
     * @return the prune limit the plan was made with
     */
    public int pruneLimit() {
        return pruneLimit;
    }

    /**
     * Whether the plan removes more than {@link #pruneLimit()}, so that applying it needs {@link #forced()}.
     *
     * @return {@code true} if {@link #removals()} exceeds the limit
     */
    public boolean exceedsPruneLimit() {
        return removals() > pruneLimit;
    }

    /**
     * This plan, to be applied even if it removes more than its prune limit: the caller has seen what it
     * removes.
     *
     * @return the same changes, marked forced
     */
    public Plan forced() {
        return new Plan(changes, prunes, pruneLimit, true);
    }

    /**
     * Whether the plan was {@link #forced()}.
     *
     * @return {@code true} if it is applied whatever it removes
     */
    public boolean isForced() {
        return forced;
    }

    @Override
    public String toString() {
        return "Plan[" + changes.size() + " changes " + summary() + (prunes ? ", pruning" : "")
                + (forced ? ", forced" : "") + "]";
    }
}
