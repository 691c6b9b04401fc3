package io.github.dingtalkroles.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs {@code roles} in-process with a given environment and captures what it prints. */
final class Cli {
    private final Map<String, String> environment = new HashMap<>();

    /** A CLI whose local store is {@code store}, given through ROLES_STORE. */
    static Cli withStore(Path store) {
        return new Cli().env("ROLES_STORE", store.toString());
    }

    /** A CLI whose backend is DingTalk at {@code baseUrl}, with an app key and secret, given through the environment. */
    static Cli withDingTalk(String baseUrl, String appKey, String appSecret) {
        return new Cli()
                .env("ROLES_BACKEND", "dingtalk")
                .env("DINGTALK_BASE_URL", baseUrl)
                .env("DINGTALK_APP_KEY", appKey)
                .env("DINGTALK_APP_SECRET", appSecret);
    }

    Cli env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RolesCli.run(args, environment, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /** A JSON run: {@code --output json} first. */
    Result json(String... args) {
        List<String> all = new ArrayList<>(List.of("--output", "json"));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
