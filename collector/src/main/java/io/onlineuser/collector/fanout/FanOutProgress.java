package io.onlineuser.collector.fanout;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a {@link FanOut} is doing: calls asked for, answered, failed, running now, and the most
 * that ever ran at once (which never exceeds the concurrency bound). Read by the CLI's progress
 * line and by tests.
 */
public final class FanOutProgress {

    private final AtomicLong asked = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger peakRunning = new AtomicInteger();

    void queued() {
        asked.incrementAndGet();
    }

    void started() {
        peakRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
    }

    void finished() {
        running.decrementAndGet();
    }

    void settled(boolean succeeded) {
        (succeeded ? answered : failed).incrementAndGet();
    }

    /** Calls asked for since start. */
    public long asked() {
        return asked.get();
    }

    /** Calls whose answer came back. */
    public long answered() {
        return answered.get();
    }

    /** Calls that failed, timed out or were not asked in time. */
    public long failed() {
        return failed.get();
    }

    /** Calls running now. */
    public int running() {
        return running.get();
    }

    /** The most calls that ran at once since start. */
    public int peakRunning() {
        return peakRunning.get();
    }
}
