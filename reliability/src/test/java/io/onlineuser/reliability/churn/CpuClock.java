package io.onlineuser.reliability.churn;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * CPU time used by this JVM (the clients) and by the connector process: on a machine shared
 * with other work, CPU per cycle says more about cost than wall-clock time does.
 */
public final class CpuClock {

    private final long connectorPid;
    private final Duration clientStart;
    private final Duration connectorStart;

    public CpuClock(long connectorPid) {
        this.connectorPid = connectorPid;
        this.clientStart = clientCpu();
        this.connectorStart = connectorCpu();
    }

    public Duration clientUsed() {
        return clientCpu().minus(clientStart);
    }

    public Duration connectorUsed() {
        return connectorCpu().minus(connectorStart);
    }

    private static Duration clientCpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Duration.ofNanos(os.getProcessCpuTime());
        }
        return Duration.ZERO;
    }

    private Duration connectorCpu() {
        return ProcessHandle.of(connectorPid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }
}
