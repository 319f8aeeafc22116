package io.onlineuser.bench.process;

import java.io.IOException;
import java.time.Duration;

/**
 * Waits, while a load keeps running, until a JVM's JIT has done its compiling: its compiler
 * threads used at most {@value #QUIET_SHARE_PERCENT} % of the process's CPU over the last
 * {@value #WINDOW_SECONDS} s. A warm-up of a fixed amount of work ends while the side with the
 * agent still compiles (it has more code to compile); measured pairs must start from both
 * sides' steady state.
 */
public final class CompilerQuiet {

    static final int QUIET_SHARE_PERCENT = 1;
    static final int WINDOW_SECONDS = 5;

    private CompilerQuiet() {
    }

    /**
     * Returns the compiler threads' CPU seconds spent while waiting; prints a warning when
     * {@code limit} passes first.
     */
    public static double await(long pid, String what, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        double[] start = ProcessCpu.of(pid);
        double[] before = start;
        while (true) {
            Thread.sleep(WINDOW_SECONDS * 1_000L);
            double[] now = ProcessCpu.of(pid);
            double process = now[0] - before[0];
            double compiler = now[1] - before[1];
            if (compiler * 100 <= QUIET_SHARE_PERCENT * process) {
                return now[1] - start[1];
            }
            if (System.nanoTime() > deadline) {
                System.err.printf("   WARNING: %s still compiling after %d s (%.0f %% of its CPU in the last %d s);"
                        + " the first pairs may include JIT work%n", what, limit.toSeconds(),
                        100 * compiler / Math.max(process, 1e-9), WINDOW_SECONDS);
                return now[1] - start[1];
            }
            before = now;
        }
    }
}
