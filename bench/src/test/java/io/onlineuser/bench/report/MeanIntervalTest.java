package io.onlineuser.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MeanIntervalTest {

    @Test
    void meanAndNinetyFivePercentHalfWidthOfTheMean() {
        MeanInterval interval = MeanInterval.of(1, 2, 3, 2);

        assertThat(interval.mean()).isEqualTo(2.0);
        double sd = Math.sqrt((1 + 0 + 1 + 0) / 3.0);
        assertThat(interval.halfWidth()).isCloseTo(1.96 * sd / 2, within(1e-12));
        assertThat(interval.low()).isCloseTo(2 - interval.halfWidth(), within(1e-12));
    }

    @Test
    void oneSampleIsNotAnInterval() {
        assertThat(MeanInterval.of(1.5).halfWidth()).isInfinite();
    }
}
