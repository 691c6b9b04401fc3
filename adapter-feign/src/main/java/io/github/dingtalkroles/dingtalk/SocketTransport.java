package io.github.dingtalkroles.dingtalk;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Feign's default transport: HTTP/1.1 over blocking sockets, with keep-alive connections reused per
 * origin and TLS through the JDK's default {@link SSLContext} (host names verified, SNI sent).
 *
 * <p>Why not a JDK client: on loop-back and LAN round trips, the JDK {@code HttpClient} hands each
 * exchange between the caller, its selector thread and its executor, which doubled the per-call time
 * of this adapter; and {@code HttpURLConnection} silently sends a POST a second time when a kept-alive
 * connection fails while it waits for the reply, which could create a role twice. This transport does
 * one thing: it writes each request in a single write on a socket with {@code TCP_NODELAY}, reads the
 * reply on the calling thread, and <em>never</em> sends a request twice. Whether a failed request may
 * have reached the server is left to {@link DingTalkHttp}: failures before the first byte was written
 * are {@link NotSentException}s, everything later is ambiguous.
 *
 * <p>Before an idle connection is reused it is probed without blocking; one the server has closed (or
 * sent anything on) is dropped. Connections idle longer than {@link #MAX_IDLE_NANOS} are dropped too,
 * at most {@link #MAX_IDLE_PER_ORIGIN} are kept per origin, and the rest are closed.
 *
 * <p>The read timeout of {@link Request.Options} bounds the whole reply, head and body, not each read:
 * a server that trickles a body cannot keep a call past it. Redirects are never followed; proxies are
 * not supported (give the builder a JDK {@code HttpClient} for those). Thread-safe.
 */
final class SocketTransport implements Client {
    /** Idle connections older than this are closed instead of reused (well under common server limits). */
    static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(30);
    static final int MAX_IDLE_PER_ORIGIN = 8;
    static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final String USER_AGENT = "dingtalk-roles";

    private final SSLSocketFactory tls;
    private final LongSupplier nanoClock;
    private final Map<Origin, Deque<Connection>> idle = new ConcurrentHashMap<>();

    /** A transport with the JDK's default TLS settings. */
    SocketTransport() {
        this(null, System::nanoTime);
    }

    /**
     * @param tls the TLS socket factory, or {@code null} for the default {@link SSLContext}'s
     * @param nanoClock the clock of idle times and read deadlines
     */
    SocketTransport(SSLSocketFactory tls, LongSupplier nanoClock) {
        this.tls = tls;
        this.nanoClock = nanoClock;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        Target target = Target.parse(request.url());
        byte[] bytes = encode(request, target);
        long deadline = nanoClock.getAsLong() + TimeUnit.MILLISECONDS.toNanos(Math.max(1, options.readTimeoutMillis()));
        Connection connection = reuse(target.origin);
        if (connection == null) {
            connection = connect(target.origin, options.connectTimeoutMillis(), deadline);
        }
        try {
            connection.write(bytes);
            return connection.readResponse(request, deadline);
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Closes every idle connection. Connections in use close when their reply has been read. */
    void closeIdleConnections() {
        for (Deque<Connection> connections : idle.values()) {
            Connection connection;
            while ((connection = poll(connections)) != null) {
                connection.close();
            }
        }
    }

    private Connection reuse(Origin origin) {
        Deque<Connection> connections = idle.get(origin);
        if (connections == null) {
            return null;
        }
        long now = nanoClock.getAsLong();
        Connection connection;
        while ((connection = poll(connections)) != null) {
            if (now - connection.idleSince <= MAX_IDLE_NANOS && connection.isReusable()) {
                return connection;
            }
            connection.close();
        }
        return null;
    }

    private static Connection poll(Deque<Connection> connections) {
        synchronized (connections) {
            return connections.pollFirst();
        }
    }

    private void release(Connection connection) {
        connection.idleSince = nanoClock.getAsLong();
        Deque<Connection> connections = idle.computeIfAbsent(connection.origin, o -> new ArrayDeque<>());
        Connection evicted = null;
        synchronized (connections) {
            connections.offerFirst(connection);
            if (connections.size() > MAX_IDLE_PER_ORIGIN) {
                evicted = connections.pollLast();
            }
        }
        if (evicted != null) {
            evicted.close();
        }
    }

    private Connection connect(Origin origin, int connectTimeoutMillis, long deadline) throws IOException {
        InetSocketAddress address = new InetSocketAddress(origin.host, origin.port);
        if (address.isUnresolved()) {
            throw new NotSentException("unknown host " + origin.host, null);
        }
        SocketChannel channel = SocketChannel.open();
        Socket socket;
        try {
            channel.socket().connect(address, Math.max(1, connectTimeoutMillis));
            channel.socket().setTcpNoDelay(true);
            channel.socket().setKeepAlive(true);
            socket = channel.socket();
        } catch (IOException | UnresolvedAddressException e) {
            closeQuietly(channel);
            String what = e instanceof SocketTimeoutException
                    ? "timed out after " + connectTimeoutMillis + " ms connecting to " + origin
                    : "could not connect to " + origin;
            throw new NotSentException(what, e);
        }
        if (origin.tls) {
            try {
                SSLSocket ssl = (SSLSocket) tlsFactory().createSocket(socket, origin.host, origin.port, true);
                SSLParameters parameters = ssl.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(parameters);
                ssl.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.max(connectTimeoutMillis, remainingMillis(deadline)))));
                ssl.startHandshake();
                socket = ssl;
            } catch (IOException | RuntimeException e) {
                closeQuietly(channel);
                throw new NotSentException("the TLS handshake with " + origin + " failed", e);
            }
        }
        return new Connection(origin, channel, socket);
    }

    private SSLSocketFactory tlsFactory() throws IOException {
        if (tls != null) {
            return tls;
        }
        try {
            return SSLContext.getDefault().getSocketFactory();
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("the JDK has no default TLS context", e);
        }
    }

    private long remainingMillis(long deadline) {
        return TimeUnit.NANOSECONDS.toMillis(deadline - nanoClock.getAsLong());
    }

    /** The request line, headers and body, as one array for one write. */
    private static byte[] encode(Request request, Target target) throws IOException {
        byte[] body = request.body();
        Bytes out = new Bytes(256 + (body == null ? 0 : body.length));
        String method = request.httpMethod().name();
        out.ascii(method).ascii(" ").ascii(target.pathAndQuery).ascii(" HTTP/1.1").crlf();
        out.ascii("Host: ").ascii(target.hostHeader).crlf();
        boolean accept = false;
        boolean userAgent = false;
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            String name = header.getKey();
            if (name.equalsIgnoreCase("Host") || name.equalsIgnoreCase("Content-Length")
                    || name.equalsIgnoreCase("Connection") || name.equalsIgnoreCase("Transfer-Encoding")) {
                continue;
            }
            checkHeaderText(name, name);
            accept |= name.equalsIgnoreCase("Accept");
            userAgent |= name.equalsIgnoreCase("User-Agent");
            for (String value : header.getValue()) {
                checkHeaderText(name, value);
                out.ascii(name).ascii(": ").utf8(value).crlf();
            }
        }
        if (!accept) {
            out.ascii("Accept: */*").crlf();
        }
        if (!userAgent) {
            out.ascii("User-Agent: ").ascii(USER_AGENT).crlf();
        }
        if (body != null || !(method.equals("GET") || method.equals("HEAD"))) {
            out.ascii("Content-Length: ").ascii(Integer.toString(body == null ? 0 : body.length)).crlf();
        }
        out.crlf();
        if (body != null) {
            out.bytes(body, body.length);
        }
        return out.toArray();
    }

    /** Refuses header text that would end the line early; names the header, never the value. */
    private static void checkHeaderText(String name, String text) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IOException("the request header " + (name.equals(text) ? "name" : name)
                        + " contains a line break or NUL");
            }
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // nothing to do: the connection is being thrown away
        }
    }

    /** Scheme, host and port: what a connection can be reused for. */
    private record Origin(boolean tls, String host, int port) {
        @Override
        public String toString() {
            return (tls ? "https://" : "http://") + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /** A request URL taken apart. */
    private record Target(Origin origin, String hostHeader, String pathAndQuery) {
        static Target parse(String url) throws IOException {
            int colon = url.indexOf("://");
            if (colon < 0) {
                throw new IOException("not an absolute URL");
            }
            String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
            boolean tls;
            if (scheme.equals("https")) {
                tls = true;
            } else if (scheme.equals("http")) {
                tls = false;
            } else {
                throw new IOException("unsupported URL scheme " + scheme);
            }
            int start = colon + 3;
            int end = start;
            while (end < url.length() && url.charAt(end) != '/' && url.charAt(end) != '?' && url.charAt(end) != '#') {
                end++;
            }
            String authority = url.substring(start, end);
            if (authority.isEmpty() || authority.indexOf('@') >= 0) {
                throw new IOException("the URL has no host or has user info");
            }
            String host;
            String port = null;
            if (authority.startsWith("[")) {
                int close = authority.indexOf(']');
                if (close < 0) {
                    throw new IOException("malformed IPv6 host in the URL");
                }
                host = authority.substring(1, close);
                if (close + 1 < authority.length()) {
                    if (authority.charAt(close + 1) != ':') {
                        throw new IOException("malformed host in the URL");
                    }
                    port = authority.substring(close + 2);
                }
            } else {
                int portColon = authority.lastIndexOf(':');
                host = portColon < 0 ? authority : authority.substring(0, portColon);
                port = portColon < 0 ? null : authority.substring(portColon + 1);
            }
            int portNumber = tls ? 443 : 80;
            if (port != null && !port.isEmpty()) {
                try {
                    portNumber = Integer.parseInt(port);
                } catch (NumberFormatException e) {
                    portNumber = -1;
                }
                if (portNumber < 1 || portNumber > 65535) {
                    throw new IOException("invalid port in the URL");
                }
            }
            int fragment = url.indexOf('#', end);
            String rest = url.substring(end, fragment < 0 ? url.length() : fragment);
            String pathAndQuery = rest.isEmpty() ? "/" : rest.startsWith("?") ? "/" + rest : rest;
            return new Target(new Origin(tls, host, portNumber), authority, pathAndQuery);
        }
    }

    /** A growable byte array for the request. */
    private static final class Bytes {
        private byte[] data;
        private int size;

        Bytes(int capacity) {
            data = new byte[capacity];
        }

        Bytes ascii(String text) {
            ensure(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    return utf8(text); // size has not moved: the bytes written so far are overwritten
                }
                data[size + i] = (byte) c;
            }
            size += text.length();
            return this;
        }

        Bytes utf8(String text) {
            byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
            return bytes(encoded, encoded.length);
        }

        Bytes crlf() {
            return bytes(CRLF, 2);
        }

        Bytes bytes(byte[] bytes, int length) {
            ensure(length);
            System.arraycopy(bytes, 0, data, size, length);
            size += length;
            return this;
        }

        byte[] toArray() {
            return size == data.length ? data : java.util.Arrays.copyOf(data, size);
        }

        private void ensure(int more) {
            if (size + more > data.length) {
                data = java.util.Arrays.copyOf(data, Math.max(data.length * 2, size + more));
            }
        }
    }

    /** One connection: its socket, a read buffer, and whether it can carry another exchange. */
    private final class Connection {
        final Origin origin;
        private final SocketChannel channel;
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] buffer = new byte[8192];
        private final ByteBuffer probe = ByteBuffer.allocate(1);
        private int position;
        private int limit;
        private int soTimeout = -1;
        long idleSince;

        Connection(Origin origin, SocketChannel channel, Socket socket) throws IOException {
            this.origin = origin;
            this.channel = channel;
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /**
         * Whether the idle connection is still open and quiet: a non-blocking read finds neither the
         * end of the stream nor stray bytes (a TLS close_notify counts as stray).
         */
        boolean isReusable() {
            if (position < limit) {
                return false;
            }
            try {
                channel.configureBlocking(false);
                probe.clear();
                int read = channel.read(probe);
                channel.configureBlocking(true);
                return read == 0;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        void close() {
            closeQuietly(socket);
            closeQuietly(channel);
        }

        Response readResponse(Request request, long deadline) throws IOException {
            int status;
            String version;
            Map<String, Collection<String>> headers;
            int headBytes = 0;
            do {
                String statusLine = readLine(deadline);
                headBytes += statusLine.length();
                if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
                    throw new IOException("the reply does not start with an HTTP/1.x status line");
                }
                version = statusLine.substring(0, 8);
                status = parseStatus(statusLine);
                headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                for (String line = readLine(deadline); !line.isEmpty(); line = readLine(deadline)) {
                    headBytes += line.length();
                    if (headBytes > MAX_HEAD_BYTES) {
                        throw new IOException("the reply's head is larger than " + MAX_HEAD_BYTES + " bytes");
                    }
                    int colon = line.indexOf(':');
                    if (colon <= 0) {
                        throw new IOException("the reply has a malformed header line");
                    }
                    headers.computeIfAbsent(line.substring(0, colon).strip(), k -> new ArrayList<>(1))
                            .add(line.substring(colon + 1).strip());
                }
            } while (status >= 100 && status < 200 && status != 101);

            boolean keepAlive = version.equals("HTTP/1.1")
                    ? !hasToken(headers.get("Connection"), "close")
                    : hasToken(headers.get("Connection"), "keep-alive");
            InputStream body;
            if (request.httpMethod() == Request.HttpMethod.HEAD || status == 204 || status == 304) {
                body = new Body(this, deadline, 0, keepAlive);
            } else if (hasToken(headers.get("Transfer-Encoding"), "chunked")) {
                body = new ChunkedBody(this, deadline, keepAlive);
            } else if (headers.containsKey("Content-Length")) {
                body = new Body(this, deadline, contentLength(headers.get("Content-Length")), keepAlive);
            } else {
                body = new Body(this, deadline, -1, false);
            }
            return Response.builder()
                    .status(status)
                    .reason(null)
                    .request(request)
                    .protocolVersion(Request.ProtocolVersion.HTTP_1_1)
                    .headers(headers)
                    .body(body, null)
                    .build();
        }

        private int parseStatus(String statusLine) throws IOException {
            int status = 0;
            for (int i = 9; i < 12; i++) {
                char c = statusLine.charAt(i);
                if (c < '0' || c > '9') {
                    throw new IOException("the reply's status line has no 3-digit status");
                }
                status = status * 10 + (c - '0');
            }
            if (statusLine.length() > 12 && statusLine.charAt(12) != ' ') {
                throw new IOException("the reply's status line has no 3-digit status");
            }
            return status;
        }

        private long contentLength(Collection<String> values) throws IOException {
            long length = -1;
            for (String value : values) {
                for (String part : value.split(",")) {
                    long parsed;
                    String digits = part.strip();
                    if (digits.isEmpty() || !Character.isDigit(digits.charAt(0))) {
                        throw new IOException("the reply has an invalid Content-Length");
                    }
                    try {
                        parsed = Long.parseLong(digits);
                    } catch (NumberFormatException e) {
                        throw new IOException("the reply has an invalid Content-Length");
                    }
                    if (parsed < 0 || (length >= 0 && parsed != length)) {
                        throw new IOException("the reply has an invalid Content-Length");
                    }
                    length = parsed;
                }
            }
            return length;
        }

        /** One line of the head, without its CR LF, as ISO-8859-1 text. */
        String readLine(long deadline) throws IOException {
            StringBuilder line = null;
            while (true) {
                if (position == limit && fill(deadline) < 0) {
                    throw new IOException("the connection closed before the reply's head was complete");
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                int end = position;
                boolean complete = position < limit;
                if (complete) {
                    position++;
                }
                int length = end - start;
                if ((line == null ? 0 : line.length()) + length > MAX_HEAD_BYTES) {
                    throw new IOException("the reply's head is larger than " + MAX_HEAD_BYTES + " bytes");
                }
                if (complete && line == null) {
                    if (length > 0 && buffer[end - 1] == '\r') {
                        length--;
                    }
                    return new String(buffer, start, length, StandardCharsets.ISO_8859_1);
                }
                if (line == null) {
                    line = new StringBuilder(Math.max(16, length * 2));
                }
                line.append(new String(buffer, start, length, StandardCharsets.ISO_8859_1));
                if (complete) {
                    int last = line.length() - 1;
                    if (last >= 0 && line.charAt(last) == '\r') {
                        line.setLength(last);
                    }
                    return line.toString();
                }
            }
        }

        /** Reads more bytes into an empty buffer; -1 at the end of the stream. */
        int fill(long deadline) throws IOException {
            long remaining = deadline - nanoClock.getAsLong();
            if (remaining <= 0) {
                throw new SocketTimeoutException("read timed out");
            }
            int timeout = (int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(remaining)));
            if (timeout != soTimeout) {
                socket.setSoTimeout(timeout);
                soTimeout = timeout;
            }
            int read = in.read(buffer, 0, buffer.length);
            position = 0;
            limit = Math.max(read, 0);
            return read;
        }

        /** Copies up to {@code length} buffered or freshly read bytes; -1 at the end of the stream. */
        int read(byte[] into, int offset, int length, long deadline) throws IOException {
            if (position == limit && fill(deadline) < 0) {
                return -1;
            }
            int n = Math.min(length, limit - position);
            System.arraycopy(buffer, position, into, offset, n);
            position += n;
            return n;
        }

        int readByte(long deadline) throws IOException {
            if (position == limit && fill(deadline) < 0) {
                return -1;
            }
            return buffer[position++] & 0xff;
        }

        /** The body was read to its end: keep the connection if the reply allows, else close it. */
        void finished(boolean keepAlive) {
            if (keepAlive && position == limit) {
                release(this);
            } else {
                close();
            }
        }
    }

    private static boolean hasToken(Collection<String> values, String token) {
        if (values == null) {
            return false;
        }
        for (String value : values) {
            for (String part : value.split(",")) {
                if (part.strip().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A body of known length ({@code remaining >= 0}) or one that ends with the connection
     * ({@code -1}). Closing it after its last byte hands the connection back; closing it earlier
     * closes the connection.
     */
    private static class Body extends InputStream {
        final Connection connection;
        final long deadline;
        final boolean keepAlive;
        long remaining;
        boolean done;
        boolean closed;

        Body(Connection connection, long deadline, long remaining, boolean keepAlive) {
            this.connection = connection;
            this.deadline = deadline;
            this.remaining = remaining;
            this.keepAlive = keepAlive;
            this.done = remaining == 0;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public final int read(byte[] into, int offset, int length) throws IOException {
            if (closed) {
                throw new IOException("the reply's body is closed");
            }
            if (length == 0) {
                return 0;
            }
            return done ? -1 : readSome(into, offset, length);
        }

        /** Reads at least one byte of a body that is not done yet; -1 at its end. */
        int readSome(byte[] into, int offset, int length) throws IOException {
            int want = remaining < 0 ? length : (int) Math.min(length, remaining);
            int n = connection.read(into, offset, want, deadline);
            if (n < 0) {
                if (remaining > 0) {
                    throw new IOException("the connection closed " + remaining + " bytes before the end of the reply");
                }
                done = true;
                return -1;
            }
            if (remaining > 0) {
                remaining -= n;
                done = remaining == 0;
            }
            return n;
        }

        /** Whether the body was read to its announced end, so the connection may carry another exchange. */
        boolean complete() {
            return done && remaining == 0;
        }

        @Override
        public final void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (complete()) {
                connection.finished(keepAlive);
            } else {
                connection.close();
            }
        }
    }

    /** A {@code Transfer-Encoding: chunked} body; trailers are read and dropped. */
    private static final class ChunkedBody extends Body {
        private static final int MAX_CHUNK_LINE = 4096;

        ChunkedBody(Connection connection, long deadline, boolean keepAlive) {
            super(connection, deadline, 0, keepAlive);
            this.done = false;
        }

        @Override
        int readSome(byte[] into, int offset, int length) throws IOException {
            if (remaining == 0) {
                remaining = nextChunkSize();
                if (remaining == 0) {
                    String trailer;
                    int trailerBytes = 0;
                    do {
                        trailer = connection.readLine(deadline);
                        trailerBytes += trailer.length();
                        if (trailerBytes > MAX_HEAD_BYTES) {
                            throw new IOException("the reply's trailers are larger than " + MAX_HEAD_BYTES + " bytes");
                        }
                    } while (!trailer.isEmpty());
                    done = true;
                    return -1;
                }
            }
            int n = connection.read(into, offset, (int) Math.min(length, remaining), deadline);
            if (n < 0) {
                throw new IOException("the connection closed inside a chunk of the reply");
            }
            remaining -= n;
            if (remaining == 0) {
                String end = connection.readLine(deadline);
                if (!end.isEmpty()) {
                    throw new IOException("a chunk of the reply is longer than its size");
                }
            }
            return n;
        }

        private long nextChunkSize() throws IOException {
            String line = connection.readLine(deadline);
            if (line.length() > MAX_CHUNK_LINE) {
                throw new IOException("the reply has a malformed chunk size");
            }
            int semicolon = line.indexOf(';');
            String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
            if (hex.isEmpty() || hex.length() > 15 || Character.digit(hex.charAt(0), 16) < 0) {
                throw new IOException("the reply has a malformed chunk size");
            }
            try {
                return Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("the reply has a malformed chunk size");
            }
        }

        @Override
        boolean complete() {
            return done;
        }
    }

    /** For tests: how many idle connections are kept for all origins together. */
    int idleConnections() {
        int count = 0;
        for (Deque<Connection> connections : idle.values()) {
            synchronized (connections) {
                count += connections.size();
            }
        }
        return count;
    }
}
