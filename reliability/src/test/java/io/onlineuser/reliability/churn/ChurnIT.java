package io.onlineuser.reliability.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.testkit.JolokiaHttp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Load and exactness: many clients churn through every way a session can start and
 * end while a sampler watches the counts over Jolokia; at the end the agent's books balance.
 */
class ChurnIT {

    private static final int CLIENT_THREADS = Integer.getInteger("churn.threads", 8);
    private static final long CYCLES = Long.getLong("churn.cycles", 100_000);

    @Test
    void countsStaySaneUnderChurnAndReturnToZero() throws Exception {
        try (ConnectorProcess connector = ConnectorProcess.builder()
                .serverId("churn-1")
                .serverArg("--duplicate").serverArg("kick")
                .agentOption("kick.enabled", "true")
                .start()) {
            JolokiaHttp jolokia = new JolokiaHttp(connector.jolokiaUrl());
            String stats = "onlineuser:type=ConnectionStats,serverId=churn-1";
            ChurnLoad load = new ChurnLoad("127.0.0.1", connector.pomeloPort(), jolokia,
                    "onlineuser:type=Session,serverId=churn-1", CLIENT_THREADS);

            long started = System.nanoTime();
            CpuClock cpu = new CpuClock(connector.pid());
            CountsSampler sampler = new CountsSampler(jolokia, stats);
            try {
                load.runCycles(CYCLES);
            } finally {
                sampler.close();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            ChurnTally tally = load.tally();
            System.out.printf("churn: %d cycles in %d s, %d connections, %d logins, %d abrupt, %d duplicates,"
                    + " %d Jolokia kicks, %d WebSocket, %d samples (%d read with sessions > connections,"
                    + " %d with logins > sessions; %d not explained by what happened while reading), %d failures;"
                    + " CPU: clients %d s, connector %d s%n",
                    tally.cycles(), took.toSeconds(), tally.connectionsOpened(), tally.logins(), tally.abrupt(),
                    tally.duplicates(), tally.jolokiaKicks(), tally.webSocketCycles(), sampler.samples(),
                    sampler.skewedSessions(), sampler.skewedLogins(), sampler.violationCount(), tally.failures(),
                    cpu.clientUsed().toSeconds(), cpu.connectorUsed().toSeconds());

            assertThat(tally.firstFailures()).as("cycles that failed").isEmpty();
            assertThat(tally.cycles()).isEqualTo(CYCLES);
            assertThat(sampler.violations()).as("samples taken during the churn").isEmpty();
            assertThat(sampler.samples()).as("samples taken").isGreaterThan(20);

            // the last closes reach the connector a moment after the clients return
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(AgentBooks.mismatches(jolokia, stats, tally))
                    .as("agent's books against the clients' tally").isEmpty());
            assertThat(connector.isAlive()).isTrue();
        }
    }
}
