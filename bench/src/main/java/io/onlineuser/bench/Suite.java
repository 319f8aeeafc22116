package io.onlineuser.bench;

import io.onlineuser.bench.cold.ColdBench;
import io.onlineuser.bench.collector.CollectorBench;
import io.onlineuser.bench.collector.LiveBench;
import io.onlineuser.bench.fleet.FleetBench;
import io.onlineuser.bench.jmh.HookPathSuite;
import io.onlineuser.bench.jmh.JmhSuite;
import io.onlineuser.bench.memory.MemoryBench;
import io.onlineuser.bench.overhead.OverheadBench;
import io.onlineuser.bench.read.ReadBench;
import io.onlineuser.bench.report.Row;
import io.onlineuser.bench.startup.StartupBench;
import java.util.List;

/** The parts of the table, in the order they run; each needs only what is listed beside it. */
enum Suite {
    JMH("per-event cost (JMH), needs agent-core",
            quick -> new JmhSuite(quick).run()),
    HOOKS("per-event cost through the agent's real hooks (JMH forks with and without -javaagent), needs the agent jar",
            quick -> new HookPathSuite(quick).run()),
    MEMORY("heap per logged-in user, needs agent-core",
            quick -> new MemoryBench(quick).run()),
    READ("Jolokia read cost at 0 and 1M users, needs agent-core",
            quick -> new ReadBench(quick).run()),
    OVERHEAD("connector throughput with the agent ÷ without, needs agent and sample-server jars",
            quick -> new OverheadBench(quick).run()),
    COLLECTOR("collector library against 8 connectors with 10,000 users, needs agent and sample-server jars",
            quick -> new CollectorBench(quick).run()),
    LIVE("collector live mode against 8 connectors with 10,000 users, needs agent, sample-server and collector jars",
            quick -> new LiveBench(quick).run()),
    COLD("first answers: fresh connectors and a fresh collector, calls 1-300, and a fresh java -jar, needs agent, sample-server and collector jars",
            quick -> new ColdBench(quick).run()),
    STARTUP("start-up cost and late attach, needs agent and sample-server jars",
            quick -> new StartupBench(quick).run()),
    FLEET("collector against simulated fleets of 100, 300 and 1,000 connectors x 1,000 users, needs agent-core",
            quick -> new FleetBench(quick).run());

    private final String description;
    private final Runner runner;

    Suite(String description, Runner runner) {
        this.description = description;
        this.runner = runner;
    }

    String description() {
        return description;
    }

    List<Row> run(boolean quick) throws Exception {
        return runner.run(quick);
    }

    /** Runs one suite, shorter with {@code quick}. */
    @FunctionalInterface
    private interface Runner {
        List<Row> run(boolean quick) throws Exception;
    }
}
