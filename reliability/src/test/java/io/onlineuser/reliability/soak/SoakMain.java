package io.onlineuser.reliability.soak;

import io.onlineuser.reliability.churn.AgentBooks;
import io.onlineuser.reliability.churn.ChurnLoad;
import io.onlineuser.reliability.churn.ChurnTally;
import io.onlineuser.reliability.churn.CountsSampler;
import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.testkit.JolokiaHttp;
import java.time.Duration;
import java.util.List;

/**
 * The soak behind {@code ./run-soak}: ChurnIT's load against one connector with the agent for
 * N minutes, the connector's live heap (after a full GC) sampled 24 times, and at the end the same
 * books check as ChurnIT. Exit status 0 when the heap is flat within 5% and nothing is wrong.
 */
public final class SoakMain {

    private static final int CLIENT_THREADS = 8;
    private static final int HEAP_SAMPLES = 24;
    private static final String SERVER_ID = "soak-1";

    private SoakMain() {
    }

    public static void main(String[] args) throws Exception {
        Duration length = Duration.ofMinutes(minutes(args));
        System.out.printf("soak: %d min of churn against %s with the agent; heap after full GC every %d s%n",
                length.toMinutes(), SERVER_ID, length.dividedBy(HEAP_SAMPLES).toSeconds());
        boolean passed;
        try (ConnectorProcess connector = ConnectorProcess.builder().serverId(SERVER_ID)
                .serverArg("--duplicate").serverArg("kick").agentOption("kick.enabled", "true").start()) {
            passed = soak(connector, length);
        }
        System.exit(passed ? 0 : 1);
    }

    private static boolean soak(ConnectorProcess connector, Duration length) throws Exception {
        JolokiaHttp jolokia = new JolokiaHttp(connector.jolokiaUrl());
        String stats = "onlineuser:type=ConnectionStats,serverId=" + SERVER_ID;
        ChurnLoad load = new ChurnLoad("127.0.0.1", connector.pomeloPort(), jolokia,
                "onlineuser:type=Session,serverId=" + SERVER_ID, CLIENT_THREADS);
        HeapProbe heap = new HeapProbe(connector.pid());
        HeapTrend trend = new HeapTrend();

        Thread churn = new Thread(() -> {
            try {
                load.runFor(length);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "soak-churn");
        churn.setDaemon(true);
        long started = System.nanoTime();
        try (CountsSampler sampler = new CountsSampler(jolokia, stats)) {
            churn.start();
            Duration step = length.dividedBy(HEAP_SAMPLES);
            for (int i = 1; i <= HEAP_SAMPLES; i++) {
                Thread.sleep(Math.max(0, started + step.toNanos() * i - System.nanoTime()) / 1_000_000);
                double at = (System.nanoTime() - started) / (double) length.toNanos();
                long kilobytes = heap.liveKilobytes();
                trend.add(at, kilobytes);
                System.out.printf("soak: %5.1f%% %7d cycles, heap after full GC %,d KB%n",
                        100 * at, load.tally().cycles(), kilobytes);
            }
            churn.join();
            return report(jolokia, stats, load.tally(), sampler, trend, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static boolean report(JolokiaHttp jolokia, String stats, ChurnTally tally, CountsSampler sampler,
            HeapTrend trend, Duration took) throws InterruptedException {
        List<String> books = AgentBooks.mismatches(jolokia, stats, tally);
        for (int wait = 0; !books.isEmpty() && wait < 30; wait++) {
            Thread.sleep(1000);
            books = AgentBooks.mismatches(jolokia, stats, tally);
        }
        System.out.printf("soak: %s in %d s; %d samples, %d violations%n", tally, took.toSeconds(),
                sampler.samples(), sampler.violationCount());
        sampler.violations().forEach(v -> System.out.println("soak: VIOLATION " + v));
        tally.firstFailures().forEach(f -> System.out.println("soak: FAILED CYCLE " + f));
        books.forEach(b -> System.out.println("soak: BOOKS " + b));
        System.out.printf("soak: heap after full GC, lowest sample of the first quarter %,.0f KB, of the last quarter"
                + " %,.0f KB: %+.1f%% -> %s (quarter means %,.0f and %,.0f KB)%n",
                trend.firstQuarterFloor(), trend.lastQuarterFloor(), 100 * trend.change(),
                trend.flat() ? "flat within 5%" : "NOT flat within 5%", trend.firstQuarterMean(), trend.lastQuarterMean());
        return trend.flat() && books.isEmpty() && sampler.violationCount() == 0 && tally.failures() == 0;
    }

    private static long minutes(String[] args) {
        if (args.length == 0) {
            return 30;
        }
        if (args.length == 2 && args[0].equals("--minutes") && args[1].matches("[1-9][0-9]{0,4}")) {
            return Long.parseLong(args[1]);
        }
        throw new IllegalArgumentException("usage: SoakMain [--minutes M]  (M a whole number of minutes, 1 or more)");
    }
}
