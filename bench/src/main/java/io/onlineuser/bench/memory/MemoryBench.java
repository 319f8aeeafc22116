package io.onlineuser.bench.memory;

import io.onlineuser.bench.process.ChildJvm;
import io.onlineuser.bench.report.Row;
import io.onlineuser.bench.report.Stats;
import io.onlineuser.bench.report.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Heap the tracker retains per logged-in user, at 100,000 and 1,000,000 users. */
public final class MemoryBench {

    private static final double TARGET_BYTES = 150;

    private final boolean quick;

    public MemoryBench(boolean quick) {
        this.quick = quick;
    }

    public List<Row> run() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int users : new int[] {100_000, 1_000_000}) {
            rows.add(measure(users, quick ? 2 : 3));
        }
        rows.add(measureNumeric(quick ? 100_000 : 1_000_000, quick ? 2 : 3));
        return rows;
    }

    /** Players known to the application by a numeric id: the agent keeps a uid string of its own. */
    static Row measureNumeric(int users, int repeats) throws Exception {
        List<Double> bytesPerUser = bytesPerUser(users, repeats, List.of(String.valueOf(users), "numeric"));
        return new Row(String.format("memory per logged-in user at %,d users, numeric uid", users), Stats.of(bytesPerUser),
                "bytes", Target.atMost(TARGET_BYTES), "as above, but the application holds a long id and no uid string: "
                        + "includes the 8-digit uid string the agent makes (Long.toString) and keeps");
    }

    /** Also used by the smoke test with a tiny population. */
    public static Row measure(int users, int repeats) throws Exception {
        List<Double> bytesPerUser = bytesPerUser(users, repeats, List.of(String.valueOf(users)));
        return new Row(String.format("memory per logged-in user at %,d users", users), Stats.of(bytesPerUser), "bytes", Target.atMost(TARGET_BYTES),
                "live heap after full GC, tracker filled minus app objects alone (connection + session)");
    }

    private static List<Double> bytesPerUser(int users, int repeats, List<String> args) throws Exception {
        List<Double> bytesPerUser = new ArrayList<>();
        for (int run = 0; run < repeats; run++) {
            Map<String, List<Double>> samples = ChildJvm.run(MemoryProbe.class,
                    List.of("-Xmx2g", "-Xms2g", "-XX:+UseSerialGC"), args, 600);
            bytesPerUser.addAll(samples.get("bytesPerUser"));
        }
        return bytesPerUser;
    }
}
