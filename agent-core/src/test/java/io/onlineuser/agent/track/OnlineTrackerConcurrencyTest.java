package io.onlineuser.agent.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Many threads opening, binding, unbinding and closing at once must end at exactly zero. */
class OnlineTrackerConcurrencyTest {

    private static final int THREADS = 4;
    private static final int CONNECTIONS_PER_THREAD = 25_000;
    /** Few uids, so that threads keep adding and removing sessions of the same uid. */
    private static final int UIDS = 64;

    private final OnlineTracker tracker = new OnlineTracker(System::currentTimeMillis);

    @Test
    void countsEndAtExactlyZeroAfterAStormOfEvents() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Long>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                writers.add(pool.submit(() -> {
                    start.await();
                    return storm();
                }));
            }
            Future<Integer> reader = pool.submit(() -> readWhile(writing));
            start.countDown();
            long activated = 0;
            for (Future<Long> writer : writers) {
                activated += writer.get(120, TimeUnit.SECONDS);
            }
            writing.set(false);
            assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();

            assertThat(tracker.totalConnCount()).isZero();
            assertThat(tracker.loginedCount()).isZero();
            assertThat(tracker.sessionCount()).isZero();
            assertThat(tracker.loginedList(0, OnlineTracker.MAX_PAGE)).isEmpty();
            assertThat(tracker.connectionRecords()).isZero();
            assertThat(tracker.acceptedConnTotal()).isEqualTo(activated).isEqualTo(tracker.closedConnTotal());
            assertThat(tracker.loginTotal()).isPositive().isEqualTo(tracker.logoutTotal());
            assertThat(tracker.peakConnCount()).isBetween(1, THREADS * 4);
            for (int u = 0; u < UIDS; u++) {
                assertThat(tracker.isOnline("u" + u)).isFalse();
            }
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
    }

    /**
     * Events a host would not race (one channel's events come from one event loop), racing on
     * shared channels and sessions: a close against a bind on its channel, a session bound to two
     * uids at once. Nothing may deadlock, and once everything is closed and unbound, nothing is left.
     */
    @Test
    void racingEventsOnSharedChannelsAndSessionsLeaveNothingBehind() throws Exception {
        Object[] channels = new Object[8];
        Object[] sessions = new Object[8];
        for (int i = 0; i < channels.length; i++) {
            channels[i] = new Object();
            sessions[i] = new Object();
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                writers.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < 100_000; i++) {
                        int k = random.nextInt(channels.length);
                        switch (random.nextInt(5)) {
                            case 0:
                                tracker.connectionActive(channels[k], "10.0.0.2:" + k);
                                break;
                            case 1:
                                tracker.connectionInactive(channels[k]);
                                break;
                            case 2:
                                tracker.sessionBound(sessions[k], "u" + random.nextInt(3), channels[random.nextInt(channels.length)], null);
                                break;
                            case 3:
                                tracker.sessionBound(sessions[k], "u" + random.nextInt(3), null, "10.0.0.3:" + k);
                                break;
                            default:
                                tracker.sessionUnbound(sessions[k]);
                                break;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < channels.length; i++) {
            tracker.connectionInactive(channels[i]);
            tracker.sessionUnbound(sessions[i]);
        }

        assertThat(tracker.totalConnCount()).isZero();
        assertThat(tracker.sessionCount()).isZero();
        assertThat(tracker.loginedCount()).isZero();
        assertThat(tracker.connectionRecords()).isZero();
        assertThat(tracker.loginedList(0, OnlineTracker.MAX_PAGE)).isEmpty();
        assertThat(tracker.loginTotal()).isPositive().isEqualTo(tracker.logoutTotal());
        assertThat(tracker.acceptedConnTotal()).isPositive().isEqualTo(tracker.closedConnTotal());
    }

    /**
     * Per connection, one of: closed before activation; active and closed without login; logged
     * in then closed without unbind; logged in, a second session, unbind, close. Three
     * connections stay open at a time so that their sessions overlap.
     */
    private long storm() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Object[] open = new Object[3];
        long activated = 0;
        for (int i = 0; i < CONNECTIONS_PER_THREAD; i++) {
            int slot = i % open.length;
            if (open[slot] != null) {
                tracker.connectionInactive(open[slot]);
                open[slot] = null;
            }
            Object channel = new Object();
            String uid = "u" + random.nextInt(UIDS);
            switch (random.nextInt(4)) {
                case 0:
                    tracker.connectionInactive(channel);
                    continue;
                case 1:
                    tracker.connectionActive(channel, "10.0.0.1:" + (i & 0xFFFF));
                    break;
                case 2:
                    tracker.connectionActive(channel, "10.0.0.1:" + (i & 0xFFFF));
                    tracker.sessionBound(new Object(), uid, channel, null);
                    break;
                default:
                    tracker.connectionActive(channel, "10.0.0.1:" + (i & 0xFFFF));
                    Object session = new Object();
                    tracker.sessionBound(session, uid, channel, null);
                    tracker.sessionBound(new Object(), uid, channel, null);
                    tracker.sessionUnbound(session);
                    break;
            }
            activated++;
            open[slot] = channel;
        }
        for (Object channel : open) {
            if (channel != null) {
                tracker.connectionInactive(channel);
            }
        }
        return activated;
    }

    private int readWhile(AtomicBoolean writing) {
        int reads = 0;
        while (writing.get() || reads == 0) {
            for (LoginView view : tracker.loginedList(0, 100)) {
                assertThat(view.sessionCount()).isPositive();
            }
            tracker.sessionsOf("u1");
            assertThat(tracker.totalConnCount()).isNotNegative();
            assertThat(tracker.sessionCount()).isNotNegative();
            assertThat(tracker.loginedCount()).isNotNegative();
            reads++;
        }
        return reads;
    }
}
