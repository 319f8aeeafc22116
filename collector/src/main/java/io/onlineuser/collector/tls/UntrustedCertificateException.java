package io.onlineuser.collector.tls;

import java.security.cert.CertificateException;

/** The agent's certificate chain is not signed by a trusted CA (or is otherwise invalid: expired, ...). */
public final class UntrustedCertificateException extends CertificateException {
    private static final long serialVersionUID = 1L;

    UntrustedCertificateException(String message, Throwable cause) {
        super(message, cause);
    }
}
