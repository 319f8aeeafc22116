package io.onlineuser.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drains a child process's merged output on a daemon thread (a full pipe would stall the child)
 * and lets tests wait for a line matching a pattern.
 */
public final class ProcessOutput {

    private final StringBuffer text = new StringBuffer();
    private final CopyOnWriteArrayList<Watch> watches = new CopyOnWriteArrayList<>();
    private final String echoPrefix;

    private ProcessOutput(String echoPrefix) {
        this.echoPrefix = echoPrefix;
    }

    /** Starts draining {@code in}; lines are also echoed to this JVM's stdout when {@code echo} is set. */
    public static ProcessOutput drain(InputStream in, String name) {
        ProcessOutput output = new ProcessOutput(Boolean.getBoolean("testkit.echo") ? "[" + name + "] " : null);
        Thread reader = new Thread(() -> output.readAll(in), "testkit-output-" + name);
        reader.setDaemon(true);
        reader.start();
        return output;
    }

    /** Everything the process printed so far. */
    public String text() {
        return text.toString();
    }

    /** Waits for the first line matching {@code pattern} (including lines already seen) and returns its group 1. */
    public String awaitGroup(Pattern pattern, Duration timeout) throws TimeoutException {
        Watch watch = new Watch(pattern);
        watches.add(watch);
        // lines already printed are matched one by one, as new ones are
        Matcher m = Pattern.compile(pattern.pattern(), pattern.flags() | Pattern.MULTILINE).matcher(text());
        if (m.find()) {
            watch.found.complete(m.groupCount() > 0 ? m.group(1) : m.group());
        }
        try {
            return watch.found.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            watches.remove(watch);
        }
    }

    private void readAll(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                text.append(line).append('\n');
                if (echoPrefix != null) {
                    System.out.println(echoPrefix + line);
                }
                for (Watch w : watches) {
                    Matcher m = w.pattern.matcher(line);
                    if (m.find()) {
                        w.found.complete(m.groupCount() > 0 ? m.group(1) : m.group());
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended; what it printed is kept
        }
    }

    private static final class Watch {
        final Pattern pattern;
        final CompletableFuture<String> found = new CompletableFuture<>();

        Watch(Pattern pattern) {
            this.pattern = pattern;
        }
    }
}
