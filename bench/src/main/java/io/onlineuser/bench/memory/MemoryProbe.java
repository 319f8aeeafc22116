package io.onlineuser.bench.memory;

import io.onlineuser.agent.track.OnlineTracker;
import io.onlineuser.bench.process.ChildJvm;

/**
 * Runs in a fresh JVM for each measurement (see {@link MemoryBench}; in one JVM, later rounds
 * drifted by megabytes): live heap after full GC with the application's
 * own objects only, then with a tracker that has seen every one of them connect and log in.
 * The difference divided by the number of users is what the agent retains per logged-in user.
 *
 * <p>The stand-ins for what the application already holds (its session object, the channel, the
 * uid string) exist in both measurements; the address string is made on the tracker's side, as
 * the agent's Netty advice makes it. With {@code numeric} the application identifies players by a
 * {@code long} and owns no uid string: the tracker gets {@code Long.toString(id)}, the new string
 * the agent's hook makes from a non-String uid ({@code uid.toString()}), and keeps it.
 */
public final class MemoryProbe {

    /** What a connector keeps per player whether or not the agent is there. */
    static final class AppSession {
        final long id;
        final String uid;
        final Object channel;

        AppSession(long id, String uid, Object channel) {
            this.id = id;
            this.uid = uid;
            this.channel = channel;
        }
    }

    /** {@code USERS [numeric]}. */
    /** Numeric player ids of 8 digits, as a game's database hands them out. */
    private static final long FIRST_NUMERIC_ID = 10_000_000;

    public static void main(String[] args) {
        int users = Integer.parseInt(args[0]);
        boolean numeric = args.length > 1 && args[1].equals("numeric");
        AppSession[] app = new AppSession[users];
        for (int i = 0; i < users; i++) {
            app[i] = new AppSession(i, numeric ? null : "player-" + i, new Object());
        }
        ChildJvm.report("bytesPerUser", (double) retainedByTracker(app) / users);
        // keeps the application's objects reachable until both histograms are taken
        if (app[users - 1].id != users - 1) {
            throw new IllegalStateException("application objects changed");
        }
    }

    private static long retainedByTracker(AppSession[] app) {
        LiveHeap without = LiveHeap.measure();
        long start = System.nanoTime();
        OnlineTracker tracker = fill(app);
        ChildJvm.report("fillSeconds", (System.nanoTime() - start) / 1e9);
        LiveHeap with = LiveHeap.measure();
        if (tracker.loginedCount() != app.length || tracker.totalConnCount() != app.length) {
            throw new IllegalStateException("tracker counts " + tracker.loginedCount() + " users, "
                    + tracker.totalConnCount() + " connections; expected " + app.length);
        }
        System.out.println(app.length + " users: live heap " + without.total() / 1024 / 1024
                + " MiB without the tracker, " + with.total() / 1024 / 1024 + " MiB with it; grew most (bytes): "
                + String.join(", ", with.largestGrowthSince(without, 8)));
        return with.total() - without.total();
    }

    private static OnlineTracker fill(AppSession[] app) {
        OnlineTracker tracker = new OnlineTracker(System::currentTimeMillis);
        for (int i = 0; i < app.length; i++) {
            AppSession s = app[i];
            tracker.connectionActive(s.channel, "10.0." + (i >>> 8 & 0xff) + "." + (i & 0xff) + ":" + (1024 + i % 60_000));
            tracker.sessionBound(s, s.uid != null ? s.uid : Long.toString(FIRST_NUMERIC_ID + s.id), s.channel, null);
        }
        return tracker;
    }
}
