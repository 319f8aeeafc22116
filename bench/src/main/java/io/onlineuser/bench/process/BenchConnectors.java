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

    /** As {@code builder(serverId, true)}, but with another agent jar (an earlier build), the same options. */
    public static ConnectorProcess.Builder builderWithAgentJar(String serverId, String agentJar) {
        String options = builder(serverId, true).agentArgument();
        return builder(serverId, false).jvmArg("-javaagent:" + agentJar + "=" + options);
    }
}
