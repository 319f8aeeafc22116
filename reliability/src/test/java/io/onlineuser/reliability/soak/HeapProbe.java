package io.onlineuser.reliability.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The connector's live heap, measured as operators would, with {@code jcmd <pid>
 * GC.class_histogram}: it runs a full GC and counts what survived in one step. (GC.run then
 * GC.heap_info also counts what the churn allocated between the two commands: ±10 MB here.)
 * Jolokia cannot do it: its policy allows only {@code onlineuser:*}.
 */
final class HeapProbe {

    /** The histogram's last line: "Total   <instances>   <bytes>". */
    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

    private final long pid;
    private final String jcmd;

    HeapProbe(long pid) {
        this.pid = pid;
        this.jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    }

    /** Kilobytes of objects alive after a full GC. */
    long liveKilobytes() throws IOException, InterruptedException {
        String histogram = run("GC.class_histogram");
        Matcher total = TOTAL.matcher(histogram);
        if (!total.find()) {
            throw new IOException("no Total line in jcmd GC.class_histogram output:\n"
                    + histogram.substring(0, Math.min(2000, histogram.length())));
        }
        return Long.parseLong(total.group(1)) / 1024;
    }

    private String run(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(jcmd, Long.toString(pid), command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("jcmd " + pid + " " + command + " failed:\n" + output);
        }
        return output;
    }
}
