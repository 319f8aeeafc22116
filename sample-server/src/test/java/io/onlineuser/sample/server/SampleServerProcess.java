package io.onlineuser.sample.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real {@code target/sample-server.jar} in its own JVM, as a user starts it. */
public final class SampleServerProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("sample-server (\\S+) listening on port (\\d+)");

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final CompletableFuture<Integer> port = new CompletableFuture<>();

    private SampleServerProcess(List<String> serverArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-jar", jar().toString(), "server",
                "--port", "0"));
        command.addAll(serverArgs);
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(this::readOutput, "sample-server-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts with {@code --port 0} plus the given args and waits for the readiness line. */
    public static SampleServerProcess start(String... serverArgs) throws Exception {
        SampleServerProcess server = new SampleServerProcess(List.of(serverArgs));
        try {
            server.port.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            server.close();
            throw new IllegalStateException("sample-server did not start: " + server.output(), e);
        }
        return server;
    }

    /** Runs the jar with these args to its end (bad options, a bots run); returns exit code and output. */
    public static Finished run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-jar", jar().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Finished(process.waitFor(), output);
        } finally {
            process.destroyForcibly();
        }
    }

    /** A finished run of the jar. */
    public record Finished(int exitCode, String output) {
    }

    public int port() {
        return port.join();
    }

    public String output() {
        return output.toString();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.append(line).append('\n');
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    port.complete(Integer.parseInt(ready.group(2)));
                }
            }
        } catch (IOException e) {
            output.append("(output unreadable: ").append(e).append(")\n");
        } finally {
            port.completeExceptionally(new IllegalStateException("sample-server exited"));
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static String javaBinary() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Built by the package phase, before failsafe runs. */
    private static Path jar() {
        Path jar = Paths.get(System.getProperty("user.dir")).resolve("target/sample-server.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn -pl sample-server verify (package builds it)");
        }
        return jar;
    }
}
