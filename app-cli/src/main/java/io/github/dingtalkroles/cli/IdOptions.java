package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.UserId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * The ids of {@code --role-id}, {@code --user-id} and {@code --dept-id} as domain values. The options
 * take ids repeated or comma-separated ({@code split = ","}); picocli refuses what is not a number, and
 * the domain's constructors what breaks an id rule (exit 2, the rule named). Repeated ids count once;
 * the order given is kept.
 */
final class IdOptions {
    /** What every id option says about its values, for its help. */
    static final String REPEATABLE = "Repeat it, or separate ids with commas.";

    private IdOptions() {
    }

    /** The ids of a required {@code --role-id}; at least one (a lone {@code ","} names none). */
    static List<RoleId> roles(List<Long> values) {
        return atLeastOne(distinct(values, RoleId::of), "--role-id");
    }

    /** The ids of a required {@code --user-id}; at least one. */
    static List<UserId> users(List<String> values) {
        return atLeastOne(distinct(values, UserId::of), "--user-id");
    }

    /** @param values the ids given, or null when the option was not given (none) */
    static List<DeptId> departments(List<Long> values) {
        return distinct(values, DeptId::of);
    }

    private static <T> List<T> atLeastOne(List<T> ids, String option) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException(option + " names no id; give at least one");
        }
        return ids;
    }

    private static <V, T> List<T> distinct(List<V> values, Function<V, T> id) {
        if (values == null) {
            return List.of();
        }
        LinkedHashSet<T> ids = new LinkedHashSet<>();
        values.forEach(value -> ids.add(id.apply(value)));
        return List.copyOf(ids);
    }
}
