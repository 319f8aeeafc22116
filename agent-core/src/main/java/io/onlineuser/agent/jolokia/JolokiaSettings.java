package io.onlineuser.agent.jolokia;

import io.onlineuser.agent.config.AgentOptions;
import java.util.HashMap;
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
        config.put("policyLocation", options.kickEnabled() ? POLICY_WITH_KICK : POLICY);
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
        return config;
    }
}
