package io.github.dingtalkroles.dingtalk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server driven by a script, for what a well-behaved server (WireMock) cannot do: drop a
 * connection after reading a request, send malformed framing, drip bytes. It counts every request it reads
 * in full (request line, headers and Content-Length body). Each connection runs {@link Script#serve} on its
 * own thread; the server stops when closed.
 */
final class RawServer implements AutoCloseable {
    /** What to do on one connection. */
    @FunctionalInterface
    interface Script {
        /**
         * @param connection the accepted connection (its index counts from 0)
         * @param server the server, for {@link #readRequest}
         */
        void serve(int connectionIndex, Socket connection, RawServer server) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "raw-server");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger connections = new AtomicInteger();
    final List<String> requestLines = new CopyOnWriteArrayList<>();

    RawServer(Script script) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    int index = connections.getAndIncrement();
                    threads.execute(() -> {
                        try (connection) {
                            script.serve(index, connection, this);
                        } catch (IOException | InterruptedException e) {
                            // the client went away or the server is closing
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    /** How many requests were read whose request line starts with {@code prefix}, e.g. {@code "POST /role/update_role"}. */
    long count(String prefix) {
        return requestLines.stream().filter(line -> line.startsWith(prefix)).count();
    }

    /** Reads one whole request from the connection and records its request line; {@code null} at end of stream. */
    String readRequest(Socket connection) throws IOException {
        InputStream in = connection.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                break;
            }
        }
        if (b < 0) {
            return null;
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
        String requestLine = text.substring(0, text.indexOf("\r\n"));
        requestLines.add(requestLine);
        return requestLine;
    }

    static void write(Socket connection, String text) throws IOException {
        connection.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        connection.getOutputStream().flush();
    }

    /** A complete 200 reply with a JSON body, keeping the connection open. */
    static String ok(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n" + json;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }
}
