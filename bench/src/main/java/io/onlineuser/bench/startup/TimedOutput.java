package io.onlineuser.bench.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/** A child process's output, and the {@link System#nanoTime()} at which one awaited line arrived. */
final class TimedOutput {

    private final StringBuffer text = new StringBuffer();
    private final Pattern awaited;
    private final CompletableFuture<Long> arrived = new CompletableFuture<>();

    private TimedOutput(Pattern awaited) {
        this.awaited = awaited;
    }

    static TimedOutput drain(InputStream in, Pattern awaited) {
        TimedOutput output = new TimedOutput(awaited);
        Thread reader = new Thread(() -> output.readAll(in), "timed-output");
        reader.setDaemon(true);
        reader.start();
        return output;
    }

    String text() {
        return text.toString();
    }

    /** When the first line matching the awaited pattern arrived. */
    long awaitNanos(Duration timeout) throws IOException, InterruptedException {
        try {
            return arrived.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IOException("no line matching '" + awaited + "' within " + timeout + ":\n" + text(), e);
        }
    }

    private void readAll(InputStream in) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                long now = System.nanoTime();
                text.append(line).append('\n');
                if (!arrived.isDone() && awaited.matcher(line).find()) {
                    arrived.complete(now);
                }
            }
        } catch (IOException e) {
            text.append("(output unreadable: ").append(e).append(")\n");
        } finally {
            arrived.completeExceptionally(new IOException("the process ended"));
        }
    }
}
