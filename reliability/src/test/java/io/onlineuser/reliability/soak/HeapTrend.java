package io.onlineuser.reliability.soak;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Heap-after-GC samples over a run, compared first quarter against last quarter. */
final class HeapTrend {

    static final double FLAT_WITHIN = 0.05;

    private record Sample(double atFraction, long kilobytes) {
    }

    private final List<Sample> samples = new CopyOnWriteArrayList<>();

    void add(double atFraction, long kilobytes) {
        samples.add(new Sample(atFraction, kilobytes));
    }

    double firstQuarterMean() {
        return mean(0, 0.25);
    }

    double lastQuarterMean() {
        return mean(0.75, 1.01);
    }

    /** Relative change from the first quarter's mean to the last quarter's. */
    double change() {
        return (lastQuarterMean() - firstQuarterMean()) / firstQuarterMean();
    }

    boolean flat() {
        return Math.abs(change()) <= FLAT_WITHIN;
    }

    private double mean(double from, double to) {
        return samples.stream().filter(s -> s.atFraction() >= from && s.atFraction() < to)
                .mapToLong(Sample::kilobytes).average()
                .orElseThrow(() -> new IllegalStateException("no heap sample between " + from + " and " + to
                        + " of the run: run longer"));
    }
}
