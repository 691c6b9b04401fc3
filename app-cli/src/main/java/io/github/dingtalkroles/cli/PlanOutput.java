package io.github.dingtalkroles.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.sync.ApplyResult;
import io.github.dingtalkroles.sync.Change;
import io.github.dingtalkroles.sync.Plan;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders a plan ({@code roles plan}) or what was applied ({@code roles apply}): one JSON document,
 * {@code {"changes":[{"action":"...",...}],"summary":{...}}}, or one line per change with a {@code +}
 * (adds), {@code ~} (changes) or {@code -} (removes) mark and a summary line. The JSON shapes are the
 * command-line contract.
 */
abstract class PlanOutput {
    /** Ids learned while applying: of the groups and roles the apply created. */
    interface Ids {
        Ids NONE = new Ids() {
        };

        default Optional<RoleGroupId> group(Change change) {
            return Optional.empty();
        }

        default Optional<RoleId> role(Change change) {
            return Optional.empty();
        }
    }

    static PlanOutput of(Output.Format format, PrintWriter out) {
        return format == Output.Format.JSON ? new Json(out) : new Table(out);
    }

    /** A plan: nothing has been changed. */
    abstract void plan(Plan plan, String file);

    /** What an apply did: {@code changes} were applied (all of the plan, or those before a failure). */
    abstract void applied(List<Change> changes, Ids ids);

    /** The ids of an apply's result: those it created, and those the changes already knew. */
    static Ids ids(ApplyResult result) {
        return new Ids() {
            @Override
            public Optional<RoleGroupId> group(Change change) {
                if (change instanceof Change.CreateGroup c) {
                    return result.createdGroupId(c.group());
                }
                return change instanceof Change.AddRole a ? a.groupId().or(() -> result.createdGroupId(a.group()))
                        : Optional.empty();
            }

            @Override
            public Optional<RoleId> role(Change change) {
                if (change instanceof Change.AddRole a) {
                    return result.addedRoleId(a.group(), a.role());
                }
                if (change instanceof Change.Grant g) {
                    return g.roleId().or(() -> result.addedRoleId(g.group(), g.role()));
                }
                if (change instanceof Change.SetScope s) {
                    return s.roleId().or(() -> result.addedRoleId(s.group(), s.role()));
                }
                return Optional.empty();
            }
        };
    }

    /** How many changes of each kind, every kind listed, in the order they apply. */
    static Map<Change.Action, Integer> counts(List<Change> changes) {
        Map<Change.Action, Integer> counts = new EnumMap<>(Change.Action.class);
        for (Change.Action action : Change.Action.values()) {
            counts.put(action, (int) changes.stream().filter(c -> c.action() == action).count());
        }
        return counts;
    }

    private static final class Json extends PlanOutput {
        private static final JsonFactory FACTORY = new JsonFactory();
        private final PrintWriter out;

        Json(PrintWriter out) {
            this.out = out;
        }

        @Override
        void plan(Plan plan, String file) {
            write(plan.changes(), Ids.NONE, json -> json.writeBooleanField("applyNeedsForce",
                    plan.exceedsPruneLimit()));
        }

        @Override
        void applied(List<Change> changes, Ids ids) {
            write(changes, ids, json -> { });
        }

        private interface Extra {
            void write(JsonGenerator json) throws IOException;
        }

        private void write(List<Change> changes, Ids ids, Extra extra) {
            try {
                JsonGenerator json = FACTORY.createGenerator(out);
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                json.writeStartObject();
                json.writeArrayFieldStart("changes");
                for (Change change : changes) {
                    change(json, change, ids);
                }
                json.writeEndArray();
                json.writeObjectFieldStart("summary");
                for (Map.Entry<Change.Action, Integer> count : counts(changes).entrySet()) {
                    json.writeNumberField(camelCase(count.getKey()), count.getValue());
                }
                json.writeNumberField("total", changes.size());
                extra.write(json);
                json.writeEndObject();
                json.writeEndObject();
                json.flush();
                out.println();
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void change(JsonGenerator json, Change change, Ids ids) throws IOException {
            json.writeStartObject();
            json.writeStringField("action", change.action().label());
            json.writeStringField("group", change.group().value());
            Optional<RoleGroupId> groupId = ids.group(change);
            if (groupId.isPresent()) {
                json.writeNumberField("groupId", groupId.get().value());
            }
            if (change instanceof Change.RenameRole r) {
                json.writeStringField("role", r.to().value());
                json.writeNumberField("roleId", r.roleId().value());
                json.writeStringField("from", r.from().value());
            } else if (change instanceof Change.AddRole a) {
                json.writeStringField("role", a.role().value());
                roleId(json, ids.role(change));
            } else if (change instanceof Change.Grant g) {
                json.writeStringField("role", g.role().value());
                roleId(json, g.roleId().or(() -> ids.role(change)));
                json.writeStringField("userId", g.user().value());
            } else if (change instanceof Change.SetScope s) {
                json.writeStringField("role", s.role().value());
                roleId(json, s.roleId().or(() -> ids.role(change)));
                json.writeStringField("userId", s.user().value());
                departments(json, "deptIds", s.to());
                departments(json, "fromDeptIds", s.from());
            } else if (change instanceof Change.Revoke r) {
                json.writeStringField("role", r.role().value());
                json.writeNumberField("roleId", r.roleId().value());
                json.writeStringField("userId", r.user().value());
            } else if (change instanceof Change.DeleteRole d) {
                json.writeStringField("role", d.role().value());
                json.writeNumberField("roleId", d.roleId().value());
            }
            json.writeEndObject();
        }

        private static void roleId(JsonGenerator json, Optional<RoleId> id) throws IOException {
            if (id.isPresent()) {
                json.writeNumberField("roleId", id.get().value());
            }
        }

        private static void departments(JsonGenerator json, String field, ManagementScope scope) throws IOException {
            json.writeArrayFieldStart(field);
            for (DeptId dept : scope.departments()) {
                json.writeNumber(dept.value());
            }
            json.writeEndArray();
        }

        /** {@code SET_SCOPE} to {@code setScope}. */
        private static String camelCase(Change.Action action) {
            String[] words = action.name().toLowerCase(Locale.ROOT).split("_");
            StringBuilder name = new StringBuilder(words[0]);
            for (int i = 1; i < words.length; i++) {
                name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
            }
            return name.toString();
        }
    }

    private static final class Table extends PlanOutput {
        private final PrintWriter out;

        Table(PrintWriter out) {
            this.out = out;
        }

        @Override
        void plan(Plan plan, String file) {
            if (plan.isEmpty()) {
                out.println("No changes: the roles are as " + file + " describes.");
            } else {
                plan.changes().forEach(change -> out.println(line(change, Ids.NONE)));
                out.println("Plan: " + total(plan.changes().size()) + " (" + summary(plan.changes(), false) + ").");
            }
            if (plan.exceedsPruneLimit()) {
                out.println("Apply will refuse this plan: it removes " + plan.removals() + " (role, user) pairs and"
                        + " roles, more than the prune limit of " + plan.pruneLimit() + " (--force applies it).");
            }
            out.flush();
        }

        @Override
        void applied(List<Change> changes, Ids ids) {
            if (changes.isEmpty()) {
                out.println("No changes applied.");
            } else {
                changes.forEach(change -> out.println(line(change, ids)));
                out.println("Applied " + total(changes.size()) + " (" + summary(changes, true) + ").");
            }
            out.flush();
        }

        private static String total(int changes) {
            return changes + (changes == 1 ? " change" : " changes");
        }

        private static String line(Change change, Ids ids) {
            String action = change.action().label().replace('-', ' ');
            return mark(change.action()) + " " + action + " ".repeat(14 - action.length()) + target(change, ids);
        }

        /** What the change is about: "HR / Recruiter: user100", with the ids a person may need next. */
        private static String target(Change change, Ids ids) {
            String group = change.group().value();
            if (change instanceof Change.RenameRole r) {
                return group + " / " + r.from() + " -> " + r.to() + " (role " + r.roleId() + ")";
            } else if (change instanceof Change.AddRole a) {
                return group + " / " + a.role() + ids.role(change).map(id -> " (id " + id + ")").orElse("");
            } else if (change instanceof Change.Grant g) {
                return group + " / " + g.role() + ": " + g.user();
            } else if (change instanceof Change.SetScope s) {
                return group + " / " + s.role() + ": " + s.user() + " manages " + scope(s.to()) + " (was "
                        + scope(s.from()) + ")";
            } else if (change instanceof Change.Revoke r) {
                return group + " / " + r.role() + ": " + r.user();
            } else if (change instanceof Change.DeleteRole d) {
                return group + " / " + d.role() + " (role " + d.roleId() + ")";
            }
            return group + ids.group(change).map(id -> " (id " + id + ")").orElse("");
        }

        private static char mark(Change.Action action) {
            return switch (action) {
                case CREATE_GROUP, ADD_ROLE, GRANT -> '+';
                case RENAME_ROLE, SET_SCOPE -> '~';
                case REVOKE, DELETE_ROLE -> '-';
            };
        }

        private static String scope(ManagementScope scope) {
            return scope.isWholeOrganisation() ? "the whole organisation"
                    : (scope.departments().size() == 1 ? "department " : "departments ")
                            + scope.departments().stream().map(DeptId::toString).collect(Collectors.joining(", "));
        }

        /** "1 group to create, 3 grants" (or, applied, "1 group created, 3 grants"): the kinds present only. */
        private static String summary(List<Change> changes, boolean applied) {
            List<String> parts = new ArrayList<>();
            counts(changes).forEach((action, count) -> {
                if (count > 0) {
                    parts.add(count + " " + words(action, count, applied));
                }
            });
            return String.join(", ", parts);
        }

        private static String words(Change.Action action, int count, boolean applied) {
            String s = count == 1 ? "" : "s";
            return switch (action) {
                case CREATE_GROUP -> "group" + s + (applied ? " created" : " to create");
                case RENAME_ROLE -> "role" + s + (applied ? " renamed" : " to rename");
                case ADD_ROLE -> "role" + s + (applied ? " added" : " to add");
                case GRANT -> "grant" + s;
                case SET_SCOPE -> "scope" + s + (applied ? " set" : " to set");
                case REVOKE -> "revoke" + s;
                case DELETE_ROLE -> "role" + s + (applied ? " deleted" : " to delete");
            };
        }
    }
}
