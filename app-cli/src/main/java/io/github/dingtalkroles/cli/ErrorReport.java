package io.github.dingtalkroles.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.dingtalkroles.port.RoleDirectoryException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes a failure on stderr: {@code error: MESSAGE} for people, or with {@code --output json} one JSON
 * object for scripts, {@code {"error":{"exitCode":N,"message":"...","errcode":N,"requestId":"..."}}},
 * {@code errcode} and {@code requestId} only when the backend gave them.
 */
final class ErrorReport {
    private static final JsonFactory JSON = new JsonFactory();

    private final RolesCommand root;
    private final EnvironmentDefaults defaults;

    ErrorReport(RolesCommand root, EnvironmentDefaults defaults) {
        this.root = root;
        this.defaults = defaults;
    }

    /**
     * @param args the command line, to find {@code --output} when the failure came before it was parsed
     * @param hint what a person may do next, shown in text only
     * @param failure the backend's failure, for its diagnostics; or null
     */
    void print(PrintWriter err, String[] args, int exitCode, String message, String hint,
            RoleDirectoryException failure) {
        if (json(args)) {
            err.println(json(exitCode, message, failure));
        } else {
            err.println("error: " + message + hint);
        }
        err.flush();
    }

    /** Whether the output format is json: as parsed, else as the arguments or the environment say. */
    private boolean json(String[] args) {
        if (root.output != null) {
            return root.output == Output.Format.JSON;
        }
        String format = defaults.get("ROLES_OUTPUT");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--output") && i + 1 < args.length) {
                format = args[i + 1];
            } else if (args[i].startsWith("--output=")) {
                format = args[i].substring("--output=".length());
            }
        }
        return "json".equalsIgnoreCase(format);
    }

    private static String json(int exitCode, String message, RoleDirectoryException failure) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeObjectFieldStart("error");
            json.writeNumberField("exitCode", exitCode);
            json.writeStringField("message", message);
            if (failure != null) {
                failure.backendCode().ifPresent(code -> writeCode(json, code));
                failure.requestId().ifPresent(id -> writeString(json, "requestId", id));
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to a StringWriter does no I/O
        }
        return text.toString();
    }

    /** DingTalk's errcode is a number; written as one when it reads as one. */
    private static void writeCode(JsonGenerator json, String code) {
        try {
            if (code.matches("-?[0-9]{1,18}")) {
                json.writeNumberField("errcode", Long.parseLong(code));
            } else {
                json.writeStringField("errcode", code);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeString(JsonGenerator json, String field, String value) {
        try {
            json.writeStringField(field, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
