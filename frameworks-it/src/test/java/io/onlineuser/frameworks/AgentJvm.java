package io.onlineuser.frameworks;

import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.testkit.Jars;
import io.onlineuser.testkit.ProcessOutput;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * A main class of this module in a child JVM (this module's test class path) with
 * {@code -javaagent:onlineuser-agent.jar}: a third-party framework's server as a user runs it.
 */
public final class AgentJvm implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(60);

    private final Process process;
    private final ProcessOutput output;
    private final String jolokiaUrl;

    private AgentJvm(Process process, ProcessOutput output, String jolokiaUrl) {
        this.process = process;
        this.output = output;
        this.jolokiaUrl = jolokiaUrl;
    }

    /**
     * Starts {@code mainClass} with the agent ({@code options} inline, Jolokia on a free port) and
     * waits for Jolokia and for a line matching {@code ready}.
     */
    public static AgentJvm start(Class<?> mainClass, Map<String, String> options, String ready, String... args)
            throws IOException {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("jolokia.port", "0");
        all.putAll(options);
        StringBuilder agentArg = new StringBuilder();
        all.forEach((k, v) -> agentArg.append(agentArg.length() == 0 ? "" : ",").append(k).append('=').append(v));
        List<String> command = new ArrayList<>(List.of(Jars.javaExecutable(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-javaagent:" + Jars.agentJar() + "=" + agentArg,
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ProcessOutput output = ProcessOutput.drain(process.getInputStream(), mainClass.getSimpleName());
        try {
            output.awaitGroup(Pattern.compile(ready), START);
            String url = output.awaitGroup(ConnectorProcess.JOLOKIA_LISTENING, START);
            return new AgentJvm(process, output, url);
        } catch (TimeoutException | RuntimeException e) {
            process.destroyForcibly();
            throw new IOException(mainClass.getSimpleName() + " did not become ready in " + START + "; command: "
                    + String.join(" ", command) + "\noutput:\n" + output.text(), e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public String jolokiaUrl() {
        return jolokiaUrl;
    }

    /** Standard output and error so far, merged. */
    public String output() {
        return output.text();
    }

    /** Waits for a line matching {@code regex}; returns its group 1 (or the match). */
    public String awaitOutput(String regex, Duration timeout) throws TimeoutException {
        return output.awaitGroup(Pattern.compile(regex), timeout);
    }

    /** The agent's warning and error lines so far. */
    public List<String> agentProblems() {
        List<String> problems = new ArrayList<>();
        for (String line : output().split("\n")) {
            if (line.contains("[onlineuser] WARN ") || line.contains("[onlineuser] ERROR ")) {
                problems.add(line);
            }
        }
        return problems;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
