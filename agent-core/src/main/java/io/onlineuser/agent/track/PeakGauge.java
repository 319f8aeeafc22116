package io.onlineuser.agent.track;

import java.util.concurrent.atomic.AtomicInteger;

/** A current count and the highest it reached since start or the last reset. */
final class PeakGauge {

    private final AtomicInteger current = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    void increment() {
        int now = current.incrementAndGet();
        // read before writing: below the peak (the usual case) no thread writes the shared line
        if (now > peak.get()) {
            peak.accumulateAndGet(now, Math::max);
        }
    }

    void decrement() {
        current.decrementAndGet();
    }

    int current() {
        return current.get();
    }

    int peak() {
        return peak.get();
    }

    void resetPeak() {
        peak.set(current.get());
        // an increment racing with the reset must not leave the peak below the current count
        peak.accumulateAndGet(current.get(), Math::max);
    }
}
