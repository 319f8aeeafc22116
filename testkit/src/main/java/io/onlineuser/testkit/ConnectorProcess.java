package io.onlineuser.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * A real {@code sample-server.jar} JVM, optionally with {@code -javaagent:onlineuser-agent.jar},
 * started on free ports and stopped by {@link #close()}: the one launcher of tests and benchmarks.
 */
public final class ConnectorProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");
    /** The agent's readiness line (stderr) once Jolokia is up; group 1 is the Jolokia URL. */
    public static final Pattern JOLOKIA_LISTENING = Pattern.compile("(?m)Jolokia listening at (https?://\\S+?)/?$");

    private final String serverId;
    private final Process process;
    private final ProcessOutput output;
    private final int pomeloPort;
    private final String jolokiaUrl;

    private ConnectorProcess(String serverId, Process process, ProcessOutput output, int pomeloPort, String jolokiaUrl) {
        this.serverId = serverId;
        this.process = process;
        this.output = output;
        this.pomeloPort = pomeloPort;
        this.jolokiaUrl = jolokiaUrl;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String serverId() {
        return serverId;
    }

    /** The port that serves Pomelo clients (TCP and WebSocket). */
    public int pomeloPort() {
        return pomeloPort;
    }

    /** {@code http(s)://127.0.0.1:PORT/jolokia}, or null when started without the agent or Jolokia. */
    public String jolokiaUrl() {
        return jolokiaUrl;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Standard output and error so far, merged. */
    public String output() {
        return output.text();
    }

    /** Waits for a line of output matching {@code regex}; returns its group 1 (or the match). */
    public String awaitOutput(String regex, Duration timeout) throws TimeoutException {
        return output.awaitGroup(Pattern.compile(regex), timeout);
    }

    /**
     * Waits for the agent's Jolokia line and returns its URL: for an agent attached after the
     * start, or started with {@link Builder#awaitJolokia(boolean) awaitJolokia(false)}.
     */
    public String awaitJolokiaUrl(Duration timeout) throws TimeoutException {
        return output.awaitGroup(JOLOKIA_LISTENING, timeout);
    }

    /** SIGSTOP: the process keeps its sockets open but answers nothing. */
    public void pause() {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        signal("CONT");
    }

    /** SIGKILL, as a crash would. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(10));
    }

    /** Stops the process (SIGTERM, then SIGKILL after 10 s). A paused process is resumed first. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        resume();
        process.destroy();
        if (!waitFor(Duration.ofSeconds(10))) {
            kill();
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void signal(String name) {
        if (!process.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("cannot send SIG" + name + " to " + process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Builds the command line; defaults give a connector on free ports with the agent and Jolokia. */
    public static final class Builder {
        private String serverId = "connector-1";
        private boolean withAgent = true;
        private boolean defaultAgentConfig = true;
        private Path agentConfig;
        private boolean awaitJolokia = true;
        private final Map<String, String> agentOptions = new LinkedHashMap<>();
        private String maxHeap = "256m";
        private boolean fullJit;
        private int port;
        private final List<String> jvmArgs = new ArrayList<>();
        private final List<String> serverArgs = new ArrayList<>();
        private Duration startTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        public Builder serverId(String id) {
            this.serverId = id;
            return this;
        }

        public Builder withAgent(boolean withAgent) {
            this.withAgent = withAgent;
            return this;
        }

        /** An agent option; commas are not allowed in values (the agent argument is comma separated). */
        public Builder agentOption(String key, String value) {
            if (value.contains(",")) {
                throw new IllegalArgumentException("agent option values cannot hold commas: " + key + "=" + value);
            }
            agentOptions.put(key, value);
            return this;
        }

        /**
         * The agent's {@code config=} file; null for inline options only. Default: the
         * sample-server's hook file, when it exists.
         */
        public Builder agentConfig(Path file) {
            this.agentConfig = file;
            this.defaultAgentConfig = false;
            return this;
        }

        /**
         * False: {@link #start()} waits for the Pomelo port only, not for Jolokia (for agents whose
         * Jolokia is meant to fail); {@link ConnectorProcess#jolokiaUrl()} is then null.
         */
        public Builder awaitJolokia(boolean awaitJolokia) {
            this.awaitJolokia = awaitJolokia;
            return this;
        }

        /** {@code -Xmx}, e.g. {@code "512m"}; default 256m. */
        public Builder maxHeap(String size) {
            this.maxHeap = size;
            return this;
        }

        /**
         * Every JIT tier, as in production, for benchmarks. Without it the JVM stops at C1, which
         * starts tests faster and makes them no less exact.
         */
        public Builder fullJit() {
            this.fullJit = true;
            return this;
        }

        /** The Pomelo port; default 0, a free one the server picks. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder jvmArg(String arg) {
            jvmArgs.add(arg);
            return this;
        }

        public Builder serverArg(String arg) {
            serverArgs.add(arg);
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** Starts the JVM and waits until the Pomelo port and, with the agent, Jolokia are ready. */
        public ConnectorProcess start() throws IOException {
            List<String> command = command();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            ProcessOutput output = ProcessOutput.drain(process.getInputStream(), serverId);
            try {
                int port = Integer.parseInt(output.awaitGroup(LISTENING, startTimeout));
                String url = null;
                if (withAgent && awaitJolokia && !"false".equals(agentOptions.get("jolokia.enabled"))) {
                    url = output.awaitGroup(JOLOKIA_LISTENING, startTimeout);
                }
                return new ConnectorProcess(serverId, process, output, port, url);
            } catch (TimeoutException | RuntimeException e) {
                process.destroyForcibly();
                throw new IOException("connector " + serverId + " did not become ready in " + startTimeout
                        + "; command: " + String.join(" ", command) + "\noutput:\n" + output.text(), e);
            }
        }

        /** The command line {@link #start()} runs, for callers that time the launch themselves. */
        public List<String> command() {
            List<String> command = new ArrayList<>();
            command.add(Jars.javaExecutable());
            command.add("-Xmx" + maxHeap);
            command.add("-XX:+UseSerialGC");
            if (!fullJit) {
                command.add("-XX:TieredStopAtLevel=1");
            }
            command.addAll(jvmArgs);
            if (withAgent) {
                command.add("-javaagent:" + Jars.agentJar() + "=" + agentArgument());
            }
            command.add("-jar");
            command.add(Jars.sampleServerJar().toString());
            command.add("server");
            command.add("--id");
            command.add(serverId);
            command.add("--port");
            command.add(Integer.toString(port));
            command.addAll(serverArgs);
            return command;
        }

        /** The agent's options as {@code -javaagent:…=} gets them; also what a late {@code attach} is given. */
        public String agentArgument() {
            Map<String, String> options = new LinkedHashMap<>();
            Path config = defaultAgentConfig ? sampleServerConfig() : agentConfig;
            if (config != null) {
                options.put("config", config.toString());
            }
            options.put("serverId", serverId);
            options.put("jolokia.port", "0");
            options.putAll(agentOptions);
            StringBuilder arg = new StringBuilder();
            options.forEach((k, v) -> arg.append(arg.length() == 0 ? "" : ",").append(k).append('=').append(v));
            return arg.toString();
        }

        private static Path sampleServerConfig() {
            Path hooks = Jars.sampleServerAgentProperties();
            return Files.isRegularFile(hooks) ? hooks : null;
        }
    }
}
