package io.onlineuser.it;

import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.testkit.Jars;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * A sample-server JVM started by testkit with {@code -javaagent:onlineuser-agent.jar} (the shipped
 * hook file, the server id, Jolokia on a free port, plus the given options), other JVM arguments
 * such as the JMX exporter agent, and the Jolokia URL the agent logged.
 * The agent goes in as a JVM argument and its URL is read with a multi-line pattern because
 * testkit's own wait misses the Jolokia line when it comes before the server's listening line.
 */
final class AgentConnector implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final ConnectorProcess process;
    private final String jolokiaUrl;

    private AgentConnector(ConnectorProcess process, String jolokiaUrl) {
        this.process = process;
        this.jolokiaUrl = jolokiaUrl;
    }

    static AgentConnector start(String serverId, Map<String, String> agentOptions, List<String> jvmArgs) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("config", Jars.sampleServerAgentProperties().toString());
        options.put("serverId", serverId);
        options.put("jolokia.port", "0");
        options.putAll(agentOptions);
        StringBuilder argument = new StringBuilder();
        options.forEach((key, value) -> argument.append(argument.length() == 0 ? "" : ",").append(key).append('=').append(value));
        ConnectorProcess.Builder builder = ConnectorProcess.builder().serverId(serverId).withAgent(false);
        jvmArgs.forEach(builder::jvmArg);
        ConnectorProcess process = builder.jvmArg("-javaagent:" + Jars.agentJar() + "=" + argument).start();
        try {
            return new AgentConnector(process, process.awaitOutput("(?m)Jolokia listening at (http://\\S+?)/?$", WAIT));
        } catch (TimeoutException e) {
            process.close();
            throw new IOException("no Jolokia URL from " + serverId + " in " + WAIT + "; output:\n" + process.output(), e);
        }
    }

    String serverId() {
        return process.serverId();
    }

    int pomeloPort() {
        return process.pomeloPort();
    }

    String jolokiaUrl() {
        return jolokiaUrl;
    }

    long pid() {
        return process.pid();
    }

    String output() {
        return process.output();
    }

    /** SIGKILL, as a crash would. */
    void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }
}
