package io.github.dingtalkroles.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleMember;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.inmemory.InMemoryFault;
import io.github.dingtalkroles.inmemory.InMemoryOperation;
import io.github.dingtalkroles.inmemory.InMemoryRoleDirectory;
import io.github.dingtalkroles.port.RoleDirectoryException;
import io.github.dingtalkroles.sync.yaml.DesiredStateYaml;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated cases, each from a fixed seed (so a failure names its seed and reruns identically): a random
 * current state and a random desired state derived from it (roles kept, pinned, renamed, left out and
 * added; members listed or not, with random scopes; groups listed or not, and new ones), pruning or not.
 * Each case plans and applies with faults injected at random calls (lost replies, busy, throttled) until
 * a plan is empty, then checks:
 * <ul>
 *   <li>the export equals the expected state, which the generator derives on its own, modulo ids;</li>
 *   <li>a plan right after a clean apply is empty;</li>
 *   <li>no role was duplicated: each group holds exactly the expected roles, pinned roles kept their ids;</li>
 *   <li>the export survives a YAML round trip and plans nothing.</li>
 * </ul>
 */
class ConvergenceTest {
    /** Cases per run; each takes a few milliseconds. */
    private static final int CASES = 250;
    private static final List<String> GROUP_NAMES = List.of("HR", "Sales", "Ops", "IT", "Finance", "Legal", "R&D");
    private static final List<InMemoryFault> FAULTS = List.of(InMemoryFault.LOST_REPLY, InMemoryFault.UNAVAILABLE,
            InMemoryFault.THROTTLED);
    private static final List<InMemoryOperation> FAULTY = List.of(InMemoryOperation.ADD_ROLE_GROUP,
            InMemoryOperation.ADD_ROLE, InMemoryOperation.RENAME_ROLE, InMemoryOperation.DELETE_ROLE,
            InMemoryOperation.GRANT, InMemoryOperation.REVOKE, InMemoryOperation.SET_SCOPE,
            InMemoryOperation.LIST_ROLE_GROUPS, InMemoryOperation.LIST_MEMBERS);

    /** group name -> role name -> user -> departments: a state modulo ids, in a comparable form. */
    private static final class State extends TreeMap<String, TreeMap<String, TreeMap<String, Set<Long>>>> {
        private static final long serialVersionUID = 1L;
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, CASES).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void planAndApplyConvergeOnTheDesiredStateDespiteFaults(long seed) {
        Random random = new Random(seed);
        InMemoryRoleDirectory org = Organisation.withRoster();
        populate(org, random);
        State expected = new State();
        Map<RoleId, RoleName> pinned = new LinkedHashMap<>();
        boolean prune = random.nextBoolean();
        DesiredState desired = desire(org, random, prune, expected, pinned);
        Prune mode = prune ? Prune.ON : Prune.OFF;
        RoleSync sync = RoleSync.builder(org, org).concurrency(random.nextInt(4) == 0 ? 4 : 1).build();
        int failures = 0;

        for (int round = 0; round < 12; round++) {
            for (int f = random.nextInt(4); f > 0; f--) {
                org.faults().next(FAULTY.get(random.nextInt(FAULTY.size())), FAULTS.get(random.nextInt(FAULTS.size())));
            }
            try {
                sync.apply(sync.plan(desired, mode).forced());
            } catch (ApplyFailedException | RoleDirectoryException e) {
                failures++;
            }
        }
        org.faults().clear();
        sync.apply(sync.plan(desired, mode).forced());

        String context = "seed " + seed + ", prune " + prune + ", " + failures + " failed rounds, desired " + desired;
        assertThat(sync.plan(desired, mode).changes()).as(context).isEmpty();
        assertThat(state(sync.export(true))).as(context).isEqualTo(expected);
        pinned.forEach((id, name) -> assertThat(org.findRole(id).map(Role::name)).as(context).contains(name));
        assertThat(org.allRoleGroups().mapToLong(g -> g.roles().size()).sum() - 4).as(context)
                .isEqualTo(expected.values().stream().mapToLong(TreeMap::size).sum());
        DesiredState exported = sync.export(true);
        StringWriter yaml = new StringWriter();
        DesiredStateYaml.write(exported, yaml);
        DesiredState reread = DesiredStateYaml.read(new StringReader(yaml.toString()), "export.yaml");
        assertThat(reread).as(context).isEqualTo(exported);
        assertThat(sync.plan(reread, Prune.ON).changes()).as(context).isEmpty();
    }

    /** A random current state: up to 4 groups of up to 4 roles, each with up to 5 members, some scoped. */
    private static void populate(InMemoryRoleDirectory org, Random random) {
        List<String> names = shuffled(GROUP_NAMES, random);
        for (int g = random.nextInt(5); g > 0; g--) {
            RoleGroupId group = org.addRoleGroup(RoleGroupName.of(names.remove(0))).id();
            Set<String> taken = new HashSet<>();
            for (int r = random.nextInt(5); r > 0; r--) {
                RoleId role = org.addRole(group, fresh(taken, random)).id();
                for (DesiredMember member : members(random, 5)) {
                    org.grant(List.of(role), List.of(member.user()));
                    org.setScope(role, member.user(), member.scope());
                }
            }
        }
    }

    /**
     * A desired state derived from the current one, and, into {@code expected}, the state applying it
     * must reach (every group but the Default one) and, into {@code pinned}, the ids it pins.
     */
    private static DesiredState desire(InMemoryRoleDirectory org, Random random, boolean prune, State expected,
            Map<RoleId, RoleName> pinned) {
        List<RoleGroup> current = org.allRoleGroups().toList();
        Set<String> groupNames = new HashSet<>();
        List<DesiredGroup> desired = new ArrayList<>();
        for (RoleGroup group : current) {
            groupNames.add(group.name().value());
            if (group.isDefault()) {
                if (random.nextInt(5) == 0) {
                    desired.add(new DesiredGroup(group.name(), group.roles().stream()
                            .map(r -> DesiredRole.named(r.name()).withId(r.id())).toList()));
                }
                continue;
            }
            TreeMap<String, TreeMap<String, Set<Long>>> roles = new TreeMap<>();
            expected.put(group.name().value(), roles);
            if (random.nextInt(4) == 0) { // not listed: left as it is
                group.roles().forEach(r -> roles.put(r.name().value(), held(org, r.id())));
                continue;
            }
            Set<String> taken = new HashSet<>();
            group.roles().forEach(r -> taken.add(r.name().value()));
            List<DesiredRole> listed = new ArrayList<>();
            for (Role role : group.roles()) {
                double choice = random.nextDouble();
                TreeMap<String, Set<Long>> held = held(org, role.id());
                if (choice >= 0.82) { // left out
                    if (!prune) {
                        roles.put(role.name().value(), held);
                    }
                    continue;
                }
                DesiredRole wanted = DesiredRole.named(role.name());
                if (choice >= 0.55) {
                    wanted = wanted.withId(role.id());
                    if (choice >= 0.70) {
                        wanted = DesiredRole.named(fresh(taken, random)).withId(role.id());
                    }
                    pinned.put(role.id(), wanted.name());
                }
                listed.add(withMembers(wanted, held, prune, random, roles));
            }
            for (int n = random.nextInt(3); n > 0; n--) {
                listed.add(withMembers(DesiredRole.named(fresh(taken, random)), new TreeMap<>(), prune, random, roles));
            }
            desired.add(new DesiredGroup(group.name(), shuffled(listed, random)));
        }
        for (int n = random.nextInt(3); n > 0; n--) {
            String name = GROUP_NAMES.stream().filter(g -> !groupNames.contains(g)).findFirst().orElse(null);
            if (name == null) {
                break;
            }
            groupNames.add(name);
            TreeMap<String, TreeMap<String, Set<Long>>> roles = new TreeMap<>();
            expected.put(name, roles);
            Set<String> taken = new HashSet<>();
            List<DesiredRole> listed = new ArrayList<>();
            for (int r = random.nextInt(4); r > 0; r--) {
                listed.add(withMembers(DesiredRole.named(fresh(taken, random)), new TreeMap<>(), prune, random, roles));
            }
            desired.add(new DesiredGroup(RoleGroupName.of(name), listed));
        }
        return new DesiredState(shuffled(desired, random));
    }

    /** The role, its members listed or not, and what it must end up with, recorded in {@code roles}. */
    private static DesiredRole withMembers(DesiredRole role, TreeMap<String, Set<Long>> held, boolean prune,
            Random random, TreeMap<String, TreeMap<String, Set<Long>>> roles) {
        TreeMap<String, Set<Long>> result = new TreeMap<>(held);
        DesiredRole desired = role;
        if (random.nextInt(10) < 7) {
            List<DesiredMember> members = members(random, 6);
            if (prune) {
                result.clear();
            }
            members.forEach(m -> result.put(m.user().value(), departments(m.scope())));
            desired = role.withMembers(members);
        }
        roles.put(role.name().value(), result);
        return desired;
    }

    private static List<DesiredMember> members(Random random, int most) {
        List<DesiredMember> members = new ArrayList<>();
        Set<Integer> users = new HashSet<>();
        for (int n = random.nextInt(most + 1); n > 0; n--) {
            int user = 1 + random.nextInt(Organisation.EMPLOYEES);
            if (users.add(user)) {
                List<DeptId> scope = new ArrayList<>();
                if (random.nextInt(10) < 3) {
                    for (int d = 1 + random.nextInt(3); d > 0; d--) {
                        scope.add(DeptId.of(1 + random.nextInt(Organisation.DEPARTMENTS)));
                    }
                }
                members.add(new DesiredMember(Organisation.user(user), new ManagementScope(scope)));
            }
        }
        return members;
    }

    /** A role name not in {@code taken}, which it joins. */
    private static RoleName fresh(Set<String> taken, Random random) {
        String name;
        do {
            name = "Role " + random.nextInt(1000);
        } while (!taken.add(name));
        return RoleName.of(name);
    }

    private static TreeMap<String, Set<Long>> held(InMemoryRoleDirectory org, RoleId role) {
        TreeMap<String, Set<Long>> held = new TreeMap<>();
        org.allMembers(role).forEach((RoleMember m) -> held.put(m.userId().value(), departments(m.managementScope())));
        return held;
    }

    private static Set<Long> departments(ManagementScope scope) {
        Set<Long> ids = new TreeSet<>();
        scope.departments().forEach(d -> ids.add(d.value()));
        return ids;
    }

    /** An export modulo ids and order, without the Default group. */
    private static State state(DesiredState export) {
        State state = new State();
        for (DesiredGroup group : export.groups()) {
            if (group.isDefault()) {
                continue;
            }
            TreeMap<String, TreeMap<String, Set<Long>>> roles = new TreeMap<>();
            for (DesiredRole role : group.roles()) {
                TreeMap<String, Set<Long>> members = new TreeMap<>();
                role.members().orElseThrow().forEach(m -> members.put(m.user().value(), departments(m.scope())));
                roles.put(role.name().value(), members);
            }
            state.put(group.name().value(), roles);
        }
        return state;
    }

    private static <T> List<T> shuffled(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }
}
