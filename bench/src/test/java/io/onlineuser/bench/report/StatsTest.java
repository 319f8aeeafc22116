package io.onlineuser.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void oddCountTakesTheMiddleValue() {
        Stats stats = Stats.of(5, 1, 3);
        assertThat(stats.min()).isEqualTo(1);
        assertThat(stats.median()).isEqualTo(3);
        assertThat(stats.max()).isEqualTo(5);
        assertThat(stats.count()).isEqualTo(3);
    }

    @Test
    void evenCountAveragesTheTwoMiddleValues() {
        assertThat(Stats.of(4, 1, 2, 10).median()).isEqualTo(3);
    }

    @Test
    void noSamplesIsAnError() {
        assertThatThrownBy(Stats::of).isInstanceOf(IllegalArgumentException.class);
    }
}
