package io.onlineuser.bench.process;

import io.onlineuser.testkit.ConnectorProcess;
import java.time.Duration;

/**
 * testkit's connector launcher as the benchmarks use it: every JIT tier, as in production, and a
 * start timeout long enough for eight connector JVMs starting at once on two cores.
 */
public final class BenchConnectors {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

    private BenchConnectors() {
    }

    public static ConnectorProcess.Builder builder(String serverId, boolean withAgent) {
        return ConnectorProcess.builder().serverId(serverId).withAgent(withAgent).fullJit().startTimeout(START_TIMEOUT);
    }
}
