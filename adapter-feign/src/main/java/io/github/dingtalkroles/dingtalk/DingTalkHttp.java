package io.github.dingtalkroles.dingtalk;

import feign.Client;
import feign.Feign;
import feign.FeignException;
import feign.Logger;
import feign.Request;
import feign.Response;
import feign.Retryer;
import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.UnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * One HTTP exchange with DingTalk through Feign: sends a request with a read timeout that never
 * passes the operation's deadline, reads the whole body, and turns every transport failure into an
 * {@link AttemptFailed} that says whether the request may have reached DingTalk. Feign's own retries
 * are off; {@link Attempts} decides about retries. Thread-safe; one instance can serve several
 * directories and their token sources.
 */
final class DingTalkHttp {
    /** Replies larger than this are refused rather than buffered. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final DingTalkApi api;
    private final long connectTimeoutMillis;
    private final Duration readTimeout;
    private final boolean followRedirects;

    private DingTalkHttp(DingTalkApi api, long connectTimeoutMillis, Duration readTimeout, boolean followRedirects) {
        this.api = api;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.readTimeout = readTimeout;
        this.followRedirects = followRedirects;
    }

    /**
     * @param baseUrl DingTalk's base URL, {@code http} or {@code https}
     * @param sharedClient a JDK client to share, or {@code null} for this adapter's own
     *     {@link SocketTransport} (HTTP/1.1, no redirects)
     * @param connectTimeout the connect timeout of the own transport (a shared client keeps its own)
     * @param readTimeout how long to wait for a reply to one request
     * @param logTraffic whether to log requests and replies (redacted) at DEBUG
     */
    static DingTalkHttp create(URI baseUrl, HttpClient sharedClient, Duration connectTimeout, Duration readTimeout,
            boolean logTraffic) {
        Client transport;
        long connectMillis;
        boolean redirects;
        if (sharedClient == null) {
            transport = new SocketTransport();
            connectMillis = connectTimeout.toMillis();
            redirects = false;
        } else {
            // The options Feign hands to the transport match the client's own connect timeout and
            // redirect policy; the transport uses the client as it is, so it is really shared.
            transport = new JdkHttpTransport(sharedClient);
            connectMillis = sharedClient.connectTimeout().orElseThrow(() -> new IllegalArgumentException(
                    "the shared HttpClient needs a connect timeout (HttpClient.Builder.connectTimeout)")).toMillis();
            redirects = sharedClient.followRedirects() == HttpClient.Redirect.ALWAYS;
        }
        DingTalkApi api = Feign.builder()
                .client(transport)
                .encoder(new FormUrlEncoder())
                .retryer(Retryer.NEVER_RETRY)
                .logger(new RedactingLogger())
                .logLevel(logTraffic ? Logger.Level.FULL : Logger.Level.NONE)
                .options(new Request.Options(connectMillis, TimeUnit.MILLISECONDS, readTimeout.toMillis(),
                        TimeUnit.MILLISECONDS, redirects))
                .target(DingTalkApi.class, stripTrailingSlash(baseUrl.toString()));
        return new DingTalkHttp(api, connectMillis, readTimeout, redirects);
    }

    DingTalkApi api() {
        return api;
    }

    /**
     * Sends one request and reads its reply: the envelope, and the endpoint's fields into {@code reader}, in
     * one pass.
     *
     * @param operation the endpoint, for messages
     * @param deadline the operation's deadline; the read timeout is cut to fit it
     * @param send the Feign call, given the request options to use
     * @param reader the endpoint's reader of a success body, fresh for this reply
     * @param secrets values to keep out of exception messages
     * @throws AttemptFailed if no reply could be read
     */
    Reply exchange(String operation, Deadline deadline, Function<Request.Options, Response> send,
            BodyReader<?> reader, String... secrets) {
        long readMillis = Math.min(readTimeout.toMillis(), deadline.remaining().toMillis());
        if (readMillis < 1) {
            throw AttemptFailed.giveUp(new UnavailableException(operation
                    + " was not sent: the operation's deadline has passed", true, false, BackendDiagnostics.NONE, null));
        }
        Request.Options options = new Request.Options(connectTimeoutMillis, TimeUnit.MILLISECONDS, readMillis,
                TimeUnit.MILLISECONDS, followRedirects);
        Response response;
        try {
            response = send.apply(options);
        } catch (FeignException e) {
            throw transportFailure(operation, e.getCause() != null ? e.getCause() : e, secrets);
        } catch (RuntimeException e) {
            throw AttemptFailed.giveUp(new UnavailableException("could not send " + operation + " to DingTalk",
                    false, false, BackendDiagnostics.NONE, RedactedCause.of(e, secrets)));
        }
        try (Response closing = response; InputStream in = closing.body() == null ? null : closing.body().asInputStream()) {
            byte[] body = in == null ? new byte[0] : readBody(in, contentLength(closing));
            if (body.length > MAX_BODY_BYTES) {
                throw AttemptFailed.giveUpAmbiguous(new UnavailableException("DingTalk's reply to " + operation
                        + " is larger than " + MAX_BODY_BYTES + " bytes", false, false, BackendDiagnostics.NONE, null));
            }
            return Reply.of(closing.status(), body, reader);
        } catch (IOException e) {
            throw transportFailure(operation, e, secrets);
        }
    }

    /** The reply's Content-Length, or {@code null} if it has none or not one number. */
    private static Integer contentLength(Response response) {
        Collection<String> values = response.headers().get("Content-Length");
        if (values == null || values.size() != 1) {
            return null;
        }
        try {
            long length = Long.parseLong(values.iterator().next().trim());
            return length >= 0 && length <= Integer.MAX_VALUE ? (int) length : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The whole body, or {@link #MAX_BODY_BYTES} + 1 bytes of it; sized from Content-Length when given. */
    private static byte[] readBody(InputStream in, Integer contentLength) throws IOException {
        if (contentLength == null || contentLength < 0 || contentLength > MAX_BODY_BYTES) {
            return in.readNBytes(MAX_BODY_BYTES + 1);
        }
        byte[] body = new byte[contentLength];
        int read = in.readNBytes(body, 0, contentLength);
        return read == contentLength ? body : Arrays.copyOf(body, read);
    }

    private static AttemptFailed transportFailure(String operation, Throwable failure, String... secrets) {
        RedactedCause cause = RedactedCause.of(failure, secrets);
        if (certificateRefused(failure)) {
            // a certificate that is not trusted or does not name the host will not change on a retry
            return AttemptFailed.giveUp(new UnavailableException("DingTalk's TLS certificate was refused for "
                    + operation + " (untrusted, expired, or not issued for the host)", false, false,
                    BackendDiagnostics.NONE, cause));
        }
        if (neverSent(failure)) {
            return AttemptFailed.backOff(new UnavailableException("could not connect to DingTalk for " + operation,
                    true, false, BackendDiagnostics.NONE, cause), false);
        }
        String what = failure instanceof HttpTimeoutException || failure instanceof SocketTimeoutException
                ? "timed out waiting for DingTalk's reply to " + operation
                : "the connection to DingTalk failed during " + operation;
        return AttemptFailed.backOff(new UnavailableException(what, true, false, BackendDiagnostics.NONE, cause), true);
    }

    /** Whether the failure is the refusal of the server's TLS certificate. */
    static boolean certificateRefused(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CertificateException || t instanceof SSLPeerUnverifiedException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure happened before the request could reach the server (no connection was made). */
    static boolean neverSent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NotSentException || t instanceof ConnectException || t instanceof HttpConnectTimeoutException
                    || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
