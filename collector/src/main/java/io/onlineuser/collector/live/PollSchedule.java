package io.onlineuser.collector.live;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls one connector feed once per interval, start to start: a poll that took 300 ms of a
 * 1 s interval is followed by the next 700 ms later, not 1 s later (with a fixed delay after the
 * end, every slow round trip would stretch the time a login waits to be seen). After a failed
 * poll (a silent connector holds a thread up to the timeout) the next one waits a whole interval,
 * so that a dead connector is not asked back to back.
 */
final class PollSchedule implements Runnable {

    private final ConnectorFeed feed;
    private final ScheduledExecutorService scheduler;
    private final long intervalNanos;
    private volatile boolean cancelled;

    PollSchedule(ConnectorFeed feed, ScheduledExecutorService scheduler, long intervalMillis) {
        this.feed = feed;
        this.scheduler = scheduler;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
    }

    PollSchedule start(long firstDelayMillis) {
        scheduler.schedule(this, firstDelayMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    ConnectorFeed feed() {
        return feed;
    }

    /** No poll starts after this; one running now finishes. */
    void cancel() {
        cancelled = true;
    }

    @Override
    public void run() {
        if (cancelled) {
            return;
        }
        long start = System.nanoTime();
        feed.poll();
        long delay = feed.failure() == null ? Math.max(0, intervalNanos - (System.nanoTime() - start)) : intervalNanos;
        try {
            if (!cancelled) {
                scheduler.schedule(this, delay, TimeUnit.NANOSECONDS);
            }
        } catch (RejectedExecutionException closed) {
            // a closed live cluster takes no more polls
        }
    }
}
