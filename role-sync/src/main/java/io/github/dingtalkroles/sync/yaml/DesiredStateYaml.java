package io.github.dingtalkroles.sync.yaml;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.github.dingtalkroles.domain.DeptId;
import io.github.dingtalkroles.sync.DesiredGroup;
import io.github.dingtalkroles.sync.DesiredMember;
import io.github.dingtalkroles.sync.DesiredRole;
import io.github.dingtalkroles.sync.DesiredState;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The desired-state file format: YAML, read and written with Jackson's YAML module.
 *
 * <pre>{@code
 * groups:
 *   - name: HR
 *     roles:
 *       - name: Recruiter
 *         members: [user100, user101]
 *       - name: Payroll Admin
 *         id: 1507113605          # optional: pins an existing role; a new name renames it
 *         members:                # optional: omitted = membership not managed; [] = no members
 *           - user: user200
 *             scope: [12, 34]     # departments it manages; omitted = whole organisation
 * }</pre>
 *
 * <p>Keys are exactly those above; an unknown key, a repeated key, a missing name, a value that breaks a
 * naming or id rule, or a role listed twice is a {@link DesiredStateFileException} naming the file, line
 * and column. Values are read as written ({@code 007} is the user id "007", not the number 7). Aliases
 * and more than one document are refused; a document of more than 32 Mi characters is refused unread.
 *
 * <p>{@link #write} writes a state in the same format (roles with their ids, members that manage the
 * whole organisation as plain user ids), which {@link #read} reads back to an equal state.
 *
 * <p>Stateless and thread-safe.
 */
public final class DesiredStateYaml {
    private static final YAMLFactory WRITER = YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build();

    private DesiredStateYaml() {
    }

    /**
     * Reads a desired-state file (UTF-8).
     *
     * @param file the file
     * @return the desired state it describes
     * @throws DesiredStateFileException if the file is not a well-formed desired state: file, line, column
     *     and problem
     * @throws UncheckedIOException if the file cannot be read
     */
    public static DesiredState read(Path file) {
        Objects.requireNonNull(file, "file");
        try (Reader text = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(text, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a desired state from YAML text. The reader is not closed.
     *
     * @param text the YAML text
     * @param source the name to report problems under, e.g. the file's name
     * @return the desired state it describes
     * @throws DesiredStateFileException if the text is not a well-formed desired state
     * @throws UncheckedIOException if reading fails
     */
    public static DesiredState read(Reader text, String source) {
        Objects.requireNonNull(text, "text");
        TreeReader tree = new TreeReader(Objects.requireNonNull(source, "source"));
        return new StateReader(tree).state(tree.read(text));
    }

    /**
     * Writes a desired state as YAML. The writer is flushed, not closed.
     *
     * @param state the state
     * @param out where to write it
     * @throws UncheckedIOException if writing fails
     */
    public static void write(DesiredState state, Writer out) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(out, "out");
        try (JsonGenerator yaml = WRITER.createGenerator(out)) {
            yaml.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            yaml.writeStartObject();
            yaml.writeArrayFieldStart("groups");
            for (DesiredGroup group : state.groups()) {
                yaml.writeStartObject();
                yaml.writeStringField("name", group.name().value());
                yaml.writeArrayFieldStart("roles");
                for (DesiredRole role : group.roles()) {
                    writeRole(yaml, role);
                }
                yaml.writeEndArray();
                yaml.writeEndObject();
            }
            yaml.writeEndArray();
            yaml.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRole(JsonGenerator yaml, DesiredRole role) throws IOException {
        yaml.writeStartObject();
        yaml.writeStringField("name", role.name().value());
        if (role.id().isPresent()) {
            yaml.writeNumberField("id", role.id().get().value());
        }
        if (role.members().isPresent()) {
            yaml.writeArrayFieldStart("members");
            for (DesiredMember member : role.members().get()) {
                if (member.scope().isWholeOrganisation()) {
                    yaml.writeString(member.user().value());
                } else {
                    yaml.writeStartObject();
                    yaml.writeStringField("user", member.user().value());
                    List<DeptId> departments = member.scope().departments();
                    yaml.writeArrayFieldStart("scope");
                    for (DeptId dept : departments) {
                        yaml.writeNumber(dept.value());
                    }
                    yaml.writeEndArray();
                    yaml.writeEndObject();
                }
            }
            yaml.writeEndArray();
        }
        yaml.writeEndObject();
    }
}
