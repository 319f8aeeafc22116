package io.onlineuser.collector.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The collector's side of HTTPS to the agents: which CAs it trusts ({@code --cacert}, else the JDK's
 * default trust store) and the client certificate it presents ({@code --cert}/{@code --key}). Its
 * trust and key managers wrap the JDK's own and remember what went wrong, so that a failed handshake
 * is reported as what it was — untrusted certificate, host-name mismatch, client certificate missing
 * or refused — without reading exception messages.
 */
public final class ClientTls {

    private final Supplier<SSLContext> makeContext;
    private volatile SSLContext context;
    private final String clientCertificate;
    /** Per {@code host:port}: what the last handshake that asked for a client certificate got from us. */
    private final Map<String, ClientCertificateRequest> requests = new ConcurrentHashMap<>();

    private ClientTls(KeyStore trusted, KeyStore clientKey, char[] keyPassword) throws GeneralSecurityException {
        this.clientCertificate = describe(clientKey);
        SSLContext checked = context(trusted, clientKey, keyPassword);
        this.makeContext = () -> checked;
    }

    /**
     * Without files, nothing to check: the JDK's TLS provider and trust store, ~300 ms of a fresh
     * {@code onlineuser-collector online}, are loaded when a first {@code https://} agent is asked.
     */
    private ClientTls() {
        this.clientCertificate = null;
        this.makeContext = () -> {
            try {
                return context(null, null, null);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK's default TLS set-up cannot be loaded: " + e, e);
            }
        };
    }

    private SSLContext context(KeyStore trusted, KeyStore clientKey, char[] keyPassword) throws GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        X509ExtendedKeyManager keys = null;
        if (clientKey != null) {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(clientKey, keyPassword);
            keys = (X509ExtendedKeyManager) factory.getKeyManagers()[0];
        }
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(new javax.net.ssl.KeyManager[] {new RecordingKeyManager(keys, requests)},
                new TrustManager[] {new ClassifyingTrustManager(firstExtended(trust.getTrustManagers()))}, null);
        return tls;
    }

    /** The JDK's default trust store, no client certificate. */
    public static ClientTls systemDefault() {
        return new ClientTls();
    }

    /**
     * Trusts the CA certificates in {@code caCert} (PEM; null: the JDK's default trust store) and,
     * when {@code cert} and {@code key} are given, presents that client certificate (PEM chain and
     * an unencrypted PKCS#8 PEM key). A file that cannot be used is an {@link IllegalArgumentException}
     * naming it and why.
     */
    public static ClientTls of(Path caCert, Path cert, Path key) {
        if ((cert == null) != (key == null)) {
            throw new IllegalArgumentException("--cert and --key go together: give both or neither");
        }
        try {
            KeyStore trusted = null;
            if (caCert != null) {
                trusted = emptyStore();
                int i = 0;
                for (Certificate ca : Pem.certificates(caCert)) {
                    trusted.setCertificateEntry("ca-" + i++, ca);
                }
            }
            KeyStore clientKey = null;
            char[] password = new char[0];
            if (cert != null) {
                Collection<? extends Certificate> chain = Pem.certificates(cert);
                PrivateKey privateKey = Pem.privateKey(key);
                clientKey = emptyStore();
                clientKey.setKeyEntry("client", privateKey, password, chain.toArray(new Certificate[0]));
            }
            return new ClientTls(trusted, clientKey, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("TLS files cannot be used: " + e.getMessage(), e);
        }
    }

    /** The TLS context of every {@code https://} connection; made at the first call. */
    public SSLContext context() {
        SSLContext made = context;
        if (made == null) {
            synchronized (this) {
                made = context;
                if (made == null) {
                    made = makeContext.get();
                    context = made;
                }
            }
        }
        return made;
    }

    /** Subject and issuer of the client certificate, or null without one. */
    public String clientCertificate() {
        return clientCertificate;
    }

    private static String describe(KeyStore clientKey) throws GeneralSecurityException {
        if (clientKey == null) {
            return null;
        }
        X509Certificate certificate = (X509Certificate) clientKey.getCertificate("client");
        return certificate.getSubjectX500Principal().getName() + ", issued by "
                + certificate.getIssuerX500Principal().getName();
    }

    /** What the last handshake with {@code url}'s host and port that asked for a client certificate got; null if none asked. */
    public ClientCertificateRequest clientCertificateRequest(URI url) {
        return requests.get(RecordingKeyManager.peer(url.getHost(), port(url)));
    }

    /** After an answer: whatever its last handshake asked for went well. */
    public void answered(URI url) {
        if (!requests.isEmpty()) {
            requests.remove(RecordingKeyManager.peer(url.getHost(), port(url)));
        }
    }

    private static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load((InputStream) null, null);
        return store;
    }

    private static X509ExtendedTrustManager firstExtended(TrustManager[] managers) {
        for (TrustManager manager : managers) {
            if (manager instanceof X509ExtendedTrustManager extended) {
                return extended;
            }
        }
        throw new IllegalStateException("the JDK has no X.509 trust manager");
    }

    /** What a handshake that asked for a client certificate got from the collector. */
    public record ClientCertificateRequest(boolean presented, String subject) {
    }
}
