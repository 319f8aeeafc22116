package io.onlineuser.agent.jolokia;

import io.onlineuser.agent.jolokia.http.ConnectionLimits;
import io.onlineuser.agent.jolokia.http.NettyHttpServer;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jolokia.jvmagent.JolokiaServerConfig;
import org.jolokia.jvmagent.security.KeyStoreUtil;

/**
 * Creates the HTTP(S) server for Jolokia: a {@link NettyHttpServer} under the endpoint's
 * {@link ConnectionLimits}, listening where Jolokia's configuration says. HTTPS takes the server key and certificate from a keystore, or from PEM files read by Jolokia's
 * {@code KeyStoreUtil}; with client authentication the handshake needs a client certificate signed
 * by the configured CA (the keystore's certificates, or {@code caCert}).
 */
final class EndpointServer {

    private EndpointServer() {
    }

    static NettyHttpServer create(JolokiaServerConfig config, ConnectionLimits limits)
            throws IOException, GeneralSecurityException {
        InetSocketAddress address = new InetSocketAddress(config.getAddress(), config.getPort());
        SSLContext tls = config.useHttps() ? tlsContext(config) : null;
        return NettyHttpServer.listen(address, config.getBacklog(), tls, config.useSslClientAuthentication(), limits,
                config.getThreadNamePrefix() + "http");
    }

    private static SSLContext tlsContext(JolokiaServerConfig config) throws IOException, GeneralSecurityException {
        char[] password = config.getKeystorePassword();
        KeyStore keys = KeyStore.getInstance(config.getKeyStoreType());
        if (config.getKeystore() != null) {
            try (InputStream in = new FileInputStream(config.getKeystore())) {
                keys.load(in, password);
            }
        } else {
            keys.load(null);
            KeyStoreUtil.updateWithServerPems(keys, new File(config.getServerCert()), new File(config.getServerKey()),
                    config.getServerKeyAlgorithm(), password);
        }
        if (config.getCaCert() != null) {
            KeyStoreUtil.updateWithCaPem(keys, new File(config.getCaCert()));
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, password);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(keys);
        SSLContext tls = SSLContext.getInstance(config.getSecureSocketProtocol());
        tls.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return tls;
    }
}
