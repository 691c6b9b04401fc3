package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.port.RoleDirectoryException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * Entry point of the {@code roles} command line. Errors are one line on stderr,
 * {@code error: ...}, and an exit code from {@link ExitCode}; {@code --verbose} adds the stack trace.
 */
public final class RolesCli {
    private RolesCli() {
    }

    /** Runs {@code roles} with the process's environment and streams, and exits with its code. */
    public static void main(String[] args) {
        skipUnusedPicocliFeatures();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = run(args, System.getenv(), out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs {@code roles} in-process: what tests and {@link #main} call. Returns the exit code. */
    static int run(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
        return commandLine(environment, out, err).execute(args);
    }

    static CommandLine commandLine(Map<String, String> environment, PrintWriter out, PrintWriter err) {
        RolesCommand root = new RolesCommand();
        CommandLine cli = root.commandLine();
        cli.setOut(out);
        cli.setErr(err);
        cli.setDefaultValueProvider(new EnvironmentDefaults(environment));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(usageError());
        cli.setExecutionExceptionHandler(failure(root));
        cli.setExecutionStrategy(parseResult -> {
            Logging.configure(root.verbose);
            return new CommandLine.RunLast().execute(parseResult);
        });
        return cli;
    }

    /**
     * Sets picocli's documented start-up switches for this process, unless they are set already (only
     * {@link #main} does, so that {@link #run} leaves the JVM's system properties alone): no lookup of Groovy
     * closures, and no converters for java.time and java.sql types, which picocli registers through
     * reflection (Class.forName for each) and no option of {@code roles} uses. Together about a sixth
     * of the time it took to build the command line.
     */
    private static void skipUnusedPicocliFeatures() {
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", "java\\.time\\..*,java\\.sql\\..*");
        }
    }

    private static IParameterExceptionHandler usageError() {
        return (ParameterException e, String[] args) -> {
            CommandLine command = e.getCommandLine();
            command.getErr().println("error: " + oneLine(e.getMessage())
                    + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
            command.getErr().flush();
            return ExitCode.USAGE;
        };
    }

    private static IExecutionExceptionHandler failure(RolesCommand root) {
        return (Exception e, CommandLine command, CommandLine.ParseResult parseResult) -> {
            PrintWriter err = command.getErr();
            err.println("error: " + oneLine(describe(e)));
            if (root.verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCode.of(e);
        };
    }

    /** The failure's message; for failures nobody anticipated, its type too. */
    private static String describe(Throwable e) {
        boolean anticipated = e instanceof RoleDirectoryException || e instanceof IllegalArgumentException
                || e instanceof MissingCredentialsException;
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (anticipated && !message.isBlank()) {
            return message;
        }
        return "unexpected " + e.getClass().getSimpleName() + (message.isBlank() ? "" : ": " + message);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
