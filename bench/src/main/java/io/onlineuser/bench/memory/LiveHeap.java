package io.onlineuser.bench.memory;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The live heap as {@code jcmd <pid> GC.class_histogram} counts it: a full GC, then every
 * reachable object summed by class. Exact, unlike "heap used" after {@code System.gc()}, which
 * drifted by megabytes between identical states in our runs.
 */
public final class LiveHeap {

    private final Map<String, Long> bytesByClass;
    private final long total;

    private LiveHeap(Map<String, Long> bytesByClass, long total) {
        this.bytesByClass = bytesByClass;
        this.total = total;
    }

    public static LiveHeap measure() {
        String histogram;
        try {
            histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {null}, new String[] {String[].class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException("GC.class_histogram is not available in this JVM", e);
        }
        Map<String, Long> byClass = new HashMap<>();
        long total = -1;
        for (String line : histogram.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 4 && columns[0].endsWith(":")) {
                byClass.merge(columns[3], Long.parseLong(columns[2]), Long::sum);
            } else if (columns.length == 3 && columns[0].equals("Total")) {
                total = Long.parseLong(columns[2]);
            }
        }
        if (total < 0) {
            throw new IllegalStateException("no Total line in the class histogram");
        }
        return new LiveHeap(byClass, total);
    }

    public long total() {
        return total;
    }

    /** The classes that grew most from {@code before} to this, as "name +bytes" lines. */
    public List<String> largestGrowthSince(LiveHeap before, int count) {
        List<Map.Entry<String, Long>> growth = new ArrayList<>();
        bytesByClass.forEach((name, bytes) -> growth.add(Map.entry(name, bytes - before.bytesByClass.getOrDefault(name, 0L))));
        growth.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Long> entry : growth.subList(0, Math.min(count, growth.size()))) {
            lines.add(entry.getKey() + " +" + entry.getValue());
        }
        return lines;
    }
}
