package io.onlineuser.reliability.soak;

import java.util.List;
import java.util.stream.LongStream;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Heap-after-GC samples over a run, compared first quarter against last quarter by their lowest
 * sample (the floor). A leak raises the floor; the samples above it swing by megabytes with what
 * else is live at that moment (a 30-minute run read 13.2 MB every fifth minute and 18.6-22 MB
 * between, in the first quarter as in the last), so the quarters' means are shown, not judged.
 */
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

    double firstQuarterFloor() {
        return floor(0, 0.25);
    }

    double lastQuarterFloor() {
        return floor(0.75, 1.01);
    }

    /** Relative change from the first quarter's floor to the last quarter's. */
    double change() {
        return (lastQuarterFloor() - firstQuarterFloor()) / firstQuarterFloor();
    }

    boolean flat() {
        return Math.abs(change()) <= FLAT_WITHIN;
    }

    private double mean(double from, double to) {
        return quarter(from, to).average().orElseThrow(() -> noSample(from, to));
    }

    private double floor(double from, double to) {
        return quarter(from, to).min().orElseThrow(() -> noSample(from, to));
    }

    private LongStream quarter(double from, double to) {
        return samples.stream().filter(s -> s.atFraction() >= from && s.atFraction() < to).mapToLong(Sample::kilobytes);
    }

    private static IllegalStateException noSample(double from, double to) {
        return new IllegalStateException("no heap sample between " + from + " and " + to + " of the run: run longer");
    }
}
