package io.github.dingtalkroles.cli;

import io.github.dingtalkroles.emulator.DingTalkEmulator;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code roles serve}: the DingTalk emulator in front of the local store, until SIGINT or SIGTERM.
 * Every write reaches the store's file before its reply is sent, so stopping loses nothing.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {
                "Serve DingTalk's role API (and /gettoken) over the local store.",
                "DingTalk clients, including 'roles --backend dingtalk', can then work without a DingTalk "
                        + "account. Callers authenticate as with DingTalk: --app-key and --app-secret enable "
                        + "/gettoken, --access-token registers a fixed token; with neither, a key and secret "
                        + "are generated and printed."})
final class ServeCommand implements Runnable {
    @ParentCommand
    RolesCommand roles;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "The address to listen on (default: ${DEFAULT-VALUE}: this machine only).")
    String host;

    @Option(names = "--port", defaultValue = "0", paramLabel = "N",
            description = "The port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--latency", defaultValue = "0ms", paramLabel = "TIME", converter = Latency.class,
            description = "A constant delay before every answer, as a slow network would add, for trying "
                    + "clients and benchmarks: 200ms, 2s (default: ${DEFAULT-VALUE}).")
    Duration latency;

    @Override
    public void run() {
        if (roles.backend != RolesCommand.Backend.LOCAL) {
            throw new IllegalArgumentException("serve runs in front of the local store; drop --backend "
                    + roles.backend + " (it is the store the emulator serves, not a client setting)");
        }
        PrintWriter out = roles.spec.commandLine().getOut();
        DingTalkEmulator.Builder builder = DingTalkEmulator.builder()
                .directory(roles.directory())
                .host(host)
                .port(port)
                .latency(latency);
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
        DingTalkEmulator emulator = start(builder);
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "roles-serve-shutdown"));
        out.println("listening on " + emulator.baseUrl());
        if (generatedKey != null) {
            out.println("app key:    " + generatedKey);
            out.println("app secret: " + generatedSecret);
        }
        if (!latency.isZero()) {
            out.println("latency:    " + latency.toMillis() + " ms before every answer");
        }
        out.flush();
        try {
            new CountDownLatch(1).await(); // until SIGINT or SIGTERM runs the shutdown hook
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emulator.close();
        }
    }

    /** Starts the emulator; a port in use is bad input (exit 2), said in words rather than as an exception. */
    private DingTalkEmulator start(DingTalkEmulator.Builder builder) {
        try {
            return builder.start();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof BindException bind) {
                String why = String.valueOf(bind.getMessage()).contains("in use")
                        ? "the port is in use; choose another with --port, or --port 0 for a free one"
                        : bind.getMessage();
                throw new IllegalArgumentException("cannot listen on " + host + ":" + port + ": " + why, e);
            }
            throw e;
        }
    }

    /** {@code --latency}: whole milliseconds or seconds, {@code 200ms} or {@code 2s}, at most an hour. */
    static final class Latency implements ITypeConverter<Duration> {
        private static final Pattern FORMAT = Pattern.compile("([0-9]{1,7})(ms|s)");

        @Override
        public Duration convert(String value) {
            Matcher m = FORMAT.matcher(value.strip());
            Duration latency = !m.matches() ? null
                    : m.group(2).equals("ms") ? Duration.ofMillis(Long.parseLong(m.group(1)))
                    : Duration.ofSeconds(Long.parseLong(m.group(1)));
            if (latency == null || latency.compareTo(Duration.ofHours(1)) > 0) {
                throw new TypeConversionException("expected a latency such as 200ms or 2s (at most an hour), "
                        + "but was '" + value + "'");
            }
            return latency;
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
