package io.onlineuser.agent.jolokia;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.jolokia.jvmagent.JolokiaServerConfig;
import org.jolokia.jvmagent.security.KeyStoreUtil;

/**
 * Creates the JDK HTTP(S) server for Jolokia, as Jolokia's own agent would, but with the
 * {@link RequestGuard} as its executor and the {@link RequestReadFilter} in front of Jolokia.
 * HTTPS takes the server key and certificate from a keystore, or from PEM files read by Jolokia's
 * {@code KeyStoreUtil}; with client authentication the handshake needs a client certificate signed
 * by the configured CA (the keystore's certificates, or {@code caCert}).
 */
final class EndpointServer {

    private EndpointServer() {
    }

    static HttpServer create(JolokiaServerConfig config, RequestGuard guard)
            throws IOException, GeneralSecurityException {
        InetSocketAddress address = new InetSocketAddress(config.getAddress(), config.getPort());
        HttpServer server;
        if (config.useHttps()) {
            SSLContext tls = tlsContext(config);
            HttpsServer https = HttpsServer.create(address, config.getBacklog());
            https.setHttpsConfigurator(new Configurator(tls, config.useSslClientAuthentication()));
            server = https;
        } else {
            server = HttpServer.create(address, config.getBacklog());
        }
        server.setExecutor(guard);
        return new FilteringHttpServer(server, new RequestReadFilter(guard));
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

    /** The context's default protocols and ciphers; a client certificate required when asked for. */
    private static final class Configurator extends HttpsConfigurator {
        private final boolean clientCertificates;

        Configurator(SSLContext context, boolean clientCertificates) {
            super(context);
            this.clientCertificates = clientCertificates;
        }

        @Override
        public void configure(HttpsParameters params) {
            SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
            parameters.setNeedClientAuth(clientCertificates);
            params.setSSLParameters(parameters);
        }
    }
}
