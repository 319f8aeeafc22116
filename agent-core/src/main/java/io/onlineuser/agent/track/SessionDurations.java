package io.onlineuser.agent.track;

import java.util.concurrent.atomic.LongAdder;

/**
 * Lengths of ended sessions in fixed buckets, per {@link SessionEnd}: the data of a Prometheus
 * histogram. Recording is a bucket search over ten bounds and two {@link LongAdder} increments
 * (a bucket and the sum), O(1) and without a lock; reading sums 36 adders.
 */
public final class SessionDurations {

    /** Upper bounds of the buckets in seconds (10 s, 30 s, 1 m, 5 m, 15 m, 30 m, 1 h, 2 h, 4 h, 8 h); a last bucket takes the rest (+Inf). */
    private static final long[] BOUNDS_SECONDS = {10, 30, 60, 300, 900, 1_800, 3_600, 7_200, 14_400, 28_800};
    private static final long[] BOUNDS_MILLIS = new long[BOUNDS_SECONDS.length];

    static {
        for (int i = 0; i < BOUNDS_SECONDS.length; i++) {
            BOUNDS_MILLIS[i] = BOUNDS_SECONDS[i] * 1_000;
        }
    }

    /** Per kind: a count per bucket (not cumulative; the last one is +Inf), then the sum in milliseconds. */
    private final LongAdder[][] cells = new LongAdder[SessionEnd.values().length][BOUNDS_SECONDS.length + 2];

    SessionDurations() {
        for (LongAdder[] kind : cells) {
            for (int i = 0; i < kind.length; i++) {
                kind[i] = new LongAdder();
            }
        }
    }

    /** Upper bounds of the buckets in seconds, the +Inf bucket left out; a copy. */
    public static long[] boundsSeconds() {
        return BOUNDS_SECONDS.clone();
    }

    /** A session that ended {@code end} after {@code millis} (a negative length, from a clock step back, counts as 0). */
    void record(SessionEnd end, long millis) {
        long length = Math.max(0, millis);
        int bucket = 0;
        while (bucket < BOUNDS_MILLIS.length && length > BOUNDS_MILLIS[bucket]) {
            bucket++;
        }
        LongAdder[] kind = cells[end.ordinal()];
        kind[bucket].increment();
        kind[BOUNDS_SECONDS.length + 1].add(length);
    }

    /** The histogram of sessions that ended {@code end}, read now. */
    public Histogram of(SessionEnd end) {
        LongAdder[] kind = cells[end.ordinal()];
        long[] cumulative = new long[BOUNDS_SECONDS.length + 1];
        long running = 0;
        for (int i = 0; i < cumulative.length; i++) {
            running += kind[i].sum();
            cumulative[i] = running;
        }
        return new Histogram(cumulative, kind[BOUNDS_SECONDS.length + 1].sum() / 1_000.0);
    }

    /** Cumulative counts as Prometheus wants them: sessions at most each bound long, the last entry (+Inf) being every session. */
    public static final class Histogram {
        private final long[] cumulative;
        private final double sumSeconds;

        Histogram(long[] cumulative, double sumSeconds) {
            this.cumulative = cumulative;
            this.sumSeconds = sumSeconds;
        }

        /** Sessions at most {@code boundsSeconds()[i]} long; {@code i == boundsSeconds().length} gives every session. */
        public long atMost(int i) {
            return cumulative[i];
        }

        public long count() {
            return cumulative[cumulative.length - 1];
        }

        /** Total length of these sessions in seconds. */
        public double sumSeconds() {
            return sumSeconds;
        }
    }
}
