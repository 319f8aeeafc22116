package io.onlineuser.it;

import io.onlineuser.testkit.ConnectorProcess;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Starts a sample-server JVM with {@code -javaagent:onlineuser-agent.jar} (the shipped hook file,
 * the server id, Jolokia on a free port, plus the given options) and other JVM arguments such as
 * the JMX exporter agent.
 */
final class AgentConnector {

    private AgentConnector() {
    }

    static ConnectorProcess start(String serverId, Map<String, String> agentOptions, List<String> jvmArgs) throws IOException {
        ConnectorProcess.Builder builder = ConnectorProcess.builder().serverId(serverId);
        agentOptions.forEach(builder::agentOption);
        jvmArgs.forEach(builder::jvmArg);
        return builder.start();
    }
}
