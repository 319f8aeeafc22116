package io.onlineuser.bench.overhead;

import io.onlineuser.bench.process.Connector;
import io.onlineuser.bench.report.Row;
import io.onlineuser.bench.report.Stats;
import io.onlineuser.bench.report.Target;
import io.onlineuser.testkit.JolokiaHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 6 item 1: connector throughput with the agent ÷ without. Both connectors run side by
 * side (same flags, same machine load); runs alternate A B, B A, A B … so that drift in the
 * machine's load falls on both; each pair gives one ratio.
 */
public final class OverheadBench {

    private static final double TARGET_RATIO = 0.98;
    private static final String STATS = "onlineuser:type=ConnectionStats,serverId=bench-agent";
    private static final int HELD_USERS = 10_000;
    private static final int CHURN_BOTS = 50;
    private static final int CHATTERS = 8;

    private final int rounds;
    private final Duration warmup;
    private final Duration measure;

    public OverheadBench(boolean quick) {
        this(quick ? 3 : 5, Duration.ofSeconds(3), Duration.ofSeconds(quick ? 5 : 10));
    }

    public OverheadBench(int rounds, Duration warmup, Duration measure) {
        this.rounds = rounds;
        this.warmup = warmup;
        this.measure = measure;
    }

    public List<Row> run() throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Connector plain = connector("bench-plain", false);
             Connector withAgent = connector("bench-agent", true)) {
            JolokiaHttp jolokia = new JolokiaHttp(withAgent.jolokiaUrl());
            rows.addAll(churn(plain, withAgent));
            if (jolokia.read(STATS, "LoginTotal").asLong() == 0) {
                throw new IllegalStateException("the agent counted no login during churn: hooks not installed?");
            }
            awaitCount(jolokia, "TotalConnCount", 0);
            rows.addAll(chat(plain, withAgent, jolokia));
        }
        return rows;
    }

    private List<Row> churn(Connector plain, Connector withAgent) throws Exception {
        double[] without = new double[rounds];
        double[] with = new double[rounds];
        double[] ratio = new double[rounds];
        // an unmeasured round first: both JITs reach steady state before any figure is kept
        ChurnLoad.cyclesPerSecond(plain.port(), CHURN_BOTS, "warm-", warmup, warmup);
        ChurnLoad.cyclesPerSecond(withAgent.port(), CHURN_BOTS, "warm-", warmup, warmup);
        for (int round = 0; round < rounds; round++) {
            String prefix = "churn-" + round + "-";
            boolean plainFirst = round % 2 == 0;
            for (int leg = 0; leg < 2; leg++) {
                boolean plainLeg = (leg == 0) == plainFirst;
                Connector target = plainLeg ? plain : withAgent;
                double rate = ChurnLoad.cyclesPerSecond(target.port(), CHURN_BOTS, prefix, warmup, measure);
                if (plainLeg) {
                    without[round] = rate;
                } else {
                    with[round] = rate;
                }
            }
            ratio[round] = with[round] / without[round];
            System.err.printf("   churn round %d: %.0f cycles/s without, %.0f with (%.3f)%n",
                    round + 1, without[round], with[round], ratio[round]);
        }
        String note = CHURN_BOTS + " bots: connect, handshake, login, chat, logout, close";
        return List.of(
                Row.context("churn without agent", Stats.of(without), "cycles/s", note),
                Row.context("churn with agent", Stats.of(with), "cycles/s", note),
                new Row("churn throughput ratio with ÷ without", Stats.of(ratio), "ratio", Target.atLeast(TARGET_RATIO),
                        "alternating runs, one ratio per pair"));
    }

    private List<Row> chat(Connector plain, Connector withAgent, JolokiaHttp jolokia) throws Exception {
        double[] without = new double[rounds];
        double[] with = new double[rounds];
        double[] ratio = new double[rounds];
        try (HeldUsers heldPlain = HeldUsers.hold(plain.port(), HELD_USERS, "held-");
             HeldUsers heldWithAgent = HeldUsers.hold(withAgent.port(), HELD_USERS, "held-")) {
            awaitCount(jolokia, "LoginedCount", HELD_USERS);
            ChatLoad.messagesPerSecond(plain.port(), CHATTERS, "warm-", "held-0", warmup, warmup);
            ChatLoad.messagesPerSecond(withAgent.port(), CHATTERS, "warm-", "held-0", warmup, warmup);
            for (int round = 0; round < rounds; round++) {
                String prefix = "chat-" + round + "-";
                boolean plainFirst = round % 2 == 0;
                for (int leg = 0; leg < 2; leg++) {
                    boolean plainLeg = (leg == 0) == plainFirst;
                    Connector target = plainLeg ? plain : withAgent;
                    double rate = ChatLoad.messagesPerSecond(target.port(), CHATTERS, prefix, "held-" + round,
                            warmup, measure);
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
        String note = CHATTERS + " closed-loop chatters, " + String.format("%,d", HELD_USERS) + " users logged in";
        return List.of(
                Row.context("chat without agent", Stats.of(without), "msg/s", note),
                Row.context("chat with agent", Stats.of(with), "msg/s", note),
                new Row("chat throughput ratio with ÷ without", Stats.of(ratio), "ratio", Target.atLeast(TARGET_RATIO),
                        "alternating runs, one ratio per pair"));
    }

    /** Same flags for both connectors. */
    private static Connector connector(String id, boolean agent) throws IOException {
        return Connector.start(id, agent, List.of("-Xmx512m", "-XX:+UseSerialGC"));
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
