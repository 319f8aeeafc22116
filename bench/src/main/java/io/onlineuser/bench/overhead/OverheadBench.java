package io.onlineuser.bench.overhead;

import io.onlineuser.bench.process.BenchConnectors;
import io.onlineuser.bench.report.MeanInterval;
import io.onlineuser.bench.report.Row;
import io.onlineuser.bench.report.Stats;
import io.onlineuser.bench.report.Target;
import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.testkit.JolokiaHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Connector throughput with the agent ÷ without. Both connectors run side by
 * side (same flags, same machine load); runs alternate A B, B A, A B … so that drift in the
 * machine's load falls on both; each pair gives one ratio. With {@code OVERHEAD_BASELINE_AGENT_JAR}
 * naming another agent jar (an earlier build), a third connector runs with it and takes its turn in
 * every churn round (A B C, B C A, C A B, …): old and new agent against the same runs without.
 * Then the same churn on a MINA connector ({@link MinaOverhead}); {@code OVERHEAD_ONLY=mina} runs
 * only that.
 */
public final class OverheadBench {

    private static final double TARGET_RATIO = 0.98;
    /** The agent's share of a churn cycle's CPU: at most 2 %. */
    private static final double TARGET_CPU_RATIO = 1.02;
    /** Pairs go on until the 95 % interval of the mean CPU ratio is this narrow (±), so 2 % shows. */
    private static final double CPU_RATIO_HALF_WIDTH = 0.01;
    private static final String STATS = "onlineuser:type=ConnectionStats,serverId=bench-agent";
    private static final int HELD_USERS = 10_000;
    private static final int CHURN_BOTS = 50;
    private static final int CHATTERS = 8;

    /**
     * Churn: many short runs, so that the two runs of a pair see the same machine; at least
     * {@code pairs}, then more (up to {@code maxPairs}) until the CPU ratio is known to ±1 %.
     */
    private static final Schedule CHURN = new Schedule(16, 48, Duration.ofSeconds(1), Duration.ofSeconds(3));
    private static final Schedule CHURN_QUICK = new Schedule(6, 12, Duration.ofSeconds(1), Duration.ofSeconds(2));
    /** Unmeasured, on each connector before the pairs: both JITs reach steady state first. */
    private static final long CHURN_WARMUP_CYCLES = 30_000;
    private static final Duration CHURN_WARMUP_LIMIT = Duration.ofSeconds(180);
    private static final Schedule CHAT = new Schedule(5, 5, Duration.ofSeconds(3), Duration.ofSeconds(10));
    private static final Schedule CHAT_QUICK = new Schedule(3, 3, Duration.ofSeconds(3), Duration.ofSeconds(5));
    private static final String BASELINE_AGENT_JAR = "OVERHEAD_BASELINE_AGENT_JAR";
    /** {@code OVERHEAD_ONLY=mina}: the MINA connector's churn only. */
    private static final String ONLY = "OVERHEAD_ONLY";

    /**
     * @param pairs    alternating pairs of runs (without, with), each giving one ratio
     * @param maxPairs churn: more pairs, up to this many, while the CPU ratio is not yet known to ±1 %
     * @param warmup  load before each run's measurement starts
     * @param measure each run's measured time
     */
    public record Schedule(int pairs, int maxPairs, Duration warmup, Duration measure) {
    }

    private final Schedule churn;
    private final Schedule chat;

    public OverheadBench(boolean quick) {
        this(quick ? CHURN_QUICK : CHURN, quick ? CHAT_QUICK : CHAT);
    }

    public OverheadBench(Schedule churn, Schedule chat) {
        this.churn = churn;
        this.chat = chat;
    }

    public List<Row> run() throws Exception {
        List<Row> rows = new ArrayList<>();
        if (!"mina".equals(System.getenv(ONLY))) {
            rows.addAll(sampleServer());
        }
        rows.addAll(new MinaOverhead(churn).run());
        return rows;
    }

    /** Churn and chat on the sample-server (Netty), with the agent and without. */
    private List<Row> sampleServer() throws Exception {
        List<Row> rows = new ArrayList<>();
        String baselineJar = System.getenv(BASELINE_AGENT_JAR);
        try (ConnectorProcess plain = connector("bench-plain", false);
             ConnectorProcess withAgent = connector("bench-agent", true);
             ConnectorProcess withBaseline = baselineJar == null ? null
                     : BenchConnectors.builderWithAgentJar("bench-baseline", baselineJar).maxHeap("512m").start()) {
            JolokiaHttp jolokia = new JolokiaHttp(withAgent.jolokiaUrl());
            rows.addAll(churn(plain, withAgent, withBaseline));
            if (jolokia.read(STATS, "LoginTotal").asLong() == 0) {
                throw new IllegalStateException("the agent counted no login during churn: hooks not installed?");
            }
            awaitCount(jolokia, "TotalConnCount", 0);
            rows.addAll(chat(plain, withAgent, jolokia));
        }
        return rows;
    }

    /** @param withBaseline a connector with an earlier agent build, or null */
    private List<Row> churn(ConnectorProcess plain, ConnectorProcess withAgent, ConnectorProcess withBaseline)
            throws Exception {
        List<ConnectorProcess> sides = withBaseline == null ? List.of(plain, withAgent)
                : List.of(plain, withAgent, withBaseline);
        int maxPairs = Math.max(churn.pairs(), churn.maxPairs());
        double[] without = new double[maxPairs];
        double[] with = new double[maxPairs];
        double[] ratio = new double[maxPairs];
        double[] cpuWithout = new double[maxPairs];
        double[] cpuWith = new double[maxPairs];
        double[] cpuRatio = new double[maxPairs];
        double[] cpuBaseline = new double[maxPairs];
        double[] cpuBaselineRatio = new double[maxPairs];
        int pairs = 0;
        for (ConnectorProcess side : sides) {
            ChurnLoad.warmUp(side.pomeloPort(), side.pid(), CHURN_BOTS, "warm-", CHURN_WARMUP_CYCLES, CHURN_WARMUP_LIMIT);
        }
        for (int pair = 0; pair < maxPairs; pair++) {
            String prefix = "churn-" + pair + "-";
            // each side starts a round in turn: with two, without / with, then with / without, …
            ChurnLoad.Run[] runs = new ChurnLoad.Run[sides.size()];
            for (int turn = 0; turn < sides.size(); turn++) {
                int side = (pair + turn) % sides.size();
                runs[side] = churnRun(sides.get(side), prefix, churn);
            }
            ChurnLoad.Run plainRun = runs[0];
            ChurnLoad.Run agentRun = runs[1];
            if (withBaseline != null) {
                cpuBaseline[pair] = runs[2].cpuMicrosPerCycle();
                cpuBaselineRatio[pair] = cpuBaseline[pair] / plainRun.cpuMicrosPerCycle();
                System.err.printf("   churn round %d, baseline agent: %.0f cycles/s, %.0f µs CPU/cycle, CPU ratio %.3f%n",
                        pair + 1, runs[2].cyclesPerSecond(), cpuBaseline[pair], cpuBaselineRatio[pair]);
            }
            without[pair] = plainRun.cyclesPerSecond();
            with[pair] = agentRun.cyclesPerSecond();
            ratio[pair] = with[pair] / without[pair];
            cpuWithout[pair] = plainRun.cpuMicrosPerCycle();
            cpuWith[pair] = agentRun.cpuMicrosPerCycle();
            cpuRatio[pair] = cpuWith[pair] / cpuWithout[pair];
            System.err.printf("   churn pair %d: %.0f cycles/s without (seconds %.0f-%.0f, %.0f µs CPU/cycle),"
                    + " %.0f with (%.0f-%.0f, %.0f µs): %.3f%n", pair + 1,
                    without[pair], plainRun.slowestSecond(), plainRun.fastestSecond(), cpuWithout[pair],
                    with[pair], agentRun.slowestSecond(), agentRun.fastestSecond(), cpuWith[pair], ratio[pair]);
            pairs = pair + 1;
            if (pairs >= churn.pairs() && MeanInterval.of(Arrays.copyOf(cpuRatio, pairs)).halfWidth() <= CPU_RATIO_HALF_WIDTH) {
                break;
            }
        }
        without = Arrays.copyOf(without, pairs);
        with = Arrays.copyOf(with, pairs);
        ratio = Arrays.copyOf(ratio, pairs);
        cpuWithout = Arrays.copyOf(cpuWithout, pairs);
        cpuWith = Arrays.copyOf(cpuWith, pairs);
        cpuRatio = Arrays.copyOf(cpuRatio, pairs);
        MeanInterval cpuInterval = MeanInterval.of(cpuRatio);
        String note = CHURN_BOTS + " bots: connect, handshake, login, chat, logout, close; "
                + churn.measure().toSeconds() + " s runs";
        String cpuNote = "connector process CPU time ÷ cycles, same runs";
        List<Row> rows = new ArrayList<>(List.of(
                Row.context("churn without agent", Stats.of(without), "cycles/s", note),
                Row.context("churn with agent", Stats.of(with), "cycles/s", note),
                Row.context("churn throughput ratio with ÷ without", Stats.of(ratio), "ratio",
                        "alternating runs, one ratio per pair; context: cycles/s swing with what else runs"),
                Row.context("churn connector CPU per cycle, without agent", Stats.of(cpuWithout), "µs", cpuNote),
                Row.context("churn connector CPU per cycle, with agent", Stats.of(cpuWith), "µs", cpuNote),
                new Row("churn CPU per cycle ratio with ÷ without", Stats.of(cpuRatio), "ratio",
                        Target.atMost(TARGET_CPU_RATIO), "one ratio per pair; pairs added until the mean is known to ±"
                        + Math.round(CPU_RATIO_HALF_WIDTH * 100) + " % (at most " + maxPairs + ")"),
                Row.context("churn CPU per cycle ratio, 95 % interval of the mean", Stats.of(cpuInterval.low(),
                        cpuInterval.mean(), cpuInterval.high()), "ratio",
                        "min and max columns: the interval's ends; median column: the mean of " + pairs + " pair ratios")));
        if (withBaseline != null) {
            rows.addAll(baselineRows(Arrays.copyOf(cpuBaseline, pairs), Arrays.copyOf(cpuBaselineRatio, pairs), cpuNote));
        }
        return rows;
    }

    private static List<Row> baselineRows(double[] cpuBaseline, double[] cpuBaselineRatio, String cpuNote) {
        MeanInterval interval = MeanInterval.of(cpuBaselineRatio);
        String jar = System.getenv(BASELINE_AGENT_JAR);
        return List.of(
                Row.context("churn connector CPU per cycle, with baseline agent", Stats.of(cpuBaseline), "µs",
                        cpuNote + "; " + jar),
                new Row("churn CPU per cycle ratio baseline agent ÷ without", Stats.of(cpuBaselineRatio), "ratio",
                        Target.atMost(TARGET_CPU_RATIO), "the same rounds' runs without the agent"),
                Row.context("churn CPU per cycle ratio baseline agent, 95 % interval of the mean", Stats.of(
                        interval.low(), interval.mean(), interval.high()), "ratio",
                        "min and max columns: the interval's ends; median column: the mean"));
    }

    private static ChurnLoad.Run churnRun(ConnectorProcess target, String uidPrefix, Schedule schedule) throws Exception {
        return ChurnLoad.run(target.pomeloPort(), () -> cpuNanos(target), CHURN_BOTS, uidPrefix, schedule.warmup(),
                schedule.measure());
    }

    private static long cpuNanos(ConnectorProcess connector) {
        return ProcessHandle.of(connector.pid()).flatMap(process -> process.info().totalCpuDuration())
                .map(Duration::toNanos)
                .orElseThrow(() -> new IllegalStateException("no CPU time for connector pid " + connector.pid()));
    }

    private List<Row> chat(ConnectorProcess plain, ConnectorProcess withAgent, JolokiaHttp jolokia) throws Exception {
        int rounds = chat.pairs();
        Duration warmup = chat.warmup();
        double[] without = new double[rounds];
        double[] with = new double[rounds];
        double[] ratio = new double[rounds];
        // an address each, not the churn's 127.0.2.x: 10,000 ports each, none in TIME_WAIT
        try (HeldUsers heldPlain = HeldUsers.hold(plain.pomeloPort(), HELD_USERS, "held-", "127.0.0.2");
             HeldUsers heldWithAgent = HeldUsers.hold(withAgent.pomeloPort(), HELD_USERS, "held-", "127.0.0.3")) {
            awaitCount(jolokia, "LoginedCount", HELD_USERS);
            ChatLoad.messagesPerSecond(plain.pomeloPort(), CHATTERS, "warm-", "held-0", warmup, warmup);
            ChatLoad.messagesPerSecond(withAgent.pomeloPort(), CHATTERS, "warm-", "held-0", warmup, warmup);
            for (int round = 0; round < rounds; round++) {
                String prefix = "chat-" + round + "-";
                boolean plainFirst = round % 2 == 0;
                for (int leg = 0; leg < 2; leg++) {
                    boolean plainLeg = (leg == 0) == plainFirst;
                    ConnectorProcess target = plainLeg ? plain : withAgent;
                    double rate = ChatLoad.messagesPerSecond(target.pomeloPort(), CHATTERS, prefix, "held-" + round,
                            warmup, chat.measure());
                    if (plainLeg) {
                        without[round] = rate;
                    } else {
                        with[round] = rate;
                    }
                }
                ratio[round] = with[round] / without[round];
                System.err.printf("   chat round %d: %.0f msg/s without, %.0f with (%.3f)%n",
                        round + 1, without[round], with[round], ratio[round]);
            }
        }
        // chat runs no instrumented method (the agent hooks connection open/close and login/logout only):
        // this measures what an agent holding 10,000 users costs the server's other work (heap, GC, JIT)
        String note = CHATTERS + " closed-loop chatters, " + String.format("%,d", HELD_USERS)
                + " users logged in; no instrumented method runs";
        return List.of(
                Row.context("chat without agent", Stats.of(without), "msg/s", note),
                Row.context("chat with agent", Stats.of(with), "msg/s", note),
                new Row("chat throughput ratio with ÷ without", Stats.of(ratio), "ratio", Target.atLeast(TARGET_RATIO),
                        "alternating runs, one ratio per pair"));
    }

    /** Same flags for both connectors. */
    private static ConnectorProcess connector(String id, boolean agent) throws IOException {
        return BenchConnectors.builder(id, agent).maxHeap("512m").start();
    }

    /** The agent must really be counting, or the ratio would mean nothing. */
    private static void awaitCount(JolokiaHttp jolokia, String attribute, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int seen = -1;
        while (System.nanoTime() < deadline) {
            try {
                seen = jolokia.read(STATS, attribute).asInt();
            } catch (UncheckedIOException slow) {
                seen = -1; // a starved connector answers late: ask again until the deadline
            }
            if (seen == expected) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("agent reports " + attribute + " " + seen + ", expected " + expected);
    }
}
