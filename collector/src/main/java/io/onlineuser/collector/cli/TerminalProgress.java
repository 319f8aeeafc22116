package io.onlineuser.collector.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.onlineuser.collector.fanout.FanOutProgress;

/**
 * A progress line on stderr, rewritten in place, for a question that takes over a second and only
 * when stderr is a terminal (never in pipes, files or {@code --json} scripts): connectors answered,
 * failed and still running, elapsed time and the collector's heap in use. Cleared when done.
 */
final class TerminalProgress implements AutoCloseable {

    private static final long FIRST_AFTER_MILLIS = 1000;
    private static final long EVERY_MILLIS = 250;

    private final ScheduledExecutorService ticker;
    private final PrintWriter err;
    private int lastLength;

    private TerminalProgress(ScheduledExecutorService ticker, PrintWriter err) {
        this.ticker = ticker;
        this.err = err;
    }

    /** Starts the line, or does nothing when there is no terminal. */
    static TerminalProgress start(FanOutProgress progress, PrintWriter err) {
        if (System.console() == null) {
            return new TerminalProgress(null, err);
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "onlineuser-progress");
            thread.setDaemon(true);
            return thread;
        });
        TerminalProgress line = new TerminalProgress(ticker, err);
        long since = System.nanoTime();
        long askedBefore = progress.asked();
        long answeredBefore = progress.answered();
        long failedBefore = progress.failed();
        ticker.scheduleAtFixedRate(() -> line.show(String.format("%d/%d connectors answered, %d failed, %d running, %.1f s, heap %d MB",
                progress.answered() - answeredBefore, progress.asked() - askedBefore, progress.failed() - failedBefore,
                progress.running(), (System.nanoTime() - since) / 1e9,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20)),
                FIRST_AFTER_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
        return line;
    }

    private synchronized void show(String text) {
        err.print("\r" + text + " ".repeat(Math.max(0, lastLength - text.length())));
        err.flush();
        lastLength = text.length();
    }

    @Override
    public void close() {
        if (ticker == null) {
            return;
        }
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (lastLength > 0) {
                err.print("\r" + " ".repeat(lastLength) + "\r");
                err.flush();
            }
        }
    }
}
