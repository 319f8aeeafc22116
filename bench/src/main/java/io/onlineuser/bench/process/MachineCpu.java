package io.onlineuser.bench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The whole machine's CPU use, from the first line of /proc/stat. */
public final class MachineCpu {

    private MachineCpu() {
    }

    /** Cores busy on average (every process: user, system, interrupts) over the next {@code millis}. */
    public static double busyCores(long millis) throws IOException, InterruptedException {
        long[] before = busyAndTotalTicks();
        Thread.sleep(millis);
        long[] after = busyAndTotalTicks();
        long total = after[1] - before[1];
        return total == 0 ? 0 : (double) (after[0] - before[0]) / total * Runtime.getRuntime().availableProcessors();
    }

    /** {busy, all} clock ticks summed over the cores since boot; idle and iowait are not busy. */
    private static long[] busyAndTotalTicks() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
        String[] fields = cpu.trim().split("\\s+");
        long all = 0;
        long idle = 0;
        for (int i = 1; i < Math.min(fields.length, 9); i++) { // user nice system idle iowait irq softirq steal
            long ticks = Long.parseLong(fields[i]);
            all += ticks;
            if (i == 4 || i == 5) {
                idle += ticks;
            }
        }
        return new long[] {all - idle, all};
    }
}
