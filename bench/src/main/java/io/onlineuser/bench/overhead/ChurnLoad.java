package io.onlineuser.bench.overhead;

import io.onlineuser.bench.process.CompilerQuiet;
import io.onlineuser.sample.bots.Bots;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

/**
 * Closed-loop churn: each bot connects, handshakes, logs in, chats once, logs out, closes, again.
 *
 * <p>Each bot connects from a loopback address of its own (127.0.2.n). The closing side keeps
 * every churned port in TIME_WAIT for 60 s, and a connect from a source address first calls
 * {@code bind(address, 0)}, whose search for a free port scans past the TIME_WAIT ones: with a
 * few shared addresses bind takes most of the bots' CPU and churn swings with what ran before
 * (BENCHMARKS.md). With one address per bot an address holds a fiftieth of them (~2,700 at the
 * machine's cap of 131,072 TIME_WAIT sockets; bind ~0.1 ms). Without any source address,
 * {@code connect()} reuses TIME_WAIT ports itself, but they fill 127.0.0.1's range, and a
 * {@code bind(127.0.0.1, 0)} anywhere on the machine (a server on port 0, held users) then fails.
 */
final class ChurnLoad {

    private static final int MAX_BOTS = 254;

    private ChurnLoad() {
    }

    /**
     * One run against one connector.
     *
     * @param cyclesPerSecond over the whole measured time
     * @param slowestSecond   the fewest cycles in one whole second of it: a stall shows here
     * @param fastestSecond   the most cycles in one whole second of it
     * @param cpuMicrosPerCycle the connector's CPU time over the measured time ÷ the cycles in it
     */
    record Run(double cyclesPerSecond, double slowestSecond, double fastestSecond, double cpuMicrosPerCycle) {
    }

    /**
     * Churns until {@code cycles} cycles are done (the JITs warm up by work done, which takes
     * longer on a loaded machine, not by a fixed time), then until the connector's JIT is quiet
     * ({@link CompilerQuiet}). Stops after {@code limit} with a warning.
     */
    static void warmUp(int port, long pid, int bots, String uidPrefix, long cycles, Duration limit)
            throws InterruptedException, IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        try (Bots churn = start(port, bots, uidPrefix)) {
            while (churn.cycles() < cycles && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            failIfAnyFailed(churn, port);
            if (churn.cycles() < cycles) {
                System.err.printf("   WARNING: churn warm-up on port %d did only %d of %d cycles in %d s;"
                        + " the first pairs may run on a cold JIT%n", port, churn.cycles(), cycles, limit.toSeconds());
            }
            CompilerQuiet.await(pid, "the connector on port " + port, limit);
            failIfAnyFailed(churn, port);
        }
    }

    /**
     * Cycles per second over {@code measure} (whole seconds), after {@code warmup} at full load.
     * Fails if any bot failed: a failed cycle waits a second before it retries, and that timer,
     * not the connector, would then set the rate.
     */
    static Run run(int port, LongSupplier connectorCpuNanos, int bots, String uidPrefix, Duration warmup,
            Duration measure) throws InterruptedException, IOException {
        try (Bots churn = start(port, bots, uidPrefix)) {
            Run run = measure(churn::cycles, connectorCpuNanos, warmup, measure);
            failIfAnyFailed(churn, port);
            return run;
        }
    }

    /**
     * {@code cycles} (a running count) per second over {@code measure} (whole seconds), after
     * {@code warmup}, and the connector's CPU time per cycle over the same time.
     */
    static Run measure(LongSupplier cycles, LongSupplier connectorCpuNanos, Duration warmup, Duration measure)
            throws InterruptedException {
        Thread.sleep(warmup.toMillis());
        long startCpu = connectorCpuNanos.getAsLong();
        long startNanos = System.nanoTime();
        long startCycles = cycles.getAsLong();
        long lastNanos = startNanos;
        long lastCycles = startCycles;
        double slowest = Double.MAX_VALUE;
        double fastest = 0;
        for (long second = 1; second <= Math.max(1, measure.toSeconds()); second++) {
            long sleepNanos = startNanos + second * 1_000_000_000L - System.nanoTime();
            if (sleepNanos > 0) {
                Thread.sleep(sleepNanos / 1_000_000, (int) (sleepNanos % 1_000_000));
            }
            long nanos = System.nanoTime();
            long now = cycles.getAsLong();
            double rate = (now - lastCycles) / ((nanos - lastNanos) / 1e9);
            slowest = Math.min(slowest, rate);
            fastest = Math.max(fastest, rate);
            lastNanos = nanos;
            lastCycles = now;
        }
        long cpu = connectorCpuNanos.getAsLong() - startCpu;
        long done = lastCycles - startCycles;
        return new Run(done / ((lastNanos - startNanos) / 1e9), slowest, fastest, cpu / 1e3 / Math.max(1, done));
    }

    /** Bot n connects from 127.0.2.(n+1): see the class comment. */
    private static Bots start(int port, int bots, String uidPrefix) {
        if (bots > MAX_BOTS) {
            throw new IllegalArgumentException("at most " + MAX_BOTS + " churn bots (one 127.0.2.x address each), got " + bots);
        }
        List<String> sources = IntStream.rangeClosed(1, bots).mapToObj(n -> "127.0.2." + n).toList();
        return Bots.builder("127.0.0.1", port).connections(bots).logins(bots).ratePerSecond(0)
                .churn(true).uidPrefix(uidPrefix).sourceAddresses(sources).start();
    }

    private static void failIfAnyFailed(Bots churn, int port) throws IOException {
        if (churn.failed() > 0) {
            throw new IOException(churn.failed() + " churn bot(s) failed on port " + port
                    + " (refused connect or login, or a connection dropped): the rate would be the retry delay's");
        }
    }
}
