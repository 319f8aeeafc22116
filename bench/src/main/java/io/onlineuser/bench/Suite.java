package io.onlineuser.bench;

import io.onlineuser.bench.collector.CollectorBench;
import io.onlineuser.bench.jmh.JmhSuite;
import io.onlineuser.bench.memory.MemoryBench;
import io.onlineuser.bench.overhead.OverheadBench;
import io.onlineuser.bench.read.ReadBench;
import io.onlineuser.bench.report.Row;
import io.onlineuser.bench.startup.StartupBench;
import java.util.List;

/** The parts of the table, in the order they run; each needs only what is listed beside it. */
enum Suite {
    JMH("per-event cost (JMH), needs agent-core") {
        @Override
        List<Row> run(boolean quick) throws Exception {
            return new JmhSuite(quick).run();
        }
    },
    MEMORY("heap per logged-in user, needs agent-core") {
        @Override
        List<Row> run(boolean quick) throws Exception {
            return new MemoryBench(quick).run();
        }
    },
    READ("Jolokia read cost at 0 and 1M users, needs agent-core") {
        @Override
        List<Row> run(boolean quick) throws Exception {
            return new ReadBench(quick).run();
        }
    },
    OVERHEAD("connector throughput with the agent ÷ without, needs agent and sample-server jars") {
        @Override
        List<Row> run(boolean quick) throws Exception {
            return new OverheadBench(quick).run();
        }
    },
    COLLECTOR("collector library against 8 connectors with 10,000 users, needs agent and sample-server jars") {
        @Override
        List<Row> run(boolean quick) throws Exception {
            return new CollectorBench(quick).run();
        }
    },
    STARTUP("start-up cost and late attach, needs agent and sample-server jars") {
        @Override
        List<Row> run(boolean quick) throws Exception {
            return new StartupBench(quick).run();
        }
    };

    private final String description;

    Suite(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    abstract List<Row> run(boolean quick) throws Exception;
}
