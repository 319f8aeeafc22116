package io.onlineuser.collector.tls;

import java.security.cert.CertificateException;

/** The agent's certificate chain is trusted but issued for other names than the host the collector asked. */
public final class HostNameMismatchException extends CertificateException {
    private static final long serialVersionUID = 1L;

    HostNameMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
