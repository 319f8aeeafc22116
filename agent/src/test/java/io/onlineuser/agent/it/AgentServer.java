package io.onlineuser.agent.it;

import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.testkit.Jars;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * A sample-server JVM with {@code -javaagent} (the shipped hook file, the server id, Jolokia on a
 * free port, plus the given options) and the Jolokia URL the agent logged.
 * The agent is passed as a JVM argument and its URL read with a multi-line pattern because
 * testkit's own wait misses the Jolokia line when it comes before the server's listening line.
 */
final class AgentServer implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(60);

    final ConnectorProcess process;
    final String jolokiaUrl;

    private AgentServer(ConnectorProcess process, String jolokiaUrl) {
        this.process = process;
        this.jolokiaUrl = jolokiaUrl;
    }

    static AgentServer start(String serverId, Map<String, String> agentOptions, String... serverArgs)
            throws IOException, TimeoutException {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("config", Jars.sampleServerAgentProperties().toString());
        options.put("serverId", serverId);
        options.put("jolokia.port", "0");
        options.putAll(agentOptions);
        StringBuilder argument = new StringBuilder();
        options.forEach((key, value) -> argument.append(argument.length() == 0 ? "" : ",").append(key).append('=').append(value));
        ConnectorProcess.Builder builder = ConnectorProcess.builder().serverId(serverId).withAgent(false)
                .jvmArg("-javaagent:" + Jars.agentJar() + "=" + argument);
        for (String arg : serverArgs) {
            builder.serverArg(arg);
        }
        ConnectorProcess process = builder.start();
        try {
            return new AgentServer(process, process.awaitOutput("(?m)Jolokia listening at (http://\\S+?)/?$", WAIT));
        } catch (TimeoutException e) {
            process.close();
            throw new TimeoutException("no Jolokia URL from " + serverId + "; output:\n" + process.output());
        }
    }

    int pomeloPort() {
        return process.pomeloPort();
    }

    @Override
    public void close() {
        process.close();
    }
}
