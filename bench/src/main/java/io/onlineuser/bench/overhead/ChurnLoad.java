package io.onlineuser.bench.overhead;

import io.onlineuser.sample.bots.Bots;
import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Closed-loop churn: each bot connects, handshakes, logs in, chats once, logs out, closes, again.
 *
 * <p>The bots connect without a source address. Then {@code connect()} picks the local port for
 * the destination and takes over a loopback port still in TIME_WAIT ({@code net.ipv4.tcp_tw_reuse}
 * = 2, Linux's default), so ~14,000 TIME_WAIT ports are enough and the cost stays flat. With source
 * addresses, each connect first calls {@code bind(address, 0)}, and that search for a free port
 * scans past every port still in TIME_WAIT (60 s each). Once ~60,000 had piled up, bind took
 * 80% of the bots' CPU and churn dropped from ~3,000 to ~500 cycles/s until they expired.
 * Runs alternate, so whichever run came after a fast one was slow, with or without the agent.
 */
final class ChurnLoad {

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
     * Churns until {@code cycles} cycles are done: the JITs warm up by work done, which takes
     * longer on a loaded machine, not by a fixed time. Stops after {@code limit} with a warning.
     */
    static void warmUp(int port, int bots, String uidPrefix, long cycles, Duration limit)
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
            Thread.sleep(warmup.toMillis());
            long startCpu = connectorCpuNanos.getAsLong();
            long startNanos = System.nanoTime();
            long startCycles = churn.cycles();
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
                long cycles = churn.cycles();
                double rate = (cycles - lastCycles) / ((nanos - lastNanos) / 1e9);
                slowest = Math.min(slowest, rate);
                fastest = Math.max(fastest, rate);
                lastNanos = nanos;
                lastCycles = cycles;
            }
            long cpu = connectorCpuNanos.getAsLong() - startCpu;
            failIfAnyFailed(churn, port);
            long cycles = lastCycles - startCycles;
            return new Run(cycles / ((lastNanos - startNanos) / 1e9), slowest, fastest, cpu / 1e3 / Math.max(1, cycles));
        }
    }

    /** No source address: see the class comment. */
    private static Bots start(int port, int bots, String uidPrefix) {
        return Bots.builder("127.0.0.1", port).connections(bots).logins(bots).ratePerSecond(0)
                .churn(true).uidPrefix(uidPrefix).start();
    }

    private static void failIfAnyFailed(Bots churn, int port) throws IOException {
        if (churn.failed() > 0) {
            throw new IOException(churn.failed() + " churn bot(s) failed on port " + port
                    + " (refused connect or login, or a connection dropped): the rate would be the retry delay's");
        }
    }
}
