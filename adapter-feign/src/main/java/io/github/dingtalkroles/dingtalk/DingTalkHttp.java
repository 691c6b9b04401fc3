package io.github.dingtalkroles.dingtalk;

import feign.Client;
import feign.Feign;
import feign.FeignException;
import feign.Logger;
import feign.Request;
import feign.RequestInterceptor;
import feign.Retryer;
import feign.codec.DecodeException;
import io.github.dingtalkroles.port.BackendDiagnostics;
import io.github.dingtalkroles.port.RoleDirectoryException;
import io.github.dingtalkroles.port.UnavailableException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * The Feign side of the adapter: builds the Feign targets ({@link DingTalkApi}, {@link TokenApi}) on one
 * HTTP client with the DingTalk {@link FormUrlEncoder}, {@link DingTalkDecoder}, {@link DingTalkErrorDecoder},
 * the {@link RedactingLogger} and {@link Retryer#NEVER_RETRY} (retries, the deadline and the rate limit are
 * Failsafe's, in {@link Attempts} and {@link RoleCalls}, outside the Feign call), and makes each call with
 * timeouts cut to the operation's deadline, turning whatever the call throws into an {@link AttemptFailed}
 * that says whether the request may have reached DingTalk. Thread-safe.
 */
final class DingTalkHttp {
    private final Client client;
    private final boolean logTraffic;
    private final String baseUrl;
    private final long connectTimeoutMillis;
    private final Duration readTimeout;
    private final DingTalkMetrics metrics;

    /**
     * @param baseUrl DingTalk's base URL, {@code http} or {@code https}
     * @param client the Feign client that carries the requests
     * @param connectTimeout how long to wait for a connection
     * @param readTimeout how long one exchange may take; with the {@link DefaultHttpClient} it bounds the
     *     whole exchange
     * @param logTraffic whether to log requests and replies (redacted) at DEBUG
     * @param metrics told of every call
     */
    DingTalkHttp(URI baseUrl, Client client, Duration connectTimeout, Duration readTimeout, boolean logTraffic,
            DingTalkMetrics metrics) {
        this.client = client;
        this.logTraffic = logTraffic;
        String url = baseUrl.toString();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.connectTimeoutMillis = connectTimeout.toMillis();
        this.readTimeout = readTimeout;
        this.metrics = metrics;
    }

    DingTalkMetrics metrics() {
        return metrics;
    }

    /** The role endpoints, each request carrying a token from {@code tokens}. */
    DingTalkApi roleApi(RequestInterceptor tokens) {
        return feign().requestInterceptor(tokens).target(DingTalkApi.class, baseUrl);
    }

    /** The token endpoint. */
    TokenApi tokenApi() {
        return feign().target(TokenApi.class, baseUrl);
    }

    private Feign.Builder feign() {
        return Feign.builder()
                .client(client)
                .encoder(new FormUrlEncoder())
                .decoder(new DingTalkDecoder())
                .errorDecoder(new DingTalkErrorDecoder())
                .retryer(Retryer.NEVER_RETRY)
                .logger(new RedactingLogger())
                .logLevel(logTraffic ? Logger.Level.FULL : Logger.Level.NONE);
    }

    /**
     * Makes one Feign call and returns its decoded reply.
     *
     * @param operation the endpoint, for messages
     * @param deadline the operation's deadline; the timeouts are cut to fit it
     * @param call the Feign call, given the request options to use
     * @param secrets values to keep out of exception messages
     * @throws AttemptFailed if no usable reply came back
     */
    <T> T send(String operation, Deadline deadline, Function<Request.Options, T> call, String... secrets) {
        long start = System.nanoTime();
        try {
            T reply = exchange(operation, deadline, call, secrets);
            metrics.call(operation, Duration.ofNanos(System.nanoTime() - start), "success", "0");
            return reply;
        } catch (AttemptFailed failed) {
            metrics.call(operation, Duration.ofNanos(System.nanoTime() - start),
                    DingTalkErrors.outcomeTag(failed.reported()),
                    DingTalkErrors.errcodeTag(failed.reported().diagnostics().codeIfPresent().orElse(null)));
            throw failed;
        }
    }

    private <T> T exchange(String operation, Deadline deadline, Function<Request.Options, T> call,
            String... secrets) {
        long remaining = deadline.remaining().toMillis();
        if (remaining < 1) {
            throw AttemptFailed.giveUp(new UnavailableException(operation
                    + " was not sent: the operation's deadline has passed", true, false, BackendDiagnostics.NONE, null));
        }
        Request.Options options = new Request.Options(Math.min(connectTimeoutMillis, remaining), TimeUnit.MILLISECONDS,
                Math.min(readTimeout.toMillis(), remaining), TimeUnit.MILLISECONDS, false);
        try {
            return call.apply(options);
        } catch (AttemptFailed | RoleDirectoryException e) {
            throw e instanceof RoleDirectoryException failure ? AttemptFailed.of(failure) : (AttemptFailed) e;
        } catch (DecodeException e) {
            if (e.getCause() instanceof AttemptFailed failed) {
                throw failed;
            }
            throw AttemptFailed.giveUp(new UnavailableException("could not read DingTalk's reply to " + operation,
                    false, false, BackendDiagnostics.NONE, RedactedCause.of(e.getCause(), secrets)));
        } catch (FeignException e) {
            if (e.getCause() instanceof IOException io) {
                throw transportFailure(operation, io, secrets);
            }
            throw AttemptFailed.giveUp(new UnavailableException("could not send " + operation + " to DingTalk",
                    false, false, BackendDiagnostics.NONE, RedactedCause.of(e, secrets)));
        } catch (RuntimeException e) {
            throw AttemptFailed.giveUp(new UnavailableException("could not send " + operation + " to DingTalk",
                    false, false, BackendDiagnostics.NONE, RedactedCause.of(e, secrets)));
        }
    }

    private static AttemptFailed transportFailure(String operation, IOException failure, String... secrets) {
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
        String what = failure instanceof InterruptedIOException
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

    /**
     * Whether the failure happened before the request could be sent, so it cannot have reached the server:
     * refused or timed-out connects, unknown hosts, and TLS handshakes that failed (the request is written
     * only after the handshake), as the stock clients report them. A refused certificate is told apart
     * before ({@link #certificateRefused}); a time budget that ran out is never counted here.
     */
    static boolean neverSent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof ConnectTimeoutException
                    || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || t instanceof SSLHandshakeException) {
                return true;
            }
            if (t instanceof SocketTimeoutException) {
                return false;
            }
        }
        return false;
    }
}
