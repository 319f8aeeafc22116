package io.onlineuser.collector.jolokia;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;

/** What the JDK HTTP client threw, or the HTTP status it got, as a {@link TransportFailure} of a known kind. */
final class TransportFailures {

    private TransportFailures() {
    }

    static TransportFailure of(IOException failure, URI url, ClientTls tls, long timeoutMillis) {
        if (cause(failure, HttpTimeoutException.class) != null) {
            return new TransportFailure(FailureKind.TIMED_OUT, "no answer within " + timeoutMillis + " ms", failure);
        }
        ClassifyingTrustManager.UntrustedCertificateException untrusted =
                cause(failure, ClassifyingTrustManager.UntrustedCertificateException.class);
        if (untrusted != null) {
            return new TransportFailure(FailureKind.TLS_UNTRUSTED, untrusted.getMessage(), failure);
        }
        ClassifyingTrustManager.HostNameMismatchException mismatch =
                cause(failure, ClassifyingTrustManager.HostNameMismatchException.class);
        if (mismatch != null) {
            return new TransportFailure(FailureKind.TLS_HOST_MISMATCH, mismatch.getMessage(), failure);
        }
        SSLException ssl = cause(failure, SSLException.class);
        if (cause(failure, ConnectException.class) != null && ssl == null) {
            return new TransportFailure(FailureKind.REFUSED, null, failure);
        }
        if ("https".equalsIgnoreCase(url.getScheme())) {
            TransportFailure clientCertificate = clientCertificate(failure, url, tls);
            if (clientCertificate != null) {
                return clientCertificate;
            }
        }
        if (cause(failure, UnknownHostException.class) != null || cause(failure, NoRouteToHostException.class) != null) {
            return new TransportFailure(FailureKind.UNREACHABLE, rootMessage(failure), failure);
        }
        if (ssl != null) {
            return new TransportFailure(FailureKind.TLS_FAILED, rootMessage(ssl)
                    + ("https".equalsIgnoreCase(url.getScheme()) ? "" : " (is the agent https://?)"), failure);
        }
        if (cause(failure, ProtocolException.class) != null) {
            return new TransportFailure(FailureKind.GARBAGE, "not HTTP (" + rootMessage(failure) + ")", failure);
        }
        return new TransportFailure(FailureKind.UNREACHABLE, rootMessage(failure), failure);
    }

    /**
     * The agent asked for a client certificate in the handshake that failed: we had none to give,
     * or it refused the one we gave (TLS 1.3 tells the client so only after its side of the
     * handshake, as an alert or a closed connection on the first read).
     */
    private static TransportFailure clientCertificate(IOException failure, URI url, ClientTls tls) {
        ClientTls.ClientCertificateRequest request = tls.clientCertificateRequest(url);
        if (request == null) {
            return null;
        }
        if (!request.presented()) {
            if (tls.clientCertificate() != null) {
                return new TransportFailure(FailureKind.TLS_CLIENT_CERT_REFUSED, "the agent accepts client certificates"
                        + " of another CA than that of --cert (" + tls.clientCertificate() + ")", failure);
            }
            return new TransportFailure(FailureKind.TLS_CLIENT_CERT_MISSING,
                    "the agent requires a client certificate: give --cert and --key", failure);
        }
        return new TransportFailure(FailureKind.TLS_CLIENT_CERT_REFUSED, "the agent refused the client certificate "
                + request.subject() + " (" + rootMessage(failure) + ")", failure);
    }

    static TransportFailure httpStatus(int status) {
        return switch (status) {
            case 401 -> new TransportFailure(FailureKind.UNAUTHORIZED, "wrong or missing --user/--password", null);
            case 403 -> new TransportFailure(FailureKind.FORBIDDEN, "the server refuses this client", null);
            case 404 -> new TransportFailure(FailureKind.NOT_ONLINEUSER_AGENT, "HTTP 404, no Jolokia at this URL", null);
            default -> new TransportFailure(FailureKind.HTTP_ERROR, String.valueOf(status), null);
        };
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
