package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.localfile.StoreFileException;
import io.github.dingtalkroles.port.RoleDirectoryException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Entry point of the {@code roles} command line. Errors are one line on stderr, {@code error: ...}
 * (with {@code --output json}, one JSON object: {@link ErrorReport}), and an exit code from
 * {@link ExitCode}; {@code --verbose} adds the stack trace.
 */
public final class RolesCli {
    private RolesCli() {
    }

    /**
     * Runs {@code roles} with the process's environment and streams, and exits with its code.
     *
     * @param args the command line, as picocli parses it for {@code roles}
     */
    public static void main(String[] args) {
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
        EnvironmentDefaults defaults = new EnvironmentDefaults(environment);
        RolesCommand root = new RolesCommand(defaults);
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setDefaultValueProvider(defaults);
        lowerCaseWords(cli, RolesCommand.Backend.class);
        lowerCaseWords(cli, Output.Format.class);
        ErrorReport errors = new ErrorReport(root, defaults);
        cli.setParameterExceptionHandler(usageError(errors));
        cli.setExecutionExceptionHandler(failure(root, errors));
        cli.setExecutionStrategy(parseResult -> {
            Logging.configure(root.verbose);
            return new CommandLine.RunLast().execute(parseResult);
        });
        cli.getSubcommands().values().forEach(RolesCli::globalOptionsOnlyInTheRootHelp);
        return cli;
    }

    /**
     * An enum option takes its constants' names as lower-case words ({@code local}, {@code json}), in
     * any case; its error lists them the same way.
     */
    private static <E extends Enum<E>> void lowerCaseWords(CommandLine cli, Class<E> type) {
        cli.registerConverter(type, value -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(value.strip())) {
                    return constant;
                }
            }
            throw new TypeConversionException("expected one of " + Arrays.toString(type.getEnumConstants())
                    + " but was '" + value + "'");
        });
    }

    /**
     * Keeps the global options out of a subcommand's usage help (they still parse there), so that its
     * help shows its own options; a footer points to {@code roles --help}, which lists them once.
     */
    private static void globalOptionsOnlyInTheRootHelp(CommandLine subcommand) {
        CommandSpec spec = subcommand.getCommandSpec();
        for (OptionSpec option : List.copyOf(spec.options())) {
            if (option.inherited()) {
                spec.remove(option);
                spec.addOption(option.toBuilder().hidden(true).build());
            }
        }
        spec.usageMessage().footerHeading("%n").footer(
                "Global options (--backend, --store, --output, --verbose, ...) may come before or after "
                        + "the command: see 'roles --help'.");
    }

    private static IParameterExceptionHandler usageError(ErrorReport errors) {
        return (ParameterException e, String[] args) -> {
            CommandLine command = e.getCommandLine();
            String hint = " (see '" + command.getCommandSpec().qualifiedName() + " --help')";
            String message = withoutValues(oneLine(e.getMessage()), args, command.getCommandSpec().root());
            errors.print(command.getErr(), args, ExitCode.USAGE, message, hint, null);
            return ExitCode.USAGE;
        };
    }

    /**
     * picocli's message with every value from the command line replaced by {@code ...}: a mistyped
     * {@code --app-secrt=VALUE}, or a secret given to the wrong option, must not reach the terminal or a
     * log. What stays: option and command names ({@code --app-secrt}, {@code list}). picocli quotes each
     * argument it names ({@code 'abc'}), so only quoted arguments are replaced.
     */
    static String withoutValues(String message, String[] args, CommandSpec root) {
        Set<String> names = new HashSet<>(root.optionsMap().keySet());
        for (CommandLine subcommand : root.subcommands().values()) {
            names.add(subcommand.getCommandName());
            names.addAll(subcommand.getCommandSpec().optionsMap().keySet());
        }
        String result = message;
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String shown;
            if (arg.startsWith("-") && equals > 0) {
                shown = arg.substring(0, equals + 1) + "...";
                result = result.replace("'" + arg.substring(equals + 1) + "'", "'...'");
            } else if (names.contains(arg) || arg.startsWith("-")) {
                continue;
            } else {
                shown = "...";
            }
            result = result.replace("'" + arg + "'", "'" + shown + "'");
        }
        return result;
    }

    private static IExecutionExceptionHandler failure(RolesCommand root, ErrorReport errors) {
        return (Exception e, CommandLine command, CommandLine.ParseResult parseResult) -> {
            int code = ExitCode.of(e);
            PrintWriter err = command.getErr();
            errors.print(err, parseResult.originalArgs().toArray(String[]::new), code, oneLine(describe(e)), "",
                    backendFailure(e));
            if (root.verbose) {
                e.printStackTrace(err);
                err.flush();
            }
            return code;
        };
    }

    /**
     * The backend's failure, for its diagnostics: the failure itself, or for a grant, revoke or apply that
     * failed part-way, its failure; else null.
     */
    private static RoleDirectoryException backendFailure(Throwable e) {
        return ExitCode.underlying(e) instanceof RoleDirectoryException failure ? failure : null;
    }

    /**
     * The failure's message (a grant or revoke that failed part-way says how many pairs it applied, an
     * apply how many changes); for failures nobody anticipated, its type too.
     */
    private static String describe(Throwable e) {
        Throwable underlying = ExitCode.underlying(e);
        boolean anticipated = underlying instanceof RoleDirectoryException || underlying instanceof IllegalArgumentException
                || underlying instanceof MissingCredentialsException;
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (anticipated && !message.isBlank()) {
            return message + hint(e);
        }
        return "unexpected " + e.getClass().getSimpleName() + (message.isBlank() ? "" : ": " + message);
    }

    /** What a person can do about a problem with the local store's file that the message cannot know. */
    private static String hint(Throwable e) {
        Throwable failure = ExitCode.underlying(e);
        if (failure.getCause() instanceof StoreFileException store) {
            switch (store.reason()) {
                case TOO_LARGE:
                    return " (" + RolesCommand.STORE_MAX_MIB + " raises the limit, in MiB)";
                case LOCKED:
                    return " (" + RolesCommand.STORE_LOCK_SECONDS + " sets how long to wait, in seconds)";
                default:
                    return "";
            }
        }
        return "";
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
