package io.onlineuser.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.onlineuser.bench.memory.MemoryBench;
import io.onlineuser.bench.read.ReadBench;
import io.onlineuser.bench.report.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the probes that need only agent-core, in their own JVMs as the bench does, at tiny sizes:
 * they must start, measure and report. No figure is judged here (speed is never asserted).
 */
class ProbesSmokeTest {

    @Test
    void memoryProbeReportsWhatTheTrackerRetains() throws Exception {
        Row row = MemoryBench.measure(5_000, 1);
        assertThat(row.stats().count()).isEqualTo(1);
        // the tracker keeps a record per connection and per session: more than nothing, less than a page
        assertThat(row.stats().median()).isBetween(16.0, 4096.0);
    }

    @Test
    void readProbeReadsBothBeansOverJolokia() throws Exception {
        List<Row> rows = ReadBench.measure(2_000, 1, 20);
        assertThat(rows).hasSize(3);
        assertThat(rows).allSatisfy(row -> assertThat(row.stats().median()).isPositive());
    }
}
