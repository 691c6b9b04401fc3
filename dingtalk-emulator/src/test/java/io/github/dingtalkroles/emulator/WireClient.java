package io.github.dingtalkroles.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A plain HTTP client for the emulator's wire protocol, as a test would use it. */
final class WireClient {
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** One HTTP answer. */
    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        long errcode() {
            return json().path("errcode").asLong(Long.MIN_VALUE);
        }

        String errmsg() {
            return json().path("errmsg").asText(null);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private Duration timeout = Duration.ofSeconds(20);
    private final Map<String, String> headers = new LinkedHashMap<>();

    WireClient(DingTalkEmulator emulator) {
        this.baseUrl = emulator.baseUrl();
    }

    WireClient withTimeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** Sends {@code name: value} with every request from now on. */
    WireClient withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** A token for the app, asserted to be issued. */
    String token(String appKey, String appSecret) {
        Answer answer = get("/gettoken?appkey=" + enc(appKey) + "&appsecret=" + enc(appSecret));
        assertThat(answer.errcode()).as(answer.body()).isZero();
        return answer.json().get("access_token").asText();
    }

    Answer get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    Answer postForm(String path, String token, Map<String, ?> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(String.valueOf(e.getValue())))
                .collect(Collectors.joining("&"));
        return post(withToken(path, token), "application/x-www-form-urlencoded;charset=utf-8", body);
    }

    Answer postJson(String path, String token, String json) {
        return post(withToken(path, token), "application/json;charset=UTF-8", json);
    }

    Answer post(String pathAndQuery, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    Answer send(String method, String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** Sends, letting an I/O failure (dropped connection, time-out) escape. */
    Answer sendOrThrow(HttpRequest.Builder request) throws IOException {
        try {
            headers.forEach(request::header);
            HttpResponse<String> response = http.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    HttpRequest.Builder postRequest(String path, String token, String json) {
        return HttpRequest.newBuilder(uri(withToken(path, token)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            return sendOrThrow(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private URI uri(String pathAndQuery) {
        return URI.create(baseUrl + pathAndQuery);
    }

    private static String withToken(String path, String token) {
        return token == null ? path : path + "?access_token=" + enc(token);
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Form fields in the order given. */
    static Map<String, Object> fields(Object... nameValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            fields.put((String) nameValues[i], nameValues[i + 1]);
        }
        return fields;
    }
}
