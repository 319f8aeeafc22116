package io.onlineuser.sample.server;

import io.onlineuser.testkit.Jars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar sample-server.jar ARGS} run to its end, as a user runs it (bad options, a bots
 * run). A server that keeps running is started with testkit's {@code ConnectorProcess}.
 */
public final class SampleServerCommand {

    private SampleServerCommand() {
    }

    /** Runs the jar with these args to its end; returns exit code and output. */
    public static Finished run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Jars.javaExecutable(), "-Xmx256m", "-jar",
                Jars.sampleServerJar().toString()));
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
}
