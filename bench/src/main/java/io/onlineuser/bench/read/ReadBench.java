package io.onlineuser.bench.read;

import io.onlineuser.bench.process.ChildJvm;
import io.onlineuser.bench.report.Row;
import io.onlineuser.bench.report.Stats;
import io.onlineuser.bench.report.Target;
import java.util.List;
import java.util.Map;

/** A ConnectionStats read over real Jolokia HTTP costs the same at 0 and 1M users. */
public final class ReadBench {

    private static final double TARGET_RATIO = 1.2;
    private static final double TARGET_MEDIAN_MS = 0.5;

    private final boolean quick;

    public ReadBench(boolean quick) {
        this.quick = quick;
    }

    public List<Row> run() throws Exception {
        return measure(1_000_000, quick ? 3 : 7, quick ? 200 : 500);
    }

    /** Also used by the smoke test with a tiny population. */
    public static List<Row> measure(int users, int rounds, int readsPerRound) throws Exception {
        Map<String, List<Double>> samples = ChildJvm.run(ReadProbe.class,
                List.of("-Xmx2g", "-XX:+UseSerialGC"),
                List.of(String.valueOf(users), String.valueOf(rounds), String.valueOf(readsPerRound)), 600);
        String note = "all attributes, keep-alive POST, medians of " + readsPerRound + " reads per run";
        return List.of(
                new Row("Jolokia read ConnectionStats, 0 users", Stats.of(samples.get("emptyMs")), "ms",
                        Target.atMost(TARGET_MEDIAN_MS), note),
                new Row(String.format("Jolokia read ConnectionStats, %,d users", users), Stats.of(samples.get("fullMs")),
                        "ms", Target.atMost(TARGET_MEDIAN_MS), note),
                new Row(String.format("read cost ratio %,d users ÷ 0 users", users), Stats.of(samples.get("ratio")),
                        "ratio", Target.atMost(TARGET_RATIO), "reads alternate A B A B in one JVM"));
    }
}
