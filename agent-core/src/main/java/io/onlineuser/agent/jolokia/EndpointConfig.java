package io.onlineuser.agent.jolokia;

import java.util.Map;
import org.jolokia.jvmagent.JolokiaServerConfig;
import org.jolokia.server.core.config.SystemPropertyMode;

/**
 * Jolokia's server configuration from our settings only (never from {@code jolokia.*} system
 * properties, which belong to the host). Jolokia records the ways to authenticate, which its
 * discovery answer names, when it builds its authenticator, so that is built here; requests
 * themselves are checked by {@link io.onlineuser.agent.jolokia.http.Authentication}.
 */
final class EndpointConfig extends JolokiaServerConfig {

    EndpointConfig(Map<String, String> settings) {
        super(settings, SystemPropertyMode.NEVER);
        initAuthenticator();
    }
}
