package io.onlineuser.collector.failure;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;

import org.jolokia.client.exception.JolokiaConnectException;
import org.jolokia.client.exception.JolokiaException;
import org.jolokia.client.exception.JolokiaRemoteException;
import org.jolokia.client.exception.JolokiaTimeoutException;

/**
 * Turns what jolokia-client-java throws into a {@link ConnectorException} with a {@link FailureKind}.
 * The transport's own failures (refused, timed out, HTTP status, not JSON, TLS) arrive typed as a
 * {@link TransportFailure}; what is left is the client library's checks of the answer's shape, which
 * it reports only as message text; the unit tests pin each case against a real local socket.
 */
public final class FailureClassifier {

    private FailureClassifier() {
    }

    public static ConnectorException classify(Throwable failure, long timeoutMillis) {
        if (failure instanceof ConnectorException known) {
            return known;
        }
        if (failure instanceof TransportFailure transport) {
            return transport.failure();
        }
        if (failure instanceof JolokiaTimeoutException || Causes.has(failure, HttpTimeoutException.class)) {
            return new ConnectorException(FailureKind.TIMED_OUT, "no answer within " + timeoutMillis + " ms", failure);
        }
        if (failure instanceof JolokiaConnectException || Causes.has(failure, ConnectException.class)) {
            return new ConnectorException(FailureKind.REFUSED, null, failure);
        }
        if (Causes.has(failure, UnknownHostException.class) || Causes.has(failure, NoRouteToHostException.class)) {
            return new ConnectorException(FailureKind.UNREACHABLE, Causes.rootMessage(failure), failure);
        }
        if (failure instanceof JolokiaRemoteException remote) {
            return remote(remote);
        }
        String message = String.valueOf(failure.getMessage());
        if (message.contains("Error parsing") || message.contains("Invalid JSON response")
                || message.contains("is invalid (expected") || Causes.has(failure, ProtocolException.class)
                || message.contains("status line") || message.contains("header")) {
            return new ConnectorException(FailureKind.GARBAGE, "not a Jolokia JSON answer (" + Causes.rootMessage(failure) + ")", failure);
        }
        if (failure instanceof JolokiaException && failure.getCause() != null) {
            return new ConnectorException(FailureKind.UNREACHABLE, Causes.rootMessage(failure), failure);
        }
        if (failure instanceof ClassCastException || failure instanceof NullPointerException
                || failure instanceof IllegalArgumentException) {
            return new ConnectorException(FailureKind.NOT_ONLINEUSER_AGENT,
                    "unexpected answer shape (" + failure.getMessage() + ")", failure);
        }
        return new ConnectorException(FailureKind.GARBAGE, Causes.rootMessage(failure), failure);
    }

    /**
     * An error object where a Jolokia answer was expected. The client also reports a body that is
     * not JSON, or JSON without Jolokia's {@code status}, this way; those are not agent errors.
     */
    public static ConnectorException remote(JolokiaRemoteException remote) {
        String errorType = String.valueOf(remote.getErrorType());
        if (errorType.contains("ParseException")) {
            return new ConnectorException(FailureKind.GARBAGE, "not a Jolokia JSON answer", remote);
        }
        if (remote.getResponse() != null && !remote.getResponse().containsKey("status")) {
            return new ConnectorException(FailureKind.NOT_ONLINEUSER_AGENT, "JSON, but not a Jolokia answer", remote);
        }
        return remoteStatus(remote.getStatus(), errorType + " " + remote.getMessage(), remote);
    }

    /** A Jolokia error object inside an HTTP 200 answer: 404 means the MBean is not there. */
    private static ConnectorException remoteStatus(int status, String message, Throwable cause) {
        return switch (status) {
            case 404 -> new ConnectorException(FailureKind.NOT_ONLINEUSER_AGENT,
                    "no onlineuser MBeans there (" + message + ")", cause);
            case 403 -> new ConnectorException(FailureKind.FORBIDDEN, "refused by the agent's policy (" + message + ")", cause);
            case 401 -> new ConnectorException(FailureKind.UNAUTHORIZED, message, cause);
            default -> new ConnectorException(FailureKind.REMOTE_ERROR, "status " + status + ": " + message, cause);
        };
    }
}
