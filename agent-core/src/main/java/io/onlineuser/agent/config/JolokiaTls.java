package io.onlineuser.agent.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Jolokia over HTTPS: the server's key and certificate from PEM files ({@code jolokia.tls.cert},
 * {@code jolokia.tls.key}) or a keystore ({@code jolokia.tls.keystore}, PKCS12 or JKS, with
 * {@code jolokia.tls.keystorePassword[.file|.env]}); client certificates required with
 * {@code jolokia.tls.clientAuth=true}, checked against {@code jolokia.tls.ca} (PEM) or the
 * keystore's certificates, optionally only for the subjects in {@code jolokia.tls.clientPrincipal}
 * (e.g. {@code CN=collector}; several separated by {@code |}).
 *
 * <p>Settings that contradict each other keep Jolokia off rather than serve plain HTTP, or serve
 * to clients the operator meant to exclude.
 */
public final class JolokiaTls {

    static final String PREFIX = "jolokia.tls.";
    public static final String CERT = PREFIX + "cert";
    public static final String KEY = PREFIX + "key";
    public static final String CA = PREFIX + "ca";
    public static final String KEYSTORE = PREFIX + "keystore";
    public static final String KEYSTORE_PASSWORD = PREFIX + "keystorePassword";
    public static final String CLIENT_AUTH = PREFIX + "clientAuth";
    public static final String CLIENT_PRINCIPAL = PREFIX + "clientPrincipal";

    static final List<String> KEYS;

    static {
        List<String> keys = new ArrayList<>(Arrays.asList(CERT, KEY, CA, KEYSTORE, CLIENT_AUTH, CLIENT_PRINCIPAL));
        keys.addAll(SecretOption.keys(KEYSTORE_PASSWORD));
        KEYS = Collections.unmodifiableList(keys);
    }

    private final String cert;
    private final String key;
    private final String ca;
    private final String keystore;
    private final String keystorePassword;
    private final boolean clientAuth;
    private final List<String> clientPrincipals;

    private JolokiaTls(String cert, String key, String ca, String keystore, String keystorePassword,
            boolean clientAuth, List<String> clientPrincipals) {
        this.cert = cert;
        this.key = key;
        this.ca = ca;
        this.keystore = keystore;
        this.keystorePassword = keystorePassword;
        this.clientAuth = clientAuth;
        this.clientPrincipals = clientPrincipals;
    }

    /** Result of reading the TLS options: the settings (null for plain HTTP) or why Jolokia stays off. */
    static final class Parsed {
        final JolokiaTls tls;
        final String failure;

        private Parsed(JolokiaTls tls, String failure) {
            this.tls = tls;
            this.failure = failure;
        }
    }

    static Parsed parse(OptionValues values, SecretOption secrets, Consumer<String> problems) {
        String cert = values.text(CERT);
        String key = values.text(KEY);
        String ca = values.text(CA);
        String keystore = values.text(KEYSTORE);
        boolean clientAuth = values.bool(CLIENT_AUTH, false);
        String principals = values.text(CLIENT_PRINCIPAL);
        SecretOption.Value password = secrets.read(KEYSTORE_PASSWORD);
        if (cert == null && keystore == null) {
            if (key != null || ca != null || clientAuth || principals != null || password.given()) {
                return off("TLS options are set but neither '" + CERT + "' nor '" + KEYSTORE + "' is");
            }
            return new Parsed(null, null);
        }
        if (cert != null && keystore != null) {
            return off("'" + CERT + "' and '" + KEYSTORE + "' are alternatives; give one");
        }
        if (cert != null && key == null) {
            return off("'" + CERT + "' needs '" + KEY + "' (the PEM private key)");
        }
        if (password.failure != null) {
            return off(password.failure);
        }
        if (clientAuth && ca == null && keystore == null) {
            return off("'" + CLIENT_AUTH + "=true' needs '" + CA + "' (the CA that signs client certificates)");
        }
        if (principals != null && !clientAuth) {
            return off("'" + CLIENT_PRINCIPAL + "' needs '" + CLIENT_AUTH + "=true'");
        }
        List<String> allowed = new ArrayList<>();
        if (principals != null) {
            for (String principal : principals.split("\\|")) {
                if (!principal.trim().isEmpty()) {
                    allowed.add(principal.trim());
                }
            }
        }
        return new Parsed(new JolokiaTls(cert, key, ca, keystore, password.secret, clientAuth,
                Collections.unmodifiableList(allowed)), null);
    }

    private static Parsed off(String why) {
        return new Parsed(null, why + "; Jolokia stays off rather than serve without the TLS you asked for");
    }

    /** PEM certificate (chain) of the server, or null when a keystore is used. */
    public String cert() {
        return cert;
    }

    /** PEM private key of the server, or null when a keystore is used. */
    public String key() {
        return key;
    }

    /** PEM CA certificate(s) that client certificates must chain to, or null. */
    public String ca() {
        return ca;
    }

    /** Keystore with the server's key and certificate (and CA for clients), or null. */
    public String keystore() {
        return keystore;
    }

    /** Password of the keystore or PEM key, or null. Never shown: see {@link AgentOptions#asMap()}. */
    public String keystorePassword() {
        return keystorePassword;
    }

    /** True: the TLS handshake requires a client certificate signed by the CA. */
    public boolean clientAuth() {
        return clientAuth;
    }

    /** Subjects a client certificate must match (any of them); empty means any CA-signed certificate. */
    public List<String> clientPrincipals() {
        return clientPrincipals;
    }
}
