package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.port.RoleDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/**
 * {@code roles}: the top-level command, holding the global options every subcommand inherits. Its
 * picocli model is built by hand ({@link Specs} says why); {@link #commandLine} puts the tree together.
 */
final class RolesCommand implements Runnable {
    /** The backends of {@code --backend}. */
    enum Backend { local, dingtalk }

    final CommandSpec spec;
    Backend backend;
    Path store;
    String baseUrl;
    String accessToken;
    String appKey;
    String appSecret;
    Output.Format output;
    boolean verbose;

    RolesCommand() {
        spec = Specs.command(this, "roles",
                Specs.description("Manage DingTalk roles: locally (the default, no account needed) or on DingTalk."),
                global(Specs.option("--backend", Backend.class, v -> backend = (Backend) v).defaultValue("local")
                        .paramLabel("local|dingtalk")
                        .description("Where the roles live (env ROLES_BACKEND; default: ${DEFAULT-VALUE}).")),
                global(Specs.option("--store", Path.class, v -> store = (Path) v).paramLabel("PATH")
                        .defaultValue("${sys:user.home}/.dingtalk-roles/directory.json")
                        .description("The local backend's file (env ROLES_STORE; default: ${DEFAULT-VALUE}).")),
                global(Specs.option("--base-url", String.class, v -> baseUrl = (String) v).paramLabel("URL")
                        .defaultValue("https://oapi.dingtalk.com")
                        .description("DingTalk's address (env DINGTALK_BASE_URL; default: ${DEFAULT-VALUE}).")),
                global(Specs.option("--access-token", String.class, v -> accessToken = (String) v).paramLabel("TOKEN")
                        .description("A DingTalk access token (env DINGTALK_ACCESS_TOKEN).")),
                global(Specs.option("--app-key", String.class, v -> appKey = (String) v).paramLabel("KEY")
                        .description("The app key, to fetch tokens (env DINGTALK_APP_KEY).")),
                global(Specs.option("--app-secret", String.class, v -> appSecret = (String) v).paramLabel("SECRET")
                        .description("The app secret, to fetch tokens (env DINGTALK_APP_SECRET).")),
                global(Specs.option("--output", Output.Format.class, v -> output = (Output.Format) v)
                        .defaultValue("table").paramLabel("table|json")
                        .description("table for people, json for scripts (env ROLES_OUTPUT; default: ${DEFAULT-VALUE}).")),
                global(Specs.option("--verbose", boolean.class, v -> verbose = (Boolean) v)
                        .description("Show stack traces of errors and the library's log.")));
        spec.versionProvider(new VersionProvider());
        spec.usageMessage().footer("",
                "Exit codes: 0 ok, 2 bad usage or input, 3 not found, 4 conflict, 5 not authorised,",
                "6 throttled or unavailable after retries, 1 anything else.",
                "Every option also reads its environment variable (ROLES_BACKEND, ROLES_STORE, DINGTALK_BASE_URL,",
                "DINGTALK_ACCESS_TOKEN, DINGTALK_APP_KEY, DINGTALK_APP_SECRET, ROLES_OUTPUT): prefer them for secrets.");
    }

    /** An option given before or after the subcommand. */
    private static OptionSpec.Builder global(OptionSpec.Builder option) {
        return option.scopeType(ScopeType.INHERIT);
    }

    /** The whole command tree: this command and its subcommands, in the order its help lists them. */
    CommandLine commandLine() {
        CommandLine cli = new CommandLine(spec);
        cli.addSubcommand(new CommandLine(new AddGroupCommand(this).spec()));
        cli.addSubcommand(new CommandLine(new AddRoleCommand(this).spec()));
        cli.addSubcommand(new CommandLine(new UpdateRoleCommand(this).spec()));
        cli.addSubcommand(new CommandLine(new ListCommand(this).spec()));
        cli.addSubcommand(new CommandLine(new GetGroupCommand(this).spec()));
        cli.addSubcommand(new CommandLine(new ServeCommand(this).spec()));
        cli.addSubcommand(new CommandLine(Completion.spec()));
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The role directory of the chosen backend: the one place where backends are composed. The local
     * store is a single object with nothing to wire, so it is built directly and a local command never
     * pays for starting Guice; the DingTalk backend is composed by Guice from {@link DingTalkModule}.
     */
    RoleDirectory directory() {
        return switch (backend) {
            case local -> new LocalStore(store).open();
            case dingtalk -> DingTalkModule.from(this).compose();
        };
    }

    Output out() {
        return Output.of(output, spec.commandLine().getOut());
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
