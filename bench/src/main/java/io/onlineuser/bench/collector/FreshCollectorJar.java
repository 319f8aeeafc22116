package io.onlineuser.bench.collector;

import io.onlineuser.testkit.Jars;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Times {@code java -jar onlineuser-collector.jar --target … online}, or the launcher beside it
 * ({@code onlineuser-collector}, which maps a class-data-sharing archive), as a whole process, as an
 * operator runs it.
 */
public final class FreshCollectorJar {

    private FreshCollectorJar() {
    }

    /** Null when the jar and the launcher are there, else why not. */
    public static String missing() {
        try {
            Jars.collectorJar();
            Jars.collectorLauncher();
            return null;
        } catch (IllegalStateException notBuilt) {
            return notBuilt.getMessage();
        }
    }

    /** Wall milliseconds of {@code java -jar}, launch to exit; fails when it does not exit 0 within 60 s. */
    public static double wallMillis(List<String> urls) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Jars.javaExecutable(), "-jar", Jars.collectorJar().toString()));
        return wallMillis(new ProcessBuilder(online(command, urls)));
    }

    /**
     * Wall milliseconds of the launcher with its archives in {@code archives}, launch to exit; the
     * first run there writes the archive as it exits.
     */
    public static double launcherWallMillis(List<String> urls, Path archives) throws IOException, InterruptedException {
        ProcessBuilder launcher = new ProcessBuilder(online(new ArrayList<>(List.of(Jars.collectorLauncher().toString())), urls));
        launcher.environment().put("JAVA_HOME", Jars.javaHome());
        launcher.environment().put("ONLINEUSER_CDS_DIR", archives.toString());
        return wallMillis(launcher);
    }

    private static List<String> online(List<String> command, List<String> urls) {
        urls.forEach(url -> command.addAll(List.of("--target", url)));
        command.addAll(List.of("--timeout", "10000", "online")); // a loaded machine must not turn a slow answer into a failure
        return command;
    }

    private static double wallMillis(ProcessBuilder builder) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(builder.command() + " did not exit 0 within 60 s");
        }
        return (System.nanoTime() - start) / 1e6;
    }
}
