package io.github.dingtalkroles.sync;

import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.domain.UserId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A role as it should be: its name, optionally the id of the existing role it is (which is how a
 * rename is said), and optionally its members.
 *
 * <ul>
 *   <li>Without an id, the role is found by name in its group, or added.</li>
 *   <li>With an id, it is that existing role, renamed if its name differs. The id must exist, in the
 *       same group (roles cannot move between groups).</li>
 *   <li>Without members ({@link #members()} empty), the role's membership is not managed: the plan
 *       neither grants nor revokes it. With a list, even an empty one, the listed users are granted the
 *       role with the given scopes and, when pruning, everyone else loses it.</li>
 * </ul>
 *
 * <pre>{@code
 * DesiredRole payroll = DesiredRole.named(RoleName.of("Payroll Admin"))
 *         .withMembers(List.of(new DesiredMember(UserId.of("user200"), ManagementScope.of(DeptId.of(12)))));
 * }</pre>
 *
 * <p>Immutable; {@code with...} methods return new values. Two roles are equal when name, id and
 * members are equal (members in the same order).
 */
public final class DesiredRole {
    private final RoleName name;
    private final RoleId id;
    private final List<DesiredMember> members;

    private DesiredRole(RoleName name, RoleId id, List<DesiredMember> members) {
        this.name = Objects.requireNonNull(name, "name");
        this.id = id;
        this.members = members;
    }

    /**
     * A role found by its name, or added; its membership not managed.
     *
     * @param name the role's name
     * @return the role
     * @throws NullPointerException if {@code name} is null
     */
    public static DesiredRole named(RoleName name) {
        return new DesiredRole(name, null, null);
    }

    /**
     * This role pinned to an existing role's id: the role with that id, renamed to {@link #name()} if its
     * name differs.
     *
     * @param roleId the existing role's id
     * @return a new role value with the id pinned
     * @throws NullPointerException if {@code roleId} is null
     */
    public DesiredRole withId(RoleId roleId) {
        return new DesiredRole(name, Objects.requireNonNull(roleId, "roleId"), members);
    }

    /**
     * This role with its membership managed: exactly these members (when pruning; without pruning, at
     * least these), with these scopes.
     *
     * @param desiredMembers the members, each user once; empty for none
     * @return a new role value with the members
     * @throws DesiredStateException ({@code members[i]}) if a user is listed twice
     * @throws NullPointerException if the list or an element is null
     */
    public DesiredRole withMembers(List<DesiredMember> desiredMembers) {
        List<DesiredMember> copy = List.copyOf(desiredMembers);
        Set<UserId> seen = new HashSet<>();
        for (int i = 0; i < copy.size(); i++) {
            if (!seen.add(copy.get(i).user())) {
                throw new DesiredStateException("members[" + i + "]", "user " + copy.get(i).user()
                        + " is listed twice for role \"" + name + "\"");
            }
        }
        return new DesiredRole(name, id, copy);
    }

    /**
     * The role's name.
     *
     * @return the name, never null
     */
    public RoleName name() {
        return name;
    }

    /**
     * The id of the existing role this is, if pinned.
     *
     * @return the pinned id, or empty if the role is found by name
     */
    public Optional<RoleId> id() {
        return Optional.ofNullable(id);
    }

    /**
     * The role's members, if its membership is managed.
     *
     * @return the members (possibly an empty list: no members), or empty if membership is not managed
     */
    public Optional<List<DesiredMember>> members() {
        return Optional.ofNullable(members);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DesiredRole that && name.equals(that.name) && Objects.equals(id, that.id)
                && Objects.equals(members, that.members);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, id, members);
    }

    @Override
    public String toString() {
        return "DesiredRole[name=" + name + (id == null ? "" : ", id=" + id)
                + (members == null ? "" : ", members=" + members) + "]";
    }
}
