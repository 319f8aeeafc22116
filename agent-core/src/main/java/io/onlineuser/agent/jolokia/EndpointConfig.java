package io.onlineuser.agent.jolokia;

import java.util.Map;
import org.jolokia.jvmagent.JolokiaServerConfig;
import org.jolokia.server.core.config.SystemPropertyMode;

/**
 * Jolokia's server configuration from our settings only (never from {@code jolokia.*} system
 * properties, which belong to the host). Jolokia builds its authenticator when it creates its own
 * HTTP server; the endpoint creates the server itself ({@link EndpointServer}), so it asks for the
 * authenticator here.
 */
final class EndpointConfig extends JolokiaServerConfig {

    EndpointConfig(Map<String, String> settings) {
        super(settings, SystemPropertyMode.NEVER);
        initAuthenticator();
    }
}
