package io.github.dingtalkroles.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Takes an option's default from its environment variable, when that is set and not blank; the
 * store's default follows {@code $HOME}, as other command-line tools do (Java's {@code user.home}
 * comes from the password file, and is only the fallback).
 */
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
        String value = get(VARIABLES.get(option.longestName()));
        if (value == null && option.longestName().equals("--store")) {
            return defaultStore().toString();
        }
        return value;
    }

    /** The store used when neither {@code --store} nor ROLES_STORE names one. */
    Path defaultStore() {
        String home = get("HOME");
        return Path.of(home != null ? home : System.getProperty("user.home"), ".dingtalk-roles", "directory.json");
    }

    /**
     * The variable as a positive whole number, or {@code otherwise} when it is unset.
     *
     * @throws IllegalArgumentException naming the variable when it is set to anything else
     */
    long positive(String variable, long otherwise) {
        String value = get(variable);
        if (value == null) {
            return otherwise;
        }
        if (!value.strip().matches("[0-9]{1,9}") || Long.parseLong(value.strip()) == 0) {
            throw new IllegalArgumentException(variable + " must be a positive whole number");
        }
        return Long.parseLong(value.strip());
    }

    /** The variable's value, or null when it is unset or blank. */
    String get(String variable) {
        String value = variable == null ? null : environment.get(variable);
        return value == null || value.isBlank() ? null : value;
    }
}
