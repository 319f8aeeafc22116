package io.onlineuser.bench.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A process's CPU time from /proc, whole and by thread. */
public final class ProcessCpu {

    private ProcessCpu() {
    }

    /** {utime + stime of the process, of its "C1/C2 CompilerThread" threads} in seconds. */
    public static double[] of(long pid) throws IOException {
        long compiler = 0;
        for (Map.Entry<String, Long> thread : ticksByThread(pid).entrySet()) {
            if (thread.getKey().contains("CompilerThre")) {
                compiler += thread.getValue();
            }
        }
        return new double[] {seconds(pid), compiler / 100.0};
    }

    /** utime + stime of the process, in seconds. */
    public static double seconds(long pid) throws IOException {
        return ticks(Files.readString(Path.of("/proc/" + pid + "/stat"))) / 100.0;
    }

    /** "tid name" → utime + stime, in clock ticks of 1/100 s, of every thread alive now. */
    public static Map<String, Long> ticksByThread(long pid) throws IOException {
        Map<String, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    ticks.put(task.getFileName() + " " + name, ticks(stat));
                } catch (IOException gone) {
                    // the thread ended between the listing and the read
                }
            }
        }
        return ticks;
    }

    /** utime + stime of a /proc stat line (fields 14 and 15, in clock ticks of 1/100 s). */
    static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
