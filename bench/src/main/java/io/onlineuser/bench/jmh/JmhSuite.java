package io.onlineuser.bench.jmh;

import io.onlineuser.bench.report.Row;
import io.onlineuser.bench.report.Stats;
import io.onlineuser.bench.report.Target;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Per-event cost through OnlineTracker, 1 and 2 threads, via JMH's Runner API. */
public final class JmhSuite {

    private static final double OPEN_CLOSE_TARGET_NS = 150;
    private static final double BIND_UNBIND_TARGET_NS = 200;

    private final boolean quick;

    public JmhSuite(boolean quick) {
        this.quick = quick;
    }

    public List<Row> run() throws RunnerException {
        List<Row> rows = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(TrackerBenchmark.class.getName() + "\\.")
                    .threads(threads)
                    .forks(quick ? 1 : 2)
                    .warmupIterations(quick ? 3 : 5)
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(quick ? 3 : 5)
                    .measurementTime(TimeValue.seconds(1))
                    .jvmArgs("-Xmx512m")
                    .verbosity(VerboseMode.SILENT);
            Collection<RunResult> results = new Runner(options.build()).run();
            for (RunResult result : results) {
                rows.add(rowOf(result, threads));
            }
        }
        return rows;
    }

    private static Row rowOf(RunResult result, int threads) {
        String method = result.getParams().getBenchmark();
        method = method.substring(method.lastIndexOf('.') + 1);
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult fork : result.getBenchmarkResults()) {
            for (IterationResult iteration : fork.getIterationResults()) {
                scores.add(iteration.getPrimaryResult().getScore());
            }
        }
        Stats stats = Stats.of(scores);
        String name = "JMH " + method + ", " + threads + (threads == 1 ? " thread" : " threads");
        String note = "per thread, tracker holding 10,000 logged-in connections";
        switch (method) {
            case "connectionOpenClose":
                return new Row(name, stats, "ns/op", Target.atMost(OPEN_CLOSE_TARGET_NS), note);
            case "sessionBindUnbind":
                return new Row(name, stats, "ns/op", Target.atMost(BIND_UNBIND_TARGET_NS), note);
            case "baselineMapPutRemove":
                return Row.context(name, stats, "ns/op", "baseline: ConcurrentHashMap put+remove");
            default:
                return Row.context(name, stats, "ns/op", "context: open, bind, unbind, close");
        }
    }
}
