package io.onlineuser.agent.track;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A current count and the highest it reached since start or the last reset. Each in a cell of
 * its own cache line: every event thread writes the count, and with the peak beside it (or another
 * gauge's count) each peak check would be a cache miss.
 */
final class PeakGauge {

    private static final int CURRENT = Padding.CELL;
    private static final int PEAK = 2 * Padding.CELL;

    private final AtomicLongArray cells = new AtomicLongArray(3 * Padding.CELL);

    void increment() {
        long now = cells.incrementAndGet(CURRENT);
        // read before writing: below the peak (the usual case) no thread writes the peak's line
        if (now > cells.get(PEAK)) {
            cells.accumulateAndGet(PEAK, now, Math::max);
        }
    }

    void decrement() {
        cells.decrementAndGet(CURRENT);
    }

    int current() {
        return (int) cells.get(CURRENT);
    }

    int peak() {
        return (int) cells.get(PEAK);
    }

    void resetPeak() {
        cells.set(PEAK, cells.get(CURRENT));
        // an increment racing with the reset must not leave the peak below the current count
        cells.accumulateAndGet(PEAK, cells.get(CURRENT), Math::max);
    }
}
