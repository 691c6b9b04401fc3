package io.github.dingtalkroles.sync.yaml;

import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.domain.InvariantViolation;
import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.RoleGroupName;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.domain.UserId;
import io.github.dingtalkroles.sync.DesiredGroup;
import io.github.dingtalkroles.sync.DesiredMember;
import io.github.dingtalkroles.sync.DesiredRole;
import io.github.dingtalkroles.sync.DesiredState;
import io.github.dingtalkroles.sync.DesiredStateException;
import io.github.dingtalkroles.sync.yaml.Node.ListNode;
import io.github.dingtalkroles.sync.yaml.Node.MapNode;
import io.github.dingtalkroles.sync.yaml.Node.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a {@link Node} tree into a {@link DesiredState}. Every problem, whether of the file's shape
 * (an unknown key, a list where a name belongs) or of the model's rules (a blank name, a role listed
 * twice), is reported at the line and column of the value that has it.
 */
final class StateReader {
    private static final Pattern PATH_STEP = Pattern.compile("([^.\\[]+)(?:\\[(\\d+)])?");

    private final TreeReader tree;

    StateReader(TreeReader tree) {
        this.tree = tree;
    }

    DesiredState state(Node root) {
        MapNode top = map(root, "the file");
        keys(top, Set.of("groups"), "the file");
        MapNode.Entry groups = top.entries().get("groups");
        if (groups == null) {
            throw tree.problem(root.at(), "expected a map with \"groups\"");
        }
        List<DesiredGroup> result = new ArrayList<>();
        for (Node group : list(groups.value(), "groups")) {
            result.add(checked(group, () -> group(group)));
        }
        return checked(root, () -> new DesiredState(result));
    }

    private DesiredGroup group(Node node) {
        MapNode group = map(node, "a group");
        keys(group, Set.of("name", "roles"), "a group");
        RoleGroupName name = required(group, "name", "a group", RoleGroupName::of);
        List<DesiredRole> roles = new ArrayList<>();
        MapNode.Entry entry = group.entries().get("roles");
        if (entry != null) {
            for (Node role : list(entry.value(), "roles")) {
                roles.add(checked(role, () -> role(role)));
            }
        }
        return new DesiredGroup(name, roles);
    }

    private DesiredRole role(Node node) {
        MapNode role = map(node, "a role");
        keys(role, Set.of("name", "id", "members"), "a role");
        DesiredRole result = DesiredRole.named(required(role, "name", "a role", RoleName::of));
        MapNode.Entry id = role.entries().get("id");
        if (id != null) {
            result = result.withId(value(id.value(), "role id", text -> RoleId.of(number(id.value(), text))));
        }
        MapNode.Entry members = role.entries().get("members");
        if (members != null) {
            List<DesiredMember> list = new ArrayList<>();
            for (Node member : list(members.value(), "members (write [] for none)")) {
                list.add(member(member));
            }
            result = result.withMembers(list);
        }
        return result;
    }

    /** {@code user100}, or {@code {user: user100, scope: [12, 34]}}. */
    private DesiredMember member(Node node) {
        if (node instanceof ScalarNode) {
            return DesiredMember.of(value(node, "user id", UserId::of));
        }
        MapNode member = map(node, "a member (a user id, or a map with \"user\" and \"scope\")");
        keys(member, Set.of("user", "scope"), "a member");
        UserId user = required(member, "user", "a member", UserId::of);
        MapNode.Entry scope = member.entries().get("scope");
        if (scope == null) {
            return DesiredMember.of(user);
        }
        List<DeptId> departments = new ArrayList<>();
        for (Node dept : list(scope.value(), "scope (department ids; [] for the whole organisation)")) {
            departments.add(value(dept, "department id", text -> DeptId.of(number(dept, text))));
        }
        return new DesiredMember(user, rule(scope.value(), () -> new ManagementScope(departments)));
    }

    /**
     * Runs a model constructor for {@code node}; a {@link DesiredStateException} it throws is reported at
     * the node its path leads to.
     */
    private <T> T checked(Node node, Supplier<T> build) {
        try {
            return build.get();
        } catch (DesiredStateException e) {
            throw tree.problem(resolve(node, e.path()).at(), e.problem());
        }
    }

    /** Follows a path such as {@code roles[2].name} from {@code node}, as far as the tree goes. */
    private static Node resolve(Node node, String path) {
        Node at = node;
        for (String step : path.split("\\.")) {
            Matcher m = PATH_STEP.matcher(step);
            if (!m.matches() || !(at instanceof MapNode map) || !map.entries().containsKey(m.group(1))) {
                return at;
            }
            at = map.entries().get(m.group(1)).value();
            if (m.group(2) != null) {
                int index = Integer.parseInt(m.group(2));
                if (!(at instanceof ListNode list) || index >= list.items().size()) {
                    return at;
                }
                at = list.items().get(index);
            }
        }
        return at;
    }

    private MapNode map(Node node, String what) {
        if (node instanceof MapNode map) {
            return map;
        }
        throw tree.problem(node.at(), "expected " + what + " as a map, found " + node.kind());
    }

    private List<Node> list(Node node, String what) {
        if (node instanceof ListNode list) {
            return list.items();
        }
        throw tree.problem(node.at(), "expected a list of " + what + ", found " + node.kind());
    }

    private void keys(MapNode map, Set<String> allowed, String what) {
        map.entries().forEach((key, entry) -> {
            if (!allowed.contains(key)) {
                throw tree.problem(entry.keyAt(), "unknown key \"" + key + "\" in " + what + " (expected "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        });
    }

    private <T> T required(MapNode map, String key, String what, Function<String, T> parse) {
        MapNode.Entry entry = map.entries().get(key);
        if (entry == null) {
            throw tree.problem(map.at(), what + " needs a \"" + key + "\"");
        }
        return value(entry.value(), key, parse);
    }

    /** A scalar's text through a domain constructor; its rule broken is reported at the scalar. */
    private <T> T value(Node node, String what, Function<String, T> parse) {
        if (!(node instanceof ScalarNode scalar) || scalar.text() == null) {
            throw tree.problem(node.at(), "expected a " + what + ", found " + node.kind());
        }
        return rule(node, () -> parse.apply(scalar.text()));
    }

    /** Builds a domain value for {@code node}; an invariant it breaks is reported at the node. */
    private <T> T rule(Node node, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvariantViolation e) {
            throw tree.problem(node.at(), e.getMessage());
        }
    }

    /** A whole number as written; a sign, a fraction or anything else is refused at the value. */
    private long number(Node node, String text) {
        String digits = text.strip();
        if (!digits.matches("-?[0-9]{1,18}")) {
            throw tree.problem(node.at(), "expected a whole number, found \"" + text + "\"");
        }
        return Long.parseLong(digits);
    }
}
