package io.onlineuser.bench.report;

import java.util.Arrays;
import java.util.List;

/** Min, median and max of repeated measurements; every figure in the table is one of these. */
public final class Stats {

    private final double min;
    private final double median;
    private final double max;
    private final int count;

    private Stats(double min, double median, double max, int count) {
        this.min = min;
        this.median = median;
        this.max = max;
        this.count = count;
    }

    public static Stats of(double... samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Stats(sorted[0], median, sorted[n - 1], n);
    }

    public static Stats of(List<Double> samples) {
        return of(samples.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public double min() {
        return min;
    }

    public double median() {
        return median;
    }

    public double max() {
        return max;
    }

    public int count() {
        return count;
    }
}
