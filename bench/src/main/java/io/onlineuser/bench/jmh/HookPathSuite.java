package io.onlineuser.bench.jmh;

import io.onlineuser.bench.report.Row;
import io.onlineuser.bench.report.Stats;
import io.onlineuser.bench.report.Target;
import io.onlineuser.testkit.Jars;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The per-event cost through the agent's real hooks ({@link HookPathBenchmark}, one thread):
 * JMH forks with the shaded agent as {@code -javaagent} and forks without it, alternating (with
 * first, then without first, …); each round gives one difference of the two forks' medians.
 */
public final class HookPathSuite {

    private static final double OPEN_CLOSE_TARGET_NS = 150;
    private static final double BIND_UNBIND_TARGET_NS = 200;
    private static final String BIND = "hookedBindUnbind";
    private static final String CLOSE_OPEN = "hookedCloseOpen";
    /** JMH's own output of the last fork (a failed count check in the fork is told there). */
    private static final Path LOG = Jars.repoRoot().resolve("bench/target/jmh-hook-path.log");

    private final boolean quick;

    public HookPathSuite(boolean quick) {
        this.quick = quick;
    }

    public List<Row> run() {
        int rounds = quick ? 1 : 3;
        Map<String, List<Double>> with = new HashMap<>();
        Map<String, List<Double>> without = new HashMap<>();
        Map<String, List<Double>> cost = new HashMap<>();
        for (int round = 0; round < rounds; round++) {
            Map<String, List<Double>> withRun;
            Map<String, List<Double>> withoutRun;
            if (round % 2 == 0) {
                withRun = run(true);
                withoutRun = run(false);
            } else {
                withoutRun = run(false);
                withRun = run(true);
            }
            for (String method : List.of(BIND, CLOSE_OPEN)) {
                with.computeIfAbsent(method, m -> new ArrayList<>()).addAll(withRun.get(method));
                without.computeIfAbsent(method, m -> new ArrayList<>()).addAll(withoutRun.get(method));
                double difference = Stats.of(withRun.get(method)).median() - Stats.of(withoutRun.get(method)).median();
                cost.computeIfAbsent(method, m -> new ArrayList<>()).add(difference);
                System.err.printf("   hook path round %d: %s %.1f ns/op with the agent, %.1f without: %.1f%n", round + 1,
                        method, Stats.of(withRun.get(method)).median(), Stats.of(withoutRun.get(method)).median(),
                        difference);
            }
        }
        String forks = "1 thread, the same JMH benchmark in forks with and without -javaagent; ";
        String held = "10,000 logged-in players held";
        return List.of(
                Row.context("JMH hook path: login + logout, without agent", Stats.of(without.get(BIND)), "ns/op",
                        forks + "the application's bind/unbind alone"),
                Row.context("JMH hook path: login + logout, with agent", Stats.of(with.get(BIND)), "ns/op",
                        forks + "hook calls, bridge, ClassValue lookups, uid/channel/address reflection, tracker; " + held),
                new Row("JMH hook path: agent's cost of a login + logout", Stats.of(cost.get(BIND)), "ns/op",
                        Target.atMost(BIND_UNBIND_TARGET_NS), "with − without, medians of the forks of one round"),
                Row.context("JMH hook path: close + open, without agent", Stats.of(without.get(CLOSE_OPEN)), "ns/op",
                        forks + "Netty's fireChannelInactive + fireChannelActive through an EmbeddedChannel's pipeline"),
                Row.context("JMH hook path: close + open, with agent", Stats.of(with.get(CLOSE_OPEN)), "ns/op",
                        forks + "plus the pipeline calls, accepted-channel check, remote address, tracker; " + held),
                new Row("JMH hook path: agent's cost of a close + open", Stats.of(cost.get(CLOSE_OPEN)), "ns/op",
                        Target.atMost(OPEN_CLOSE_TARGET_NS), "with − without, medians of the forks of one round"));
    }

    /** Iteration scores per benchmark method of one fork. */
    private Map<String, List<Double>> run(boolean withAgent) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(HookPathBenchmark.class.getName() + "\\.")
                .threads(1)
                .forks(1)
                .warmupIterations(quick ? 3 : 5)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 3 : 5)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgs("-Xmx512m")
                .shouldFailOnError(true)
                .output(LOG.toString())
                .verbosity(VerboseMode.NORMAL);
        if (withAgent) {
            options.jvmArgsAppend("-javaagent:" + Jars.agentJar() + "=" + agentOptions());
        }
        Map<String, List<Double>> scores = new HashMap<>();
        Collection<RunResult> results;
        try {
            results = new Runner(options.build()).run();
        } catch (RunnerException e) {
            throw new IllegalStateException("the hook path benchmark failed" + (withAgent ? " with" : " without")
                    + " the agent; JMH's output: " + LOG, e);
        }
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            List<Double> values = scores.computeIfAbsent(method, m -> new ArrayList<>());
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                for (IterationResult iteration : fork.getIterationResults()) {
                    values.add(iteration.getPrimaryResult().getScore());
                }
            }
        }
        for (String method : List.of(BIND, CLOSE_OPEN)) {
            if (!scores.containsKey(method)) {
                throw new IllegalStateException(method + (withAgent ? " with" : " without")
                        + " the agent gave no result; JMH's output: " + LOG);
            }
        }
        return scores;
    }

    /** Hooks on the benchmark's own session service; Jolokia off (the MXBeans are read in the fork). */
    private static String agentOptions() {
        String sessions = GameSessions.class.getName();
        return "serverId=" + HookPathBenchmark.SERVER_ID + ",jolokia.enabled=false"
                + ",hook.bind=" + sessions + "#bind/2 session=arg0 uid=arg1"
                + ",hook.unbind=" + sessions + "#unbind/1 session=arg0";
    }
}
