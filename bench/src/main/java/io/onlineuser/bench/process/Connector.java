package io.onlineuser.bench.process;

import io.onlineuser.testkit.Jars;
import io.onlineuser.testkit.ProcessOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * A sample-server JVM with or without the agent, for benchmarks: unlike the test launcher it
 * runs with the JIT's full tiers and lets a benchmark choose the port and every JVM flag.
 */
public final class Connector implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");
    private static final Pattern JOLOKIA = Pattern.compile("Jolokia listening at (http://\\S+?)/?$", Pattern.MULTILINE);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);

    private final Process process;
    private final ProcessOutput output;
    private final int port;
    private final String jolokiaUrl;

    private Connector(Process process, ProcessOutput output, int port, String jolokiaUrl) {
        this.process = process;
        this.output = output;
        this.port = port;
        this.jolokiaUrl = jolokiaUrl;
    }

    /** Starts a connector on a free port and waits until it listens (and, with the agent, Jolokia answers). */
    public static Connector start(String serverId, boolean withAgent, List<String> jvmArgs) throws IOException {
        Process process = new ProcessBuilder(command(serverId, withAgent, jvmArgs, 0)).redirectErrorStream(true).start();
        ProcessOutput output = ProcessOutput.drain(process.getInputStream(), serverId);
        try {
            int port = Integer.parseInt(output.awaitGroup(LISTENING, READY_TIMEOUT));
            String url = withAgent ? output.awaitGroup(JOLOKIA, READY_TIMEOUT) : null;
            return new Connector(process, output, port, url);
        } catch (TimeoutException | RuntimeException e) {
            process.destroyForcibly();
            throw new IOException(serverId + " did not become ready in " + READY_TIMEOUT + ":\n" + output.text(), e);
        }
    }

    /** The command line of a connector; {@code port} 0 lets it pick a free one. */
    public static List<String> command(String serverId, boolean withAgent, List<String> jvmArgs, int port) {
        List<String> command = new ArrayList<>();
        command.add(Jars.javaExecutable());
        command.addAll(jvmArgs);
        if (withAgent) {
            command.add("-javaagent:" + Jars.agentJar() + "=" + agentOptions(serverId));
        }
        command.addAll(List.of("-jar", Jars.sampleServerJar().toString(), "server", "--id", serverId,
                "--port", String.valueOf(port)));
        return command;
    }

    public int port() {
        return port;
    }

    /** Null without the agent. */
    public String jolokiaUrl() {
        return jolokiaUrl;
    }

    public long pid() {
        return process.pid();
    }

    public String output() {
        return output.text();
    }

    /** Group 1 of the first output line matching {@code pattern}, waiting for it if need be. */
    public String awaitOutput(Pattern pattern, Duration timeout) throws TimeoutException {
        return output.awaitGroup(pattern, timeout);
    }

    public static Pattern jolokiaReadyLine() {
        return JOLOKIA;
    }

    /** The agent option string the connectors here use, with the sample-server's hook file. */
    public static String agentOptions(String serverId) {
        String options = "serverId=" + serverId + ",jolokia.port=0";
        return Files.isRegularFile(Jars.sampleServerAgentProperties())
                ? "config=" + Jars.sampleServerAgentProperties() + "," + options
                : options;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
