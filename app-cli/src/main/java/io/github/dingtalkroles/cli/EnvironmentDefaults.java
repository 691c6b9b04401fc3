package io.github.dingtalkroles.cli;

import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Takes an option's default from its environment variable, when that is set and not blank. */
final class EnvironmentDefaults implements IDefaultValueProvider {
    /** Option name to environment variable: the command-line contract. */
    static final Map<String, String> VARIABLES = Map.of(
            "--backend", "ROLES_BACKEND",
            "--store", "ROLES_STORE",
            "--base-url", "DINGTALK_BASE_URL",
            "--access-token", "DINGTALK_ACCESS_TOKEN",
            "--app-key", "DINGTALK_APP_KEY",
            "--app-secret", "DINGTALK_APP_SECRET",
            "--output", "ROLES_OUTPUT");

    private final Map<String, String> environment;

    EnvironmentDefaults(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option)) {
            return null;
        }
        String variable = VARIABLES.get(option.longestName());
        String value = variable == null ? null : environment.get(variable);
        return value == null || value.isBlank() ? null : value;
    }
}
