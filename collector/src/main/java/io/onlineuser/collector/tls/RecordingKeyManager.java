package io.onlineuser.collector.tls;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The collector's client certificate (or none), and a note per agent of what its last request for a
 * client certificate got: the JDK asks the key manager exactly when a server requests a certificate.
 */
final class RecordingKeyManager extends X509ExtendedKeyManager {

    private final X509ExtendedKeyManager keys;
    private final Map<String, ClientTls.ClientCertificateRequest> requests;

    RecordingKeyManager(X509ExtendedKeyManager keys, Map<String, ClientTls.ClientCertificateRequest> requests) {
        this.keys = keys;
        this.requests = requests;
    }

    static String peer(String host, int port) {
        return host + ":" + port;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        String alias = keys == null ? null : keys.chooseEngineClientAlias(keyTypes, issuers, engine);
        record(peer(engine.getPeerHost(), engine.getPeerPort()), alias);
        return alias;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        String alias = keys == null ? null : keys.chooseClientAlias(keyTypes, issuers, socket);
        if (socket != null && socket.getRemoteSocketAddress() instanceof InetSocketAddress remote) {
            record(peer(remote.getHostString(), remote.getPort()), alias);
        }
        return alias;
    }

    private void record(String peer, String alias) {
        X509Certificate[] chain = alias == null ? null : keys.getCertificateChain(alias);
        String subject = chain == null || chain.length == 0 ? null : chain[0].getSubjectX500Principal().getName();
        requests.put(peer, new ClientTls.ClientCertificateRequest(alias != null, subject));
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return keys == null ? null : keys.getClientAliases(keyType, issuers);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return keys == null ? null : keys.getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return keys == null ? null : keys.getPrivateKey(alias);
    }

    /** The collector is never a TLS server. */
    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
