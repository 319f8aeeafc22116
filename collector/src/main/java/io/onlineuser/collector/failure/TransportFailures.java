package io.onlineuser.collector.failure;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;

import io.onlineuser.collector.tls.ClientTls;
import io.onlineuser.collector.tls.HostNameMismatchException;
import io.onlineuser.collector.tls.UntrustedCertificateException;

/** What the connectors' HTTP client ({@code http.ConnectorHttp}) threw, or the HTTP status it got, as a {@link TransportFailure} of a known kind. */
public final class TransportFailures {

    private TransportFailures() {
    }

    public static TransportFailure of(IOException failure, URI url, ClientTls tls, long timeoutMillis) {
        if (Causes.find(failure, HttpTimeoutException.class) != null) {
            return new TransportFailure(FailureKind.TIMED_OUT, "no answer within " + timeoutMillis + " ms", failure);
        }
        UntrustedCertificateException untrusted = Causes.find(failure, UntrustedCertificateException.class);
        if (untrusted != null) {
            return new TransportFailure(FailureKind.TLS_UNTRUSTED, untrusted.getMessage(), failure);
        }
        HostNameMismatchException mismatch = Causes.find(failure, HostNameMismatchException.class);
        if (mismatch != null) {
            return new TransportFailure(FailureKind.TLS_HOST_MISMATCH, mismatch.getMessage(), failure);
        }
        SSLException ssl = Causes.find(failure, SSLException.class);
        if (Causes.find(failure, ConnectException.class) != null && ssl == null) {
            return new TransportFailure(FailureKind.REFUSED, null, failure);
        }
        if ("https".equalsIgnoreCase(url.getScheme())) {
            TransportFailure clientCertificate = clientCertificate(failure, url, tls);
            if (clientCertificate != null) {
                return clientCertificate;
            }
        }
        if (Causes.find(failure, UnknownHostException.class) != null || Causes.find(failure, NoRouteToHostException.class) != null) {
            return new TransportFailure(FailureKind.UNREACHABLE, Causes.rootMessage(failure), failure);
        }
        if (ssl != null) {
            return new TransportFailure(FailureKind.TLS_FAILED, Causes.rootMessage(ssl)
                    + ("https".equalsIgnoreCase(url.getScheme()) ? "" : " (is the agent https://?)"), failure);
        }
        if (Causes.find(failure, ProtocolException.class) != null) {
            return new TransportFailure(FailureKind.GARBAGE, "not HTTP (" + Causes.rootMessage(failure) + ")", failure);
        }
        return new TransportFailure(FailureKind.UNREACHABLE, Causes.rootMessage(failure), failure);
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
                + request.subject() + " (" + Causes.rootMessage(failure) + ")", failure);
    }

    public static TransportFailure httpStatus(int status) {
        return switch (status) {
            case 401 -> new TransportFailure(FailureKind.UNAUTHORIZED, "wrong or missing --user/--password", null);
            case 403 -> new TransportFailure(FailureKind.FORBIDDEN, "the server refuses this client", null);
            case 404 -> new TransportFailure(FailureKind.NOT_ONLINEUSER_AGENT, "HTTP 404, no Jolokia at this URL", null);
            default -> new TransportFailure(FailureKind.HTTP_ERROR, String.valueOf(status), null);
        };
    }
}
