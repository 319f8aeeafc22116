package io.onlineuser.bench.jmh;

import io.onlineuser.agent.track.OnlineTracker;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of one event pair on the agent's tracking path, on a tracker that already holds a
 * realistic population (10,000 connections, all logged in), so maps are not trivially small.
 * The baseline is the least any live-set tracking can cost: one ConcurrentHashMap put + remove.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TrackerBenchmark {

    static final int POPULATION = 10_000;

    /** One tracker (and one baseline map) shared by every benchmark thread, like in a connector. */
    @State(Scope.Benchmark)
    public static class Shared {
        final OnlineTracker tracker = new OnlineTracker(System::currentTimeMillis);
        final ConcurrentHashMap<Object, Object> baseline = new ConcurrentHashMap<>();
        final AtomicInteger threads = new AtomicInteger();

        @Setup
        public void populate() {
            for (int i = 0; i < POPULATION; i++) {
                Object channel = new Object();
                tracker.connectionActive(channel, "127.0.0.1:" + (10_000 + i));
                tracker.sessionBound(new Object(), "resident-" + i, channel, null);
                baseline.put(channel, channel);
            }
        }
    }

    /** Each thread's own connection and session, so threads never share a uid or a channel. */
    @State(Scope.Thread)
    public static class PerThread {
        Object channel;
        Object session;
        String uid;
        String address;

        @Setup
        public void create(Shared shared) {
            int index = shared.threads.incrementAndGet();
            channel = new Object();
            session = new Object();
            uid = "bench-user-" + index;
            address = "127.0.0.1:" + (50_000 + index);
        }
    }

    /**
     * For bind/unbind: a connection of the thread's own, open (counted) for the whole trial. It
     * keeps its own channel: JMH hands a {@code @Setup} method's {@link PerThread} argument an
     * instance other than the benchmark method's, so opening {@code mine.channel} here left the
     * benchmark binding on a channel the tracker had never seen (a learned record per bind).
     */
    @State(Scope.Thread)
    public static class OpenConnection {
        final Object channel = new Object();

        @Setup
        public void open(Shared shared) {
            shared.tracker.connectionActive(channel, "127.0.0.1:" + (40_000 + shared.threads.incrementAndGet()));
        }
    }

    @Benchmark
    public void baselineMapPutRemove(Shared shared, PerThread mine, Blackhole hole) {
        shared.baseline.put(mine.channel, mine.channel);
        hole.consume(shared.baseline.remove(mine.channel));
    }

    @Benchmark
    public void connectionOpenClose(Shared shared, PerThread mine) {
        shared.tracker.connectionActive(mine.channel, mine.address);
        shared.tracker.connectionInactive(mine.channel);
    }

    /** Login then logout on an open connection (the connection stays open across iterations). */
    @Benchmark
    public void sessionBindUnbind(Shared shared, PerThread mine, OpenConnection open) {
        shared.tracker.sessionBound(mine.session, mine.uid, open.channel, null);
        shared.tracker.sessionUnbound(mine.session);
    }

    /** A whole visit: connect, login, logout, close (what the churn bots do to a connector). */
    @Benchmark
    public void fullVisit(Shared shared, PerThread mine) {
        shared.tracker.connectionActive(mine.channel, mine.address);
        shared.tracker.sessionBound(mine.session, mine.uid, mine.channel, null);
        shared.tracker.sessionUnbound(mine.session);
        shared.tracker.connectionInactive(mine.channel);
    }
}
