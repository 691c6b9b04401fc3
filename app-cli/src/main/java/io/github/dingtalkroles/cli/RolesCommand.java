package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.localfile.LocalFileRoleDirectory;
import io.github.dingtalkroles.port.RoleAssignments;
import io.github.dingtalkroles.port.RoleDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code roles}: the top-level command, holding the global options. They may be given before or after
 * the subcommand ({@link ScopeType#INHERIT}); {@link RolesCli} keeps them out of each subcommand's help,
 * which points here instead.
 */
@Command(name = "roles",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Manage DingTalk roles: locally (the default, no account needed) or on DingTalk.",
        footerHeading = "%n",
        footer = {
                "Exit codes: 0 ok, 2 bad usage or input, 3 not found, 4 conflict, 5 not authorised, "
                        + "6 throttled or unavailable after retries, 1 anything else.",
                "Each option above with an (env ...) also reads that environment variable; prefer the "
                        + "environment for secrets, it stays out of your shell history."},
        subcommands = {
                AddGroupCommand.class,
                AddRoleCommand.class,
                UpdateRoleCommand.class,
                GetRoleCommand.class,
                DeleteRoleCommand.class,
                ListCommand.class,
                GetGroupCommand.class,
                MembersCommand.class,
                GrantCommand.class,
                RevokeCommand.class,
                SetScopeCommand.class,
                AddDepartmentCommand.class,
                AddEmployeeCommand.class,
                ServeCommand.class,
                PlanCommand.class,
                ApplyCommand.class,
                ExportCommand.class,
                GenerateCompletion.class})
final class RolesCommand implements Runnable {
    /** The backends of {@code --backend}, written in lower case on the command line. */
    enum Backend {
        LOCAL, DINGTALK;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The local store's size limit in MiB (default 64, at most 1024). */
    static final String STORE_MAX_MIB = "ROLES_STORE_MAX_MIB";
    /** How long a write waits for the local store's lock, in seconds (default 5). */
    static final String STORE_LOCK_SECONDS = "ROLES_STORE_LOCK_SECONDS";

    private final EnvironmentDefaults defaults;

    @Spec
    CommandSpec spec;

    @Option(names = "--backend", scope = ScopeType.INHERIT, defaultValue = "local", paramLabel = "local|dingtalk",
            description = "Where the roles live (env ROLES_BACKEND; default: ${DEFAULT-VALUE}).")
    Backend backend;

    @Option(names = "--store", scope = ScopeType.INHERIT, paramLabel = "PATH",
            description = {"The local store's file (env ROLES_STORE); default:", "${DEFAULT-VALUE}"})
    Path store;

    @Option(names = "--base-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            defaultValue = "https://oapi.dingtalk.com",
            description = "DingTalk's address (env DINGTALK_BASE_URL; default: ${DEFAULT-VALUE}).")
    String baseUrl;

    @Option(names = "--access-token", scope = ScopeType.INHERIT, paramLabel = "TOKEN",
            description = "A DingTalk access token (env DINGTALK_ACCESS_TOKEN).")
    String accessToken;

    @Option(names = "--app-key", scope = ScopeType.INHERIT, paramLabel = "KEY",
            description = "The app key, to fetch tokens (env DINGTALK_APP_KEY).")
    String appKey;

    @Option(names = "--app-secret", scope = ScopeType.INHERIT, paramLabel = "SECRET",
            description = "The app secret, to fetch tokens (env DINGTALK_APP_SECRET).")
    String appSecret;

    @Option(names = "--output", scope = ScopeType.INHERIT, defaultValue = "table", paramLabel = "table|json",
            description = "table for people, json for scripts (env ROLES_OUTPUT; default: ${DEFAULT-VALUE}).")
    Output.Format output;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Show stack traces of errors and the library's log.")
    boolean verbose;

    RolesCommand(EnvironmentDefaults defaults) {
        this.defaults = defaults;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The role directory of the chosen backend. */
    RoleDirectory directory() {
        return switch (backend) {
            case LOCAL -> localStore();
            case DINGTALK -> DingTalkBackend.compose(this);
        };
    }

    /** Who holds which role, on the chosen backend (the same organisation as {@link #directory()}). */
    RoleAssignments assignments() {
        return switch (backend) {
            case LOCAL -> localStore();
            case DINGTALK -> DingTalkBackend.compose(this);
        };
    }

    /**
     * The local store, for the commands that only it has (seeding its roster).
     *
     * @param command the command's name, for the error
     * @throws IllegalArgumentException (usage, exit 2) on any other backend
     */
    LocalFileRoleDirectory localOnly(String command) {
        if (backend != Backend.LOCAL) {
            throw new IllegalArgumentException(command + " works on the local store only: DingTalk manages "
                    + "employees and departments in its contacts API, not in the role API (drop --backend "
                    + backend + ")");
        }
        return localStore();
    }

    /**
     * The local file store: one object with nothing to wire, built directly (the DingTalk backend is
     * composed by Guice through roles-guice, {@link DingTalkBackend}). These two are the only places
     * where backends are composed.
     */
    private LocalFileRoleDirectory localStore() {
        return LocalFileRoleDirectory.builder(store)
                // only the default location is created on demand: a mistyped --store is an error
                .createMissingDirectories(store.equals(defaults.defaultStore()))
                .maxFileSize(defaults.positive(STORE_MAX_MIB, LocalFileRoleDirectory.DEFAULT_MAX_FILE_SIZE >> 20) << 20)
                .lockTimeout(Duration.ofSeconds(
                        defaults.positive(STORE_LOCK_SECONDS, LocalFileRoleDirectory.DEFAULT_LOCK_TIMEOUT.toSeconds())))
                .build();
    }

    Output out() {
        return Output.of(output, spec.commandLine().getOut());
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
