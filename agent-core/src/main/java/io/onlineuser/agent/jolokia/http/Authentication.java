package io.onlineuser.agent.jolokia.http;

import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpHeaders;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.jolokia.jvmagent.JolokiaServerConfig;
import org.jolokia.server.core.config.ConfigKey;

/**
 * Who may ask, as Jolokia's JVM agent configures it: a user and password (HTTP basic), a client
 * certificate (its subject matching one of the configured principals, if any, and with
 * {@code extendedClientCheck} made for client authentication), or both, each required. The TLS
 * handshake has already checked the certificate against the configured CA; this checks who it is.
 */
public final class Authentication {

    /** Also read by Jolokia's JVM agent and Hawtio, for when a browser must not see the credentials. */
    private static final String ALTERNATE_HEADER = "X-jolokia-authorization";
    private static final String CLIENT_AUTH_USAGE = "1.3.6.1.5.5.7.3.2";

    private final String challenge;
    private final byte[] credentials;
    private final boolean clientCertificates;
    private final List<LdapName> principals;
    private final boolean clientUsageRequired;

    private Authentication(String realm, String user, String password, boolean clientCertificates,
            List<LdapName> principals, boolean clientUsageRequired) {
        this.challenge = "Basic realm=\"" + realm + "\", charset=\"UTF-8\"";
        this.credentials = user == null ? null : (user + ":" + password).getBytes(StandardCharsets.UTF_8);
        this.clientCertificates = clientCertificates;
        this.principals = principals;
        this.clientUsageRequired = clientUsageRequired;
    }

    /** Anyone may ask. */
    public static Authentication none() {
        return new Authentication("jolokia", null, null, false, null, false);
    }

    /**
     * What {@code config} asks for: a {@code user} and {@code password}, and client certificates
     * ({@code useSslClientAuthentication} over HTTPS, {@code clientPrincipal}, {@code extendedClientCheck}).
     */
    public static Authentication of(JolokiaServerConfig config) {
        if (config.getJolokiaConfig().getConfig(ConfigKey.AUTH_CLASS) != null
                || !"basic".equalsIgnoreCase(config.getJolokiaConfig().getConfig(ConfigKey.AUTH_MODE))) {
            throw new IllegalArgumentException("only authMode=basic and client certificates are served here");
        }
        String user = config.getJolokiaConfig().getConfig(ConfigKey.USER);
        String password = config.getJolokiaConfig().getConfig(ConfigKey.PASSWORD);
        boolean basic = user != null;
        if (basic && password == null) {
            throw new IllegalArgumentException("a password must be set with the user '" + user + "'");
        }
        boolean certificates = config.useHttps() && config.useSslClientAuthentication();
        List<LdapName> principals = null;
        if (certificates && config.getClientPrincipals() != null) {
            principals = new ArrayList<>();
            for (String principal : config.getClientPrincipals()) {
                try {
                    principals.add(new LdapName(principal));
                } catch (InvalidNameException e) {
                    throw new IllegalArgumentException("client principal '" + principal + "' is not an X.500 name", e);
                }
            }
        }
        return new Authentication(config.getJolokiaConfig().getConfig(ConfigKey.REALM), basic ? user : null,
                password, certificates, principals, config.getExtendedClientCheck());
    }

    /**
     * Null when the request may be served; else the status to answer it with (403 for a
     * certificate that is not allowed, then 401 for missing or wrong credentials).
     */
    HttpResponseStatus refusal(HttpHeaders headers, SSLSession tls) {
        if (clientCertificates && !allowedCertificate(tls)) {
            return HttpResponseStatus.FORBIDDEN;
        }
        if (credentials != null && !rightCredentials(headers)) {
            return HttpResponseStatus.UNAUTHORIZED;
        }
        return null;
    }

    /** The {@code WWW-Authenticate} header of a 401 answer. */
    String challenge() {
        return challenge;
    }

    private boolean rightCredentials(HttpHeaders headers) {
        String header = headers.get("Authorization");
        if (header == null) {
            header = headers.get(ALTERNATE_HEADER);
        }
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        try {
            return MessageDigest.isEqual(credentials, Base64.getDecoder().decode(header.substring(6).trim()));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private boolean allowedCertificate(SSLSession tls) {
        if (tls == null) {
            return false;
        }
        try {
            Certificate[] chain = tls.getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate)) {
                return false;
            }
            X509Certificate client = (X509Certificate) chain[0];
            if (clientUsageRequired && (client.getExtendedKeyUsage() == null
                    || !client.getExtendedKeyUsage().contains(CLIENT_AUTH_USAGE))) {
                return false;
            }
            if (principals == null) {
                return true;
            }
            Set<Rdn> subject = new HashSet<>(new LdapName(client.getSubjectX500Principal().getName()).getRdns());
            for (LdapName principal : principals) {
                if (subject.containsAll(principal.getRdns())) {
                    return true;
                }
            }
            return false;
        } catch (SSLPeerUnverifiedException | CertificateParsingException | InvalidNameException e) {
            return false;
        }
    }
}
