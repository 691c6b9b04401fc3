package io.github.dingtalkroles.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} (Debian's package, Redis 7) for tests: started on a free loopback port with nothing
 * persisted ({@code --save "" --appendonly no}, its files in a temporary directory), stopped by {@link #close()}.
 * Start one per test class:
 *
 * <pre>{@code
 * static RedisServer redis;
 *
 * @BeforeAll static void startRedis() { redis = RedisServer.start(); }
 * @AfterAll static void stopRedis() { redis.close(); }
 * }</pre>
 *
 * <p>{@link #kill()} ends it at once with SIGKILL, as a crash would, and {@link #restart()} starts it again on the
 * same port, empty: for outage tests. The server is found on the {@code PATH} (or {@code /usr/bin}); where it is
 * missing, {@link #start()} fails with the command that installs it ({@code .ci/run} installs it before the build).
 *
 * <p>Not thread-safe: drive it from the test's thread.
 */
public final class RedisServer implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    private final String executable;
    private final Path directory;
    private final int port;
    private final String password;
    private Process process;

    private RedisServer(String executable, Path directory, int port, String password) {
        this.executable = executable;
        this.directory = directory;
        this.port = port;
        this.password = password;
    }

    /**
     * Starts a server on a free loopback port, without a password.
     *
     * @return the running server
     * @throws IllegalStateException if {@code redis-server} is not installed or does not start
     */
    public static RedisServer start() {
        return start(null);
    }

    /**
     * Starts a server on a free loopback port that requires {@code password} ({@code --requirepass}).
     *
     * @param password the password clients must give, or {@code null} for none
     * @return the running server
     * @throws IllegalStateException if {@code redis-server} is not installed or does not start
     */
    public static RedisServer start(String password) {
        String executable = executable();
        Path directory;
        try {
            directory = Files.createTempDirectory("redis-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // a free port may be taken between picking and binding it
            RedisServer server = new RedisServer(executable, directory, freePort(), password);
            try {
                server.launch();
                return server;
            } catch (IllegalStateException e) {
                server.stopProcess();
                last = e;
            }
        }
        throw last;
    }

    /**
     * The port it listens on, on {@code 127.0.0.1}.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * The URI to reach it, {@code redis://127.0.0.1:<port>}, with the password if it has one
     * ({@code redis://:<password>@127.0.0.1:<port>}).
     *
     * @return the URI
     */
    public String uri() {
        return "redis://" + (password == null ? "" : ":" + password + "@") + "127.0.0.1:" + port;
    }

    /**
     * Whether the server runs and answers {@code PING}.
     *
     * @return whether it answers
     */
    public boolean isRunning() {
        return process != null && process.isAlive() && answersPing();
    }

    /** Ends the server at once with SIGKILL, as a crash would; its clients see their connections drop. */
    public void kill() {
        stopProcess();
    }

    /**
     * Starts the server again on the same port, empty (nothing was persisted).
     *
     * @throws IllegalStateException if it is running, or does not start
     */
    public void restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the Redis server is running: kill() it first");
        }
        launch();
    }

    /**
     * Sends one command in Redis's protocol and returns the first line of the reply, e.g. {@code DBSIZE} gives
     * {@code :0}: for tests that look at what a client stored.
     *
     * @param arguments the command and its arguments
     * @return the reply's first line, e.g. {@code +OK}, {@code :3}, {@code $-1}
     */
    public String command(String... arguments) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            if (password != null) {
                out.write(encode("AUTH", password));
                readLine(socket.getInputStream());
            }
            out.write(encode(arguments));
            out.flush();
            InputStream in = socket.getInputStream();
            String first = readLine(in);
            if (first.startsWith("$") && !first.equals("$-1")) {
                return readLine(in);
            }
            return first;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server and deletes its directory. Idempotent. */
    @Override
    public void close() {
        stopProcess();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    @Override
    public String toString() {
        return "RedisServer[127.0.0.1:" + port + (password == null ? "" : ", password required") + "]";
    }

    private void launch() {
        List<String> command = new ArrayList<>(List.of(executable,
                "--port", Integer.toString(port),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--dir", directory.toString(),
                "--daemonize", "no",
                "--loglevel", "warning"));
        if (password != null) {
            command.addAll(List.of("--requirepass", password));
        }
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("redis.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + executable, e);
        }
        long until = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() - until < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited at once (exit " + process.exitValue()
                        + "); see " + directory.resolve("redis.log"));
            }
            if (answersPing()) {
                return;
            }
            sleep(20);
        }
        throw new IllegalStateException("redis-server did not answer PING within " + READY_TIMEOUT.toSeconds() + " s");
    }

    private boolean answersPing() {
        try {
            String reply = command("PING");
            return reply.equals("+PONG");
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    private void stopProcess() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("redis-server did not end within 10 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private static String executable() {
        String path = System.getenv().getOrDefault("PATH", "") + java.io.File.pathSeparator + "/usr/bin"
                + java.io.File.pathSeparator + "/usr/local/bin";
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "redis-server"))) {
                return Path.of(dir, "redis-server").toString();
            }
        }
        throw new IllegalStateException("redis-server is not installed, and these tests run against a real one:"
                + " apt-get install redis-server (Debian's package; .ci/run installs it when it is missing)");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(String... arguments) {
        StringBuilder out = new StringBuilder("*").append(arguments.length).append("\r\n");
        for (String argument : arguments) {
            byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
            out.append('$').append(bytes.length).append("\r\n").append(argument).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\r') {
                in.read(); // '\n'
                break;
            }
            line.append((char) c);
        }
        if (c == -1 && line.length() == 0) {
            throw new IOException("connection closed");
        }
        return line.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting redis-server", e);
        }
    }
}
