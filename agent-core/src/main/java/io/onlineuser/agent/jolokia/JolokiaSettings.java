package io.onlineuser.agent.jolokia;

import io.onlineuser.agent.config.AgentOptions;
import io.onlineuser.agent.config.JolokiaTls;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Agent options translated into Jolokia's configuration keys. */
final class JolokiaSettings {

    static final String POLICY = "classpath:/onlineuser/jolokia-access.xml";
    static final String POLICY_WITH_KICK = "classpath:/onlineuser/jolokia-access-kick.xml";

    private JolokiaSettings() {
    }

    static Map<String, String> from(AgentOptions options) {
        Map<String, String> config = new HashMap<>();
        config.put("host", options.jolokiaHost());
        config.put("port", String.valueOf(options.jolokiaPort()));
        config.put("agentContext", "/jolokia");
        // the default id is the same in every JVM; clients tell connectors apart by it
        config.put("agentId", options.serverId());
        config.put("agentDescription", "onlineuser agent (" + options.serverType() + ")");
        config.put("policyLocation", policyLocation(options));
        config.put("discoveryEnabled", "false");
        config.put("disableDetectors", "true");
        config.put("includeStackTrace", "false");
        config.put("serializeException", "false");
        config.put("historyMaxEntries", "0");
        config.put("debug", "false");
        config.put("threadNamePrefix", "onlineuser-jolokia-");
        if (options.jolokiaUser() != null) {
            config.put("authMode", "basic");
            config.put("user", options.jolokiaUser());
            config.put("password", options.jolokiaPassword());
        }
        JolokiaTls tls = options.jolokiaTls();
        if (tls != null) {
            putTls(config, tls);
            if (tls.clientAuth() && options.jolokiaUser() != null) {
                // both asked for: a request needs the certificate and the password
                config.put("authMatch", "all");
            }
        }
        return config;
    }

    /** The operator's policy file as a URL, else the bundled policy (with kick when enabled). */
    static String policyLocation(AgentOptions options) {
        if (options.jolokiaPolicy() != null) {
            return Paths.get(options.jolokiaPolicy()).toAbsolutePath().toUri().toString();
        }
        return options.kickEnabled() ? POLICY_WITH_KICK : POLICY;
    }

    private static void putTls(Map<String, String> config, JolokiaTls tls) {
        config.put("protocol", "https");
        if (tls.keystore() != null) {
            config.put("keystore", tls.keystore());
            String lower = tls.keystore().toLowerCase(Locale.ROOT);
            config.put("keyStoreType", lower.endsWith(".p12") || lower.endsWith(".pfx") ? "PKCS12" : "JKS");
        } else {
            config.put("serverCert", tls.cert());
            config.put("serverKey", tls.key());
        }
        if (tls.ca() != null) {
            config.put("caCert", tls.ca());
        }
        if (tls.keystorePassword() != null) {
            config.put("keystorePassword", tls.keystorePassword());
        }
        if (tls.clientAuth()) {
            config.put("useSslClientAuthentication", "true");
            List<String> principals = tls.clientPrincipals();
            for (int i = 0; i < principals.size(); i++) {
                config.put(i == 0 ? "clientPrincipal" : "clientPrincipal." + i, principals.get(i));
            }
        }
    }
}
