package io.onlineuser.collector.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JDK's trust manager, with its verdict made specific: when a server's certificate fails, the
 * chain is checked again without the host-name check; if the chain alone is trusted, the failure was
 * the host name. Either way the exception thrown is of a type that says which
 * ({@link UntrustedCertificateException}, {@link HostNameMismatchException}).
 */
final class ClassifyingTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager trust;

    ClassifyingTrustManager(X509ExtendedTrustManager trust) {
        this.trust = trust;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        try {
            trust.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException failure) {
            throw classified(chain, authType, engine == null ? null : engine.getPeerHost(), failure);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        try {
            trust.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException failure) {
            throw classified(chain, authType, socket == null ? null : socket.getInetAddress().getHostAddress(), failure);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            trust.checkServerTrusted(chain, authType);
        } catch (CertificateException failure) {
            throw untrusted(chain, failure);
        }
    }

    private CertificateException classified(X509Certificate[] chain, String authType, String host,
            CertificateException failure) {
        try {
            trust.checkServerTrusted(chain, authType);
        } catch (CertificateException untrusted) {
            return untrusted(chain, untrusted);
        }
        return new HostNameMismatchException("the agent's certificate is for " + names(chain[0]) + ", not for " + host,
                failure);
    }

    private static UntrustedCertificateException untrusted(X509Certificate[] chain, CertificateException failure) {
        X509Certificate leaf = chain[0];
        return new UntrustedCertificateException("the agent's certificate (" + leaf.getSubjectX500Principal().getName()
                + ", issued by " + leaf.getIssuerX500Principal().getName() + ") is not trusted: give its CA with --cacert",
                failure);
    }

    private static String names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> alternative : alternatives) {
                    names.add(String.valueOf(alternative.get(1)));
                }
            }
        } catch (CertificateParsingException unreadable) {
            // fall back to the subject
        }
        return names.isEmpty() ? certificate.getSubjectX500Principal().getName() : String.join(", ", names);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        trust.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        trust.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        trust.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return trust.getAcceptedIssuers();
    }
}
