package io.onlineuser.agent.track;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the session-length histogram adds to a logout, beside the logout it is part of, in one run:
 * {@link #histogramOfALogout} is exactly the work {@code OnlineTracker.ended} does for it (the
 * kick-mark check on an empty set, the bucket search and two LongAdder adds at a realistic spread
 * of lengths); {@link #loginLogout} is a whole login and logout on a tracker of 10,000 sessions,
 * histogram included. In this package (the bench jar's copy of it) to reach the package-private
 * recording method.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SessionDurationsBenchmark {

    /** Session lengths in ms cycled through, one per bucket from 10 s to beyond 8 h. */
    private static final long[] LENGTHS = {4_000, 25_000, 50_000, 200_000, 600_000, 1_500_000, 3_000_000,
            6_000_000, 12_000_000, 25_000_000, 40_000_000};

    @State(Scope.Benchmark)
    public static class Shared {
        final SessionDurations durations = new SessionDurations();
        final Set<Object> kicking = ConcurrentHashMap.newKeySet();
        final OnlineTracker tracker = new OnlineTracker(System::currentTimeMillis);
        final AtomicInteger threads = new AtomicInteger();

        @Setup
        public void populate() {
            for (int i = 0; i < 10_000; i++) {
                Object channel = new Object();
                tracker.connectionActive(channel, "127.0.0.1:" + (10_000 + i));
                tracker.sessionBound(new Object(), "resident-" + i, channel, null);
            }
        }
    }

    @State(Scope.Thread)
    public static class PerThread {
        final Object session = new Object();
        final Object channel = new Object();
        String uid;
        int next;

        @Setup
        public void create(Shared shared) {
            int index = shared.threads.incrementAndGet();
            uid = "bench-user-" + index;
            shared.tracker.connectionActive(channel, "127.0.0.1:" + (50_000 + index));
        }
    }

    @Benchmark
    public boolean histogramOfALogout(Shared shared, PerThread mine) {
        boolean kicked = !shared.kicking.isEmpty() && shared.kicking.remove(mine.session);
        shared.durations.record(kicked ? SessionEnd.KICK : SessionEnd.LOGOUT, LENGTHS[mine.next++ % LENGTHS.length]);
        return kicked;
    }

    @Benchmark
    public void loginLogout(Shared shared, PerThread mine) {
        shared.tracker.sessionBound(mine.session, mine.uid, mine.channel, null);
        shared.tracker.sessionUnbound(mine.session);
    }
}
