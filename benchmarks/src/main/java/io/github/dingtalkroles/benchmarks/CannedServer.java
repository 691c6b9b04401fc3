package io.github.dingtalkroles.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The canned-response server of the per-call benchmark, run in its own JVM: answers
 * {@code /topapi/role/list} and {@code /role/add_role} with fixed DingTalk bodies whatever the request
 * (form or JSON), after reading the whole request body. TCP_NODELAY is on
 * ({@code sun.net.httpserver.nodelay}), so no reply waits for a delayed ACK. Prints
 * {@code port N} on stdout once listening and stops when its stdin closes (when the parent dies).
 */
public final class CannedServer {
    /** Groups in the canned list page, each with {@link #ROLES_PER_GROUP} roles. */
    static final int GROUPS_PER_PAGE = 20;
    static final int ROLES_PER_GROUP = 5;
    static final long ADDED_ROLE_ID = 1507119999L;
    static final long FIRST_GROUP_ID = 1507113600L;

    private CannedServer() {
    }

    static byte[] listBody() {
        StringBuilder json = new StringBuilder("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"hasMore\":false,\"list\":[");
        long id = FIRST_GROUP_ID;
        for (int g = 0; g < GROUPS_PER_PAGE; g++) {
            long groupId = id++;
            if (g > 0) {
                json.append(',');
            }
            json.append("{\"groupId\":").append(groupId).append(",\"name\":\"Group ").append(g).append("\",\"roles\":[");
            for (int r = 0; r < ROLES_PER_GROUP; r++) {
                if (r > 0) {
                    json.append(',');
                }
                json.append("{\"id\":").append(id++).append(",\"name\":\"Role ").append(r).append("\"}");
            }
            json.append("]}");
        }
        json.append("]},\"request_id\":\"canned0list0\"}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] addRoleBody() {
        return ("{\"errcode\":0,\"errmsg\":\"ok\",\"roleId\":" + ADDED_ROLE_ID + ",\"request_id\":\"canned0add00\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        byte[] list = listBody();
        byte[] addRole = addRoleBody();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/topapi/role/list", exchange -> answer(exchange, list));
        server.createContext("/role/add_role", exchange -> answer(exchange, addRole));
        ExecutorService workers = Executors.newFixedThreadPool(4);
        server.setExecutor(workers);
        server.start();
        System.out.println("port " + server.getAddress().getPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the parent to close our stdin
        }
        server.stop(0);
        workers.shutdownNow();
    }

    private static void answer(HttpExchange exchange, byte[] body) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
