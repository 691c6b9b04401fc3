package io.github.dingtalkroles.dingtalk;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The Apache HttpClient 5 (classic) that a directory uses when it is given no client of its own, run by
 * Feign's {@code ApacheHttp5Client}:
 *
 * <ul>
 *   <li>a pool of keep-alive connections (up to {@value #MAX_PER_ROUTE} to DingTalk), checked before reuse
 *       after {@value #VALIDATE_AFTER_MS} ms idle (no background thread: idle connections are closed when
 *       found stale, or when the client is closed);</li>
 *   <li>no automatic retries and no redirects: a request is never sent twice by the transport (a POST that
 *       met a dropped connection or a 307/308 comes back to the directory, which reconciles writes);</li>
 *   <li>TLS through the JDK's trust store with host-name verification;</li>
 *   <li>each exchange bounded as a whole ({@link CallBudget}): connect, TLS handshake, request and the whole
 *       reply must fit in the request's response timeout, which the directory cuts to fit the operation's
 *       deadline. A server that drips bytes cannot hold a call past it.</li>
 * </ul>
 *
 * <p>Thread-safe; closed by the directory that made it.
 */
final class DefaultHttpClient {
    static final int MAX_PER_ROUTE = 20;
    static final int VALIDATE_AFTER_MS = 1000;

    private DefaultHttpClient() {
    }

    /**
     * @param connectTimeout the connect timeout (also cut by the call budget)
     * @param tls the TLS context, or {@code null} for the JDK's default trust
     */
    static CloseableHttpClient create(Duration connectTimeout, SSLContext tls) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(tls != null ? tls : SSLContexts.createDefault()))
                        .setMaxConnPerRoute(MAX_PER_ROUTE)
                        .setMaxConnTotal(2 * MAX_PER_ROUTE)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setValidateAfterInactivity(TimeValue.ofMilliseconds(VALIDATE_AFTER_MS))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .addExecInterceptorFirst("dingtalk-call-budget", new CallBudget())
                .build();
    }

    /**
     * Bounds one exchange, from taking a connection to the end of the reply's body, by the request's
     * response timeout: when it runs out, the connection is discarded (its socket closed), which ends any
     * blocking connect, handshake or read at once, and the call fails with a {@link SocketTimeoutException}.
     * Without it, the per-read timeouts of a socket would let a server that sends a byte now and then hold
     * a call for minutes.
     */
    static final class CallBudget implements ExecChainHandler {
        private static final ScheduledThreadPoolExecutor TIMER = timer();

        private static ScheduledThreadPoolExecutor timer() {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "dingtalk-call-budget");
                thread.setDaemon(true);
                return thread;
            });
            timer.setRemoveOnCancelPolicy(true);
            return timer;
        }

        @Override
        public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
                throws IOException, HttpException {
            Timeout budget = scope.clientContext.getRequestConfigOrDefault().getResponseTimeout();
            if (budget == null || budget.isDisabled()) {
                return chain.proceed(request, scope);
            }
            AtomicBoolean spent = new AtomicBoolean();
            ScheduledFuture<?> timer = TIMER.schedule(() -> {
                spent.set(true);
                scope.execRuntime.discardEndpoint();
            }, budget.toMilliseconds(), TimeUnit.MILLISECONDS);
            ClassicHttpResponse response;
            try {
                response = chain.proceed(request, scope);
            } catch (IOException e) {
                timer.cancel(false);
                throw spent.get() ? overBudget(budget, e) : e;
            } catch (HttpException | RuntimeException e) {
                timer.cancel(false);
                throw e;
            }
            HttpEntity entity = response.getEntity();
            if (entity == null) {
                timer.cancel(false);
                return response;
            }
            response.setEntity(new HttpEntityWrapper(entity) {
                @Override
                public InputStream getContent() throws IOException {
                    return new FilterInputStream(super.getContent()) {
                        @Override
                        public int read() throws IOException {
                            try {
                                return super.read();
                            } catch (IOException e) {
                                throw spent.get() ? overBudget(budget, e) : e;
                            }
                        }

                        @Override
                        public int read(byte[] b, int off, int len) throws IOException {
                            try {
                                return super.read(b, off, len);
                            } catch (IOException e) {
                                throw spent.get() ? overBudget(budget, e) : e;
                            }
                        }

                        @Override
                        public void close() throws IOException {
                            timer.cancel(false);
                            super.close();
                        }
                    };
                }

                @Override
                public void close() throws IOException {
                    timer.cancel(false);
                    super.close();
                }
            });
            return response;
        }

        private static SocketTimeoutException overBudget(Timeout budget, Exception cause) {
            SocketTimeoutException timeout = new SocketTimeoutException(
                    "the exchange did not complete within its time budget of " + budget.toMilliseconds() + " ms");
            timeout.initCause(cause);
            return timeout;
        }
    }
}
