package io.onlineuser.bench.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's CPU time from /proc, and the part its JIT compiler threads spent. */
public final class ProcessCpu {

    private ProcessCpu() {
    }

    /** {utime + stime of the process, of its "C1/C2 CompilerThread" threads} in seconds. */
    public static double[] of(long pid) throws IOException {
        long compiler = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    if (stat.contains("CompilerThre")) {
                        compiler += ticks(stat);
                    }
                } catch (IOException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return new double[] {ticks(Files.readString(Path.of("/proc/" + pid + "/stat"))) / 100.0, compiler / 100.0};
    }

    /** utime + stime of a /proc stat line (fields 14 and 15, in clock ticks of 1/100 s). */
    static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
