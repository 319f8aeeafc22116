package io.onlineuser.bench.process;

import io.onlineuser.testkit.Jars;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a probe's {@code main} in a JVM of its own (its heap, GC and JIT are then not shared with
 * the bench driver) on the driver's class path. The probe reports each measurement as a line
 * {@code SAMPLE <key> <value>}; every other line is passed on to stderr as progress.
 */
public final class ChildJvm {

    private static final String SAMPLE = "SAMPLE ";

    private ChildJvm() {
    }

    public static Map<String, List<Double>> run(Class<?> main, List<String> jvmArgs, List<String> args, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Jars.javaExecutable());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // a hung probe must not hang the whole run: its output ends when it is killed
        CompletableFuture.delayedExecutor(timeoutSeconds, TimeUnit.SECONDS).execute(process::destroyForcibly);
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        StringBuilder tail = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(SAMPLE)) {
                    String[] parts = line.split(" ");
                    samples.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(Double.parseDouble(parts[2]));
                } else {
                    System.err.println("  [" + main.getSimpleName() + "] " + line);
                    tail.append(line).append('\n');
                }
            }
        } finally {
            process.waitFor(10, TimeUnit.SECONDS);
            process.destroyForcibly();
            process.waitFor();
        }
        if (process.exitValue() != 0) {
            throw new IOException(main.getSimpleName() + " exited with " + process.exitValue() + ": " + lastLine(tail));
        }
        return samples;
    }

    /** What a probe prints for the driver to collect. */
    public static void report(String key, double value) {
        System.out.println(SAMPLE + key + " " + value);
    }

    private static String lastLine(CharSequence text) {
        String[] all = text.toString().split("\n");
        return all.length == 0 ? "" : all[all.length - 1];
    }
}
