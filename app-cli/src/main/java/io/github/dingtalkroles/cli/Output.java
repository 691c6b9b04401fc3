package io.github.dingtalkroles.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroup;
import io.github.dingtalkroles.domain.RoleId;
import io.github.dingtalkroles.domain.RoleName;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
            List<String> header = List.of("GROUP ID", "GROUP", "ROLE ID", "ROLE");
            List<String[]> rows = new ArrayList<>();
            boolean any = false;
            for (RoleGroup group : (Iterable<RoleGroup>) groups::iterator) {
                addRows(rows, group);
                if (rows.size() >= ROWS_PER_BLOCK) {
                    print(any ? null : header, rows);
                    rows.clear();
                    any = true;
                }
            }
            if (!rows.isEmpty() || !any) {
                print(any ? null : header, rows);
            }
            if (hasMore) {
                out.println("(more role groups follow: use --offset, or --all)");
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
