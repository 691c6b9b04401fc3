package io.github.dingtalkroles.benchmarks;

import com.dingtalk.api.DefaultDingTalkClient;
import com.dingtalk.api.request.OapiRoleAddRoleRequest;
import com.dingtalk.api.request.OapiRoleListRequest;
import com.dingtalk.api.response.OapiRoleAddRoleResponse;
import com.dingtalk.api.response.OapiRoleListResponse;
import com.taobao.api.ApiException;
import com.taobao.api.internal.util.TaobaoLogger;
import io.github.dingtalkroles.dingtalk.AccessToken;
import io.github.dingtalkroles.dingtalk.DingTalkRoleDirectory;
import io.github.dingtalkroles.domain.Role;
import io.github.dingtalkroles.domain.RoleGroupId;
import io.github.dingtalkroles.domain.RoleName;
import io.github.dingtalkroles.port.PageRequest;
import io.github.dingtalkroles.port.RoleDirectory;
import io.github.dingtalkroles.port.RoleGroupPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Item 1: the cost of one call to {@code /topapi/role/list} and {@code /role/add_role} through
 * (a) {@link DingTalkRoleDirectory} on its default client (Apache HttpClient 5 through feign-hc5),
 * (e) the same directory on feign-okhttp (the other stock client considered), (b) the official SDK 2.0.0
 * and (c) plain {@link HttpURLConnection}, with (d) the bare JDK {@link HttpClient} as a reference, all
 * against one {@link CannedServer} in a separate JVM. The clients take
 * turns in batches (round-robin, the starting client rotating each round) so that drift hits all
 * alike. Latency per call is {@code System.nanoTime()} around the call; allocation per call is the
 * growth of the bytes allocated by all threads of this JVM over a batch, divided by its calls
 * (the JDK HttpClient does its I/O on other threads); see {@link Stats#allocatedByAllThreads()}.
 *
 * <p>Arguments: {@code quick} for a short run. System properties, for looking into a result:
 * {@code percall.warmup} (warm-up calls per client in a full run, default 30,000: after 4,000 the
 * floor's p50 was still rising and ours falling a little; both were steady from 30,000 on) and
 * {@code percall.clients} (the letters of the clients to run, default {@code abcde}).
 */
public final class PerCallBenchmark {
    static final String TOKEN = "t";
    static final long GROUP_ID = CannedServer.FIRST_GROUP_ID;

    /** One way of making one call. */
    interface Client {
        String name();

        void call();
    }

    private PerCallBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = args.length > 0 && args[0].equals("quick");
        int warmup = quick ? 1_000 : Integer.getInteger("percall.warmup", 30_000);
        int rounds = quick ? 6 : 20;
        int batch = quick ? 250 : 500;
        TaobaoLogger.setNeedEnableLogger(false); // it would log every failed call's token

        try (ChildJvm server = ChildJvm.start(List.of("-Xmx256m", "-XX:+UseSerialGC"), CannedServer.class)) {
            String base = "http://127.0.0.1:" + server.await("port");
            RoleDirectory ours = DingTalkRoleDirectory.builder()
                    .baseUrl(base)
                    .accessToken(AccessToken.of(TOKEN))
                    .noRateLimit()
                    .build();
            RoleDirectory oursOnOkHttp = DingTalkRoleDirectory.builder()
                    .baseUrl(base)
                    .feignClient(new feign.okhttp.OkHttpClient(new okhttp3.OkHttpClient.Builder()
                            .retryOnConnectionFailure(false)
                            .followRedirects(false)
                            .build()))
                    .accessToken(AccessToken.of(TOKEN))
                    .noRateLimit()
                    .build();
            HttpClient jdk = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            DefaultDingTalkClient sdkList = new DefaultDingTalkClient(base + "/topapi/role/list");
            DefaultDingTalkClient sdkAdd = new DefaultDingTalkClient(base + "/role/add_role");
            URL plainList = new URL(base + "/topapi/role/list?access_token=" + TOKEN);
            URL plainAdd = new URL(base + "/role/add_role?access_token=" + TOKEN);

            List<Client> list = List.of(
                    client("a DingTalkRoleDirectory", () -> {
                        RoleGroupPage page = ours.listRoleGroups(PageRequest.first(CannedServer.GROUPS_PER_PAGE));
                        check(page.groups().size() == CannedServer.GROUPS_PER_PAGE, "ours: list");
                    }),
                    client("b official SDK 2.0.0", () -> {
                        OapiRoleListRequest request = new OapiRoleListRequest();
                        request.setSize((long) CannedServer.GROUPS_PER_PAGE);
                        request.setOffset(0L);
                        OapiRoleListResponse response = sdk(() -> sdkList.execute(request, TOKEN));
                        check(response.isSuccess()
                                && response.getResult().getList().size() == CannedServer.GROUPS_PER_PAGE, "sdk: list");
                    }),
                    client("c HttpURLConnection", () -> post(plainList, "size=20&offset=0")),
                    client("d JDK HttpClient (reference)", () -> send(jdk, plainList, "size=20&offset=0")),
                    client("e DingTalkRoleDirectory on feign-okhttp", () -> {
                        RoleGroupPage page = oursOnOkHttp.listRoleGroups(PageRequest.first(CannedServer.GROUPS_PER_PAGE));
                        check(page.groups().size() == CannedServer.GROUPS_PER_PAGE, "ours on okhttp: list");
                    }));
            List<Client> addRole = List.of(
                    client("a DingTalkRoleDirectory", () -> {
                        Role role = ours.addRole(RoleGroupId.of(GROUP_ID), RoleName.of("Recruiter"));
                        check(role.id().value() == CannedServer.ADDED_ROLE_ID, "ours: add_role");
                    }),
                    client("b official SDK 2.0.0", () -> {
                        OapiRoleAddRoleRequest request = new OapiRoleAddRoleRequest();
                        request.setGroupId(GROUP_ID);
                        request.setRoleName("Recruiter");
                        OapiRoleAddRoleResponse response = sdk(() -> sdkAdd.execute(request, TOKEN));
                        check(response.isSuccess() && response.getRoleId() == CannedServer.ADDED_ROLE_ID,
                                "sdk: add_role");
                    }),
                    client("c HttpURLConnection", () -> post(plainAdd, "roleName=Recruiter&groupId=" + GROUP_ID)),
                    client("d JDK HttpClient (reference)",
                            () -> send(jdk, plainAdd, "roleName=Recruiter&groupId=" + GROUP_ID)),
                    client("e DingTalkRoleDirectory on feign-okhttp", () -> {
                        Role role = oursOnOkHttp.addRole(RoleGroupId.of(GROUP_ID), RoleName.of("Recruiter"));
                        check(role.id().value() == CannedServer.ADDED_ROLE_ID, "ours on okhttp: add_role");
                    }));

            System.out.printf("### Per-call cost (%s; warm-up %,d calls per client, then %d rounds x %d calls per"
                    + " client, round-robin; allocation: %s)%n%n", quick ? "quick" : "full", warmup, rounds, batch,
                    Stats.allocationMethod());
            measure("POST /topapi/role/list (a page of 20 groups x 5 roles, "
                    + CannedServer.listBody().length + " bytes)", list, warmup, rounds, batch);
            measure("POST /role/add_role", addRole, warmup, rounds, batch);
        }
    }

    static void measure(String title, List<Client> all, int warmup, int rounds, int batch) {
        String only = System.getProperty("percall.clients", "abcde");
        List<Client> clients = all.stream().filter(c -> only.indexOf(c.name().charAt(0)) >= 0).toList();
        int n = clients.size();
        for (int i = 0; i < warmup; i++) {
            for (Client client : clients) {
                client.call();
            }
        }
        long[][] latencies = new long[n][rounds * batch];
        long[] busyNanos = new long[n];
        long[] allocated = new long[n];
        int[] count = new int[n];
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < n; k++) {
                int c = (round + k) % n;
                Client client = clients.get(c);
                long[] samples = latencies[c];
                int at = count[c];
                long bytesBefore = Stats.allocatedByAllThreads();
                long batchStart = System.nanoTime();
                for (int i = 0; i < batch; i++) {
                    long start = System.nanoTime();
                    client.call();
                    samples[at++] = System.nanoTime() - start;
                }
                busyNanos[c] += System.nanoTime() - batchStart;
                allocated[c] += Stats.allocatedByAllThreads() - bytesBefore;
                count[c] = at;
            }
        }
        long[] p50 = new long[n];
        long[] p99 = new long[n];
        double[] perSecond = new double[n];
        double[] bytesPerCall = new double[n];
        System.out.println("#### " + title);
        System.out.println();
        System.out.println("| client | p50 µs | p99 µs | calls/s | bytes allocated per call |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        for (int c = 0; c < n; c++) {
            long[] sorted = Stats.sorted(latencies[c], count[c]);
            p50[c] = Stats.percentile(sorted, 50);
            p99[c] = Stats.percentile(sorted, 99);
            perSecond[c] = count[c] / (busyNanos[c] / 1e9);
            bytesPerCall[c] = (double) allocated[c] / count[c];
            System.out.printf("| %s | %s | %s | %s | %s |%n", clients.get(c).name(), Stats.micros(p50[c]),
                    Stats.micros(p99[c]), Stats.number(perSecond[c]), Stats.number(bytesPerCall[c]));
        }
        System.out.println();
        System.out.println("| ratio | p50 | p99 | calls/s | bytes/call |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        for (int other = 1; other < n; other++) {
            char letter = clients.get(other).name().charAt(0);
            System.out.printf("| a/%s | %s | %s | %s | %s |%n", letter, Stats.ratio((double) p50[0] / p50[other]),
                    Stats.ratio((double) p99[0] / p99[other]), Stats.ratio(perSecond[0] / perSecond[other]),
                    Stats.ratio(bytesPerCall[0] / bytesPerCall[other]));
        }
        int sdk = indexOf(clients, 'b');
        int okhttp = indexOf(clients, 'e');
        if (sdk >= 0 && okhttp >= 0) {
            System.out.printf("| e/b | %s | %s | %s | %s |%n", Stats.ratio((double) p50[okhttp] / p50[sdk]),
                    Stats.ratio((double) p99[okhttp] / p99[sdk]), Stats.ratio(perSecond[okhttp] / perSecond[sdk]),
                    Stats.ratio(bytesPerCall[okhttp] / bytesPerCall[sdk]));
        }
        System.out.println();
        System.out.flush();
    }

    private static int indexOf(List<Client> clients, char letter) {
        for (int i = 0; i < clients.size(); i++) {
            if (clients.get(i).name().charAt(0) == letter) {
                return i;
            }
        }
        return -1;
    }

    private static Client client(String name, Runnable call) {
        return new Client() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void call() {
                call.run();
            }
        };
    }

    @FunctionalInterface
    private interface SdkCall<T> {
        T execute() throws ApiException;
    }

    private static <T> T sdk(SdkCall<T> call) {
        try {
            return call.execute();
        } catch (ApiException e) {
            throw new IllegalStateException("the SDK failed", e);
        }
    }

    /** The floor: posts a form and reads the whole body, nothing else. */
    static byte[] post(URL url, String form) {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        try {
            HttpURLConnection connection = (HttpURLConnection) url.openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded;charset=utf-8");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            check(connection.getResponseCode() == 200, "plain: status");
            try (InputStream in = connection.getInputStream()) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The floor of a's transport: the JDK client posts a form and reads the whole body. */
    static byte[] send(HttpClient client, URL url, String form) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url.toURI())
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            check(response.statusCode() == 200, "jdk: status");
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("unexpected answer: " + what);
        }
    }
}
