package io.onlineuser.bench.collector;

import io.onlineuser.testkit.Jars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Times {@code java -jar onlineuser-collector.jar --target … online} as a whole process, as an operator runs it. */
public final class FreshCollectorJar {

    private static final Path JAR = Path.of("collector/target/onlineuser-collector.jar");

    private FreshCollectorJar() {
    }

    /** Null when the jar is there, else why not. */
    public static String missing() {
        return Files.isRegularFile(JAR) ? null : JAR + " not built";
    }

    /** Wall milliseconds from launch to exit; fails when the command does not exit 0 within 60 s. */
    public static double wallMillis(List<String> urls) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Jars.javaExecutable(), "-jar", JAR.toString()));
        urls.forEach(url -> command.addAll(List.of("--target", url)));
        command.addAll(List.of("--timeout", "10000", "online")); // a loaded machine must not turn a slow answer into a failure
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("java -jar onlineuser-collector.jar online did not exit 0 within 60 s");
        }
        return (System.nanoTime() - start) / 1e6;
    }
}
