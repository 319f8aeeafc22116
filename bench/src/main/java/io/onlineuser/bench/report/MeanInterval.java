package io.onlineuser.bench.report;

/**
 * The mean of repeated measurements and its 95 % interval (mean ± 1.96 standard errors; with the
 * 16 or more samples it is used on, the normal approximation is close enough to Student's t).
 */
public record MeanInterval(double mean, double halfWidth) {

    public static MeanInterval of(double... samples) {
        if (samples.length < 2) {
            return new MeanInterval(samples.length == 0 ? Double.NaN : samples[0], Double.POSITIVE_INFINITY);
        }
        double sum = 0;
        for (double sample : samples) {
            sum += sample;
        }
        double mean = sum / samples.length;
        double squares = 0;
        for (double sample : samples) {
            squares += (sample - mean) * (sample - mean);
        }
        double standardError = Math.sqrt(squares / (samples.length - 1) / samples.length);
        return new MeanInterval(mean, 1.96 * standardError);
    }

    public double low() {
        return mean - halfWidth;
    }

    public double high() {
        return mean + halfWidth;
    }
}
