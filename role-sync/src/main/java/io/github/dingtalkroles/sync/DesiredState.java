package io.github.dingtalkroles.sync;

import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The role groups, roles and members an organisation should have: the input of a plan, and what an
 * export produces. A plain value, built in code or read from a file (see {@code DesiredStateYaml} in
 * {@code io.github.dingtalkroles.sync.yaml}).
 *
 * <pre>{@code
 * DesiredState desired = DesiredState.of(DesiredGroup.of(RoleGroupName.of("HR"),
 *         DesiredRole.named(RoleName.of("Recruiter"))
 *                 .withMembers(List.of(DesiredMember.of(UserId.of("user100"))))));
 * }</pre>
 *
 * <p>Groups it does not list are not managed: a plan never changes them. Immutable.
 *
 * @param groups the groups, each name once (the Default group's two spellings count as one)
 */
public record DesiredState(List<DesiredGroup> groups) {
    /**
     * Copies the groups and checks that no group is listed twice and no role id is pinned twice.
     *
     * @param groups the groups; not null
     * @throws DesiredStateException ({@code groups[i].name} or {@code groups[i].roles[j].id}) if a group
     *     is listed twice or a role id is pinned in two groups
     * @throws NullPointerException if the list or a group is null
     */
    public DesiredState {
        groups = List.copyOf(groups);
        Map<RoleGroupName, Integer> names = new HashMap<>();
        Map<RoleId, Integer> pinned = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            DesiredGroup group = groups.get(i);
            RoleGroupName key = group.isDefault() ? RoleGroupName.DEFAULT : group.name();
            if (names.putIfAbsent(key, i) != null) {
                throw new DesiredStateException("groups[" + i + "].name", "group \"" + group.name()
                        + "\" is listed twice");
            }
            for (int j = 0; j < group.roles().size(); j++) {
                DesiredRole role = group.roles().get(j);
                if (role.id().isPresent()) {
                    Integer first = pinned.putIfAbsent(role.id().get(), i);
                    if (first != null) {
                        throw new DesiredStateException("groups[" + i + "].roles[" + j + "].id", "role id "
                                + role.id().get() + " is also listed in group \"" + groups.get(first).name() + "\"");
                    }
                }
            }
        }
    }

    /**
     * A state of these groups.
     *
     * @param groups the groups
     * @return the state
     * @throws DesiredStateException if a group is listed twice or a role id pinned twice
     */
    public static DesiredState of(DesiredGroup... groups) {
        return new DesiredState(List.of(groups));
    }

    /**
     * The state with no group listed: a plan from it changes nothing.
     *
     * @return the empty state
     */
    public static DesiredState empty() {
        return new DesiredState(List.of());
    }

    /**
     * Whether any role of this state manages its members: such a state needs the membership port.
     *
     * @return {@code true} if a role lists its members
     */
    public boolean managesMembers() {
        return groups.stream().flatMap(g -> g.roles().stream()).anyMatch(r -> r.members().isPresent());
    }
}
