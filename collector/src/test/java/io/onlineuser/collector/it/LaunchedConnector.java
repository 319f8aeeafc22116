package io.onlineuser.collector.it;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.ExecutionException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.onlineuser.testkit.Jars;

/**
 * A sample-server JVM with the agent. Stands in for testkit's ConnectorProcess, whose Jolokia
 * readiness pattern ends in {@code $} without MULTILINE and so never matches once the Jolokia line
 * was printed before the listening line (the agent's usual order); switch back when testkit is fixed.
 */
final class LaunchedConnector implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");
    private static final Pattern JOLOKIA = Pattern.compile("Jolokia listening at (http://\\S+)");

    private final Process process;
    private final int pomeloPort;

    private LaunchedConnector(Process process, int pomeloPort) {
        this.process = process;
        this.pomeloPort = pomeloPort;
    }

    static LaunchedConnector start(String serverId, String discoveryDir) throws IOException, InterruptedException {
        String agent = Jars.agentJar() + "=config=" + Jars.sampleServerAgentProperties() + ",serverId=" + serverId
                + ",jolokia.port=0,kick.enabled=true,discovery.dir=" + discoveryDir;
        Process process = new ProcessBuilder(List.of(Jars.javaExecutable(), "-Xmx256m", "-XX:+UseSerialGC",
                "-javaagent:" + agent, "-jar", Jars.sampleServerJar().toString(), "server", "--id", serverId, "--port", "0"))
                .redirectErrorStream(true).start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        CompletableFuture<String> jolokia = new CompletableFuture<>();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> drain(process, output, port, jolokia), "it-output-" + serverId);
        reader.setDaemon(true);
        reader.start();
        try {
            int pomeloPort = port.get(120, TimeUnit.SECONDS);
            jolokia.get(120, TimeUnit.SECONDS);
            return new LaunchedConnector(process, pomeloPort);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException(serverId + " did not start; output:\n" + output, e);
        }
    }

    int pomeloPort() {
        return pomeloPort;
    }

    void pause() {
        signal("STOP");
    }

    void resume() {
        if (process.isAlive()) {
            signal("CONT");
        }
    }

    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        resume();
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
    }

    private void signal(String name) {
        try {
            new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("cannot send SIG" + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void drain(Process process, StringBuffer output, CompletableFuture<Integer> port, CompletableFuture<String> jolokia) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.append(line).append('\n');
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    port.complete(Integer.parseInt(listening.group(1)));
                }
                Matcher url = JOLOKIA.matcher(line);
                if (url.find()) {
                    jolokia.complete(url.group(1));
                }
            }
        } catch (IOException closed) {
            // the process ended
        }
        port.completeExceptionally(new IOException("process ended"));
        jolokia.completeExceptionally(new IOException("process ended"));
    }
}
