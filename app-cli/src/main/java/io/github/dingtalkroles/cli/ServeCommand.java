package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.emulator.DingTalkEmulator;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code roles serve}: the DingTalk emulator in front of the local store, until SIGINT or SIGTERM.
 * Every write reaches the store's file before its reply is sent, so stopping loses nothing.
 */
final class ServeCommand implements Runnable {
    private final RolesCommand roles;
    private String host;
    private int port;

    ServeCommand(RolesCommand roles) {
        this.roles = roles;
    }

    CommandSpec spec() {
        return Specs.command(this, "serve",
                Specs.description(
                        "Serve DingTalk's role API (and /gettoken) over the local store, so that DingTalk clients,",
                        "including 'roles --backend dingtalk', can work without a DingTalk account.",
                        "Callers authenticate as with DingTalk: --app-key/--app-secret enable /gettoken, --access-token",
                        "registers a fixed token; with neither, a key and secret are generated and printed."),
                Specs.option("--host", String.class, v -> host = (String) v).defaultValue("127.0.0.1").paramLabel("HOST")
                        .description("The address to listen on (default: ${DEFAULT-VALUE}: this machine only)."),
                Specs.option("--port", int.class, v -> port = (Integer) v).defaultValue("0").paramLabel("N")
                        .description("The port; 0 picks a free one (default: ${DEFAULT-VALUE})."));
    }

    @Override
    public void run() {
        if (roles.backend != RolesCommand.Backend.local) {
            throw new IllegalArgumentException("serve runs in front of the local store; drop --backend "
                    + roles.backend + " (it is the store the emulator serves, not a client setting)");
        }
        PrintWriter out = roles.spec.commandLine().getOut();
        DingTalkEmulator.Builder builder = DingTalkEmulator.builder()
                .directory(roles.directory())
                .host(host)
                .port(port);
        String generatedKey = null;
        String generatedSecret = null;
        if (present(roles.appKey) != present(roles.appSecret)) {
            throw new IllegalArgumentException("--app-key and --app-secret go together");
        }
        if (present(roles.appKey)) {
            builder.appCredentials(roles.appKey.strip(), roles.appSecret.strip());
        }
        if (present(roles.accessToken)) {
            builder.accessToken(roles.accessToken.strip());
        }
        if (!present(roles.appKey) && !present(roles.accessToken)) {
            generatedKey = "local-" + random(4);
            generatedSecret = random(16);
            builder.appCredentials(generatedKey, generatedSecret);
        }
        DingTalkEmulator emulator = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "roles-serve-shutdown"));
        out.println("listening on " + emulator.baseUrl());
        if (generatedKey != null) {
            out.println("app key:    " + generatedKey);
            out.println("app secret: " + generatedSecret);
        }
        out.flush();
        try {
            new CountDownLatch(1).await(); // until SIGINT or SIGTERM runs the shutdown hook
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emulator.close();
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
