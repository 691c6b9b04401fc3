package io.github.dingtalkroles.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.dingtalkroles.domain.Department;
import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.domain.Employee;
import io.github.dingtalkroles.domain.ManagementScope;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleMember;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.domain.UserId;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Renders results on stdout: one JSON document (for scripts) or aligned tables (for people). The
 * JSON shapes are the command-line contract.
 */
abstract class Output {
    /** The output formats of {@code --output}, written in lower case on the command line. */
    enum Format {
        TABLE, JSON;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static Output of(Format format, PrintWriter out) {
        return format == Format.JSON ? new Json(out) : new Table(out);
    }

    /** {@code {"id":G,"name":"...","roles":[{"id":R,"name":"..."}]}} */
    abstract void group(RoleGroup group);

    /** {@code {"id":R,"name":"...","groupId":G}} */
    abstract void role(Role role);

    /** {@code {"id":R,"name":"..."}} */
    abstract void renamed(RoleId id, RoleName name);

    /** {@code {"groups":[...],"hasMore":B}}, written as the groups stream in. */
    abstract void groups(Stream<RoleGroup> groups, boolean hasMore);

    /** {@code {"id":R,"deleted":true}} */
    abstract void deleted(RoleId id);

    /**
     * {@code {"members":[{"userId":"U","name":"N","scopes":[{"deptId":D,"name":"N"}]}],"hasMore":B}},
     * written as the members stream in.
     */
    abstract void members(Stream<RoleMember> members, boolean hasMore);

    /** {@code {"roleIds":[R,...],"userIds":["U",...]}}: what a grant or revoke applied. */
    abstract void assignments(List<RoleId> roleIds, List<UserId> userIds);

    /** {@code {"roleId":R,"userId":"U","deptIds":[D,...]}} */
    abstract void scope(RoleId roleId, UserId userId, ManagementScope scope);

    /** {@code {"deptId":D,"name":"N"}} */
    abstract void department(Department department);

    /** {@code {"userId":"U","name":"N","deptIds":[D,...]}} */
    abstract void employee(Employee employee);

    private static final class Json extends Output {
        private static final JsonFactory FACTORY = new JsonFactory();
        private final PrintWriter out;

        Json(PrintWriter out) {
            this.out = out;
        }

        @Override
        void group(RoleGroup group) {
            write(json -> writeGroup(json, group));
        }

        @Override
        void role(Role role) {
            write(json -> {
                json.writeStartObject();
                json.writeNumberField("id", role.id().value());
                json.writeStringField("name", role.name().value());
                json.writeNumberField("groupId", role.groupId().value());
                json.writeEndObject();
            });
        }

        @Override
        void renamed(RoleId id, RoleName name) {
            write(json -> {
                json.writeStartObject();
                json.writeNumberField("id", id.value());
                json.writeStringField("name", name.value());
                json.writeEndObject();
            });
        }

        @Override
        void groups(Stream<RoleGroup> groups, boolean hasMore) {
            write(json -> {
                json.writeStartObject();
                json.writeArrayFieldStart("groups");
                for (RoleGroup group : (Iterable<RoleGroup>) groups::iterator) {
                    writeGroup(json, group);
                }
                json.writeEndArray();
                json.writeBooleanField("hasMore", hasMore);
                json.writeEndObject();
            });
        }

        @Override
        void deleted(RoleId id) {
            write(json -> {
                json.writeStartObject();
                json.writeNumberField("id", id.value());
                json.writeBooleanField("deleted", true);
                json.writeEndObject();
            });
        }

        @Override
        void members(Stream<RoleMember> members, boolean hasMore) {
            write(json -> {
                json.writeStartObject();
                json.writeArrayFieldStart("members");
                for (RoleMember member : (Iterable<RoleMember>) members::iterator) {
                    json.writeStartObject();
                    json.writeStringField("userId", member.userId().value());
                    json.writeStringField("name", member.name());
                    json.writeArrayFieldStart("scopes");
                    for (Department department : member.scope()) {
                        json.writeStartObject();
                        json.writeNumberField("deptId", department.id().value());
                        json.writeStringField("name", department.name());
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeBooleanField("hasMore", hasMore);
                json.writeEndObject();
            });
        }

        @Override
        void assignments(List<RoleId> roleIds, List<UserId> userIds) {
            write(json -> {
                json.writeStartObject();
                json.writeArrayFieldStart("roleIds");
                for (RoleId id : roleIds) {
                    json.writeNumber(id.value());
                }
                json.writeEndArray();
                json.writeArrayFieldStart("userIds");
                for (UserId id : userIds) {
                    json.writeString(id.value());
                }
                json.writeEndArray();
                json.writeEndObject();
            });
        }

        @Override
        void scope(RoleId roleId, UserId userId, ManagementScope scope) {
            write(json -> {
                json.writeStartObject();
                json.writeNumberField("roleId", roleId.value());
                json.writeStringField("userId", userId.value());
                writeDeptIds(json, scope.departments());
                json.writeEndObject();
            });
        }

        @Override
        void department(Department department) {
            write(json -> {
                json.writeStartObject();
                json.writeNumberField("deptId", department.id().value());
                json.writeStringField("name", department.name());
                json.writeEndObject();
            });
        }

        @Override
        void employee(Employee employee) {
            write(json -> {
                json.writeStartObject();
                json.writeStringField("userId", employee.id().value());
                json.writeStringField("name", employee.name());
                writeDeptIds(json, employee.departments());
                json.writeEndObject();
            });
        }

        private static void writeDeptIds(JsonGenerator json, List<DeptId> ids) throws IOException {
            json.writeArrayFieldStart("deptIds");
            for (DeptId id : ids) {
                json.writeNumber(id.value());
            }
            json.writeEndArray();
        }

        private static void writeGroup(JsonGenerator json, RoleGroup group) throws IOException {
            json.writeStartObject();
            json.writeNumberField("id", group.id().value());
            json.writeStringField("name", group.name().value());
            json.writeArrayFieldStart("roles");
            for (Role role : group.roles()) {
                json.writeStartObject();
                json.writeNumberField("id", role.id().value());
                json.writeStringField("name", role.name().value());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }

        private interface Body {
            void write(JsonGenerator json) throws IOException;
        }

        private void write(Body body) {
            try {
                JsonGenerator json = FACTORY.createGenerator(out);
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                body.write(json);
                json.flush();
                out.println();
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Table extends Output {
        private static final int ROWS_PER_BLOCK = 200;
        private static final String WHOLE_ORGANISATION = "(whole organisation)";
        private final PrintWriter out;

        Table(PrintWriter out) {
            this.out = out;
        }

        @Override
        void group(RoleGroup group) {
            List<String[]> rows = new ArrayList<>();
            addRows(rows, group);
            print(List.of("GROUP ID", "GROUP", "ROLE ID", "ROLE"), rows);
        }

        @Override
        void role(Role role) {
            print(List.of("ROLE ID", "ROLE", "GROUP ID"), List.<String[]>of(new String[] {
                    role.id().toString(), role.name().value(), role.groupId().toString()}));
        }

        @Override
        void renamed(RoleId id, RoleName name) {
            print(List.of("ROLE ID", "ROLE"), List.<String[]>of(new String[] {id.toString(), name.value()}));
        }

        @Override
        void groups(Stream<RoleGroup> groups, boolean hasMore) {
            stream(List.of("GROUP ID", "GROUP", "ROLE ID", "ROLE"), groups, Table::addRows,
                    hasMore ? "(more role groups follow: use --offset, or --all)" : null);
        }

        @Override
        void deleted(RoleId id) {
            print(List.of("ROLE ID", "DELETED"), List.<String[]>of(new String[] {id.toString(), "yes"}));
        }

        /** One row per member; the scope as its departments' names and ids, or the whole organisation. */
        @Override
        void members(Stream<RoleMember> members, boolean hasMore) {
            stream(List.of("USER ID", "NAME", "SCOPE"), members, (rows, member) -> rows.add(new String[] {
                    member.userId().value(), member.name(), member.scope().isEmpty() ? WHOLE_ORGANISATION
                            : member.scope().stream().map(d -> d.name() + " (" + d.id() + ")")
                                    .collect(Collectors.joining(", "))}),
                    hasMore ? "(more members follow: use --offset, or --all)" : null);
        }

        /** One row per (role, user) pair. */
        @Override
        void assignments(List<RoleId> roleIds, List<UserId> userIds) {
            stream(List.of("ROLE ID", "USER ID"), roleIds.stream(), (rows, role) -> userIds.forEach(
                    user -> rows.add(new String[] {role.toString(), user.value()})), null);
        }

        @Override
        void scope(RoleId roleId, UserId userId, ManagementScope scope) {
            print(List.of("ROLE ID", "USER ID", "SCOPE"), List.<String[]>of(new String[] {roleId.toString(),
                    userId.value(), scope.isWholeOrganisation() ? WHOLE_ORGANISATION : ids(scope.departments())}));
        }

        @Override
        void department(Department department) {
            print(List.of("DEPT ID", "DEPARTMENT"), List.<String[]>of(new String[] {
                    department.id().toString(), department.name()}));
        }

        @Override
        void employee(Employee employee) {
            print(List.of("USER ID", "NAME", "DEPT IDS"), List.<String[]>of(new String[] {employee.id().value(),
                    employee.name(), employee.departments().isEmpty() ? "-" : ids(employee.departments())}));
        }

        private static String ids(List<DeptId> ids) {
            return ids.stream().map(DeptId::toString).collect(Collectors.joining(", "));
        }

        /**
         * Prints the rows of {@code items} as they stream in, in blocks of about {@value #ROWS_PER_BLOCK}
         * rows (each block aligned on its own, so memory holds one block), the header once, then
         * {@code more} if it is not null.
         */
        private <T> void stream(List<String> header, Stream<T> items, BiConsumer<List<String[]>, T> addRows,
                String more) {
            List<String[]> rows = new ArrayList<>();
            boolean any = false;
            for (T item : (Iterable<T>) items::iterator) {
                addRows.accept(rows, item);
                if (rows.size() >= ROWS_PER_BLOCK) {
                    print(any ? null : header, rows);
                    rows.clear();
                    any = true;
                }
            }
            if (!rows.isEmpty() || !any) {
                print(any ? null : header, rows);
            }
            if (more != null) {
                out.println(more);
            }
            out.flush();
        }

        private static void addRows(List<String[]> rows, RoleGroup group) {
            if (group.roles().isEmpty()) {
                rows.add(new String[] {group.id().toString(), group.name().value(), "-", "-"});
            }
            for (Role role : group.roles()) {
                rows.add(new String[] {group.id().toString(), group.name().value(),
                        role.id().toString(), role.name().value()});
            }
        }

        /** Prints rows under a header (or none), columns padded to their widest cell. */
        private void print(List<String> header, List<String[]> rows) {
            int columns = header != null ? header.size() : rows.isEmpty() ? 0 : rows.get(0).length;
            int[] widths = new int[columns];
            for (int c = 0; c < columns; c++) {
                widths[c] = header != null ? width(header.get(c)) : 0;
                for (String[] row : rows) {
                    widths[c] = Math.max(widths[c], width(row[c]));
                }
            }
            if (header != null) {
                line(header.toArray(String[]::new), widths);
            }
            rows.forEach(row -> line(row, widths));
            out.flush();
        }

        private void line(String[] cells, int[] widths) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < cells.length; c++) {
                sb.append(cells[c]);
                if (c < cells.length - 1) {
                    sb.append(" ".repeat(widths[c] - width(cells[c]) + 2));
                }
            }
            out.println(sb);
        }

        /** Display width: East Asian wide characters take two columns. */
        static int width(String s) {
            return s.codePoints().map(cp -> isWide(cp) ? 2 : 1).sum();
        }

        private static boolean isWide(int cp) {
            return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF)
                    || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF)
                    || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                    || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF)
                    || (cp >= 0x20000 && cp <= 0x3FFFD);
        }
    }
}
