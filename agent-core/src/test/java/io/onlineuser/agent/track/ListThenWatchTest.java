package io.onlineuser.agent.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's list-then-watch under churn: a client that takes a cursor, pages {@code sessions}
 * to the end and then applies {@code changes} holds an exact copy of the bound sessions; and
 * cursor pages at depth give every row once, in order.
 */
class ListThenWatchTest {

    private static final int WRITERS = 3;

    private final OnlineTracker tracker = new OnlineTracker(System::currentTimeMillis);

    @Test
    void aCopyBuiltByListThenWatchEqualsTheTrackerAtSampledMomentsAndAtTheEnd() throws Exception {
        ReentrantReadWriteLock pause = new ReentrantReadWriteLock();
        AtomicBoolean churning = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> churn(writer, churning, pause)));
        }
        try {
            Thread.sleep(50);
            Map<Long, String> copy = new HashMap<>();
            String cursor = tracker.changes("", 0).cursor();
            String after = "";
            do {
                Page<SessionView> page = tracker.sessions(after, 97);
                page.rows().forEach(row -> copy.put(row.sessionId(), row.uid()));
                after = page.next();
            } while (after != null);

            int samples = 0;
            // polls go on until the writers have done enough, however slow the machine
            for (int poll = 0; samples < 10 || tracker.loginTotal() < 20_000; poll++) {
                boolean sample = poll % 40 == 39;
                if (sample) {
                    pause.writeLock().lock();
                }
                try {
                    cursor = apply(tracker.changes(cursor, 500), copy);
                    if (sample) {
                        cursor = drain(cursor, copy);
                        assertThat(copy).as("copy at sample %d", samples).isEqualTo(everySession());
                        samples++;
                    }
                } finally {
                    if (sample) {
                        pause.writeLock().unlock();
                    }
                }
            }
            churning.set(false);
            for (Future<?> writer : writers) {
                writer.get();
            }
            drain(cursor, copy);

            assertThat(copy).as("copy at the end").isEqualTo(everySession());
        } finally {
            churning.set(false);
            pool.shutdownNow();
        }
    }

    /** Logs sessions of 200 uids in and out (by unbind or by closing their channel) until told to stop. */
    private Void churn(int writer, AtomicBoolean churning, ReentrantReadWriteLock pause) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<Object[]> bound = new ArrayList<>();
        while (churning.get()) {
            pause.readLock().lock();
            try {
                if (bound.size() < 300 && (bound.isEmpty() || random.nextInt(3) > 0)) {
                    Object channel = new Object();
                    Object session = new Object();
                    tracker.connectionActive(channel, "10.0." + writer + "." + random.nextInt(256) + ":" + (1000 + bound.size()));
                    tracker.sessionBound(session, "u" + random.nextInt(200), channel, null);
                    bound.add(new Object[] {channel, session});
                } else {
                    Object[] gone = bound.remove(random.nextInt(bound.size()));
                    if (random.nextBoolean()) {
                        tracker.sessionUnbound(gone[1]);
                    }
                    tracker.connectionInactive(gone[0]);
                }
            } finally {
                pause.readLock().unlock();
            }
        }
        return null;
    }

    /** Polls until the journal has nothing more; writers are paused or stopped. */
    private String drain(String cursor, Map<Long, String> copy) {
        String last;
        do {
            last = cursor;
            cursor = apply(tracker.changes(cursor, 500), copy);
        } while (!cursor.equals(last));
        return cursor;
    }

    private static String apply(Changes changes, Map<Long, String> copy) {
        assertThat(changes.gap()).as("gap").isFalse();
        for (JournalEvent event : changes.events()) {
            if (event.kind().equals(JournalEvent.LOGIN)) {
                copy.putIfAbsent(event.sessionId(), event.uid());
            } else {
                copy.remove(event.sessionId());
            }
        }
        return changes.cursor();
    }

    private Map<Long, String> everySession() {
        Map<Long, String> all = new HashMap<>();
        Page<SessionView> page = tracker.sessions("", OnlineTracker.MAX_PAGE);
        page.rows().forEach(row -> all.put(row.sessionId(), row.uid()));
        assertThat(page.next()).isNull();
        assertThat(all).hasSize(tracker.sessionCount());
        return all;
    }

    @Test
    void cursorPagesAtDepthGiveEveryRowOnceInOrder() {
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            Object session = new Object();
            tracker.sessionBound(session, "player-" + i, null, "10.1.0.1:" + (i % 60_000));
            if (i % 5 == 0) {
                tracker.sessionUnbound(session);
            }
        }
        tracker.sessions("", OnlineTracker.MAX_PAGE).rows().forEach(row -> expected.add(row.sessionId()));

        List<Long> paged = new ArrayList<>();
        List<SessionView> rows = new ArrayList<>();
        String after = "";
        while (after != null) {
            Page<SessionView> page = tracker.sessions(after, 1_000);
            page.rows().forEach(row -> {
                paged.add(row.sessionId());
                rows.add(row);
            });
            after = page.next();
        }
        List<String> uids = new ArrayList<>();
        after = "";
        while (after != null) {
            Page<LoginView> page = tracker.loginedPage(after, 777);
            page.rows().forEach(row -> uids.add(row.uid()));
            after = page.next();
        }

        assertThat(paged).hasSize(24_000).doesNotHaveDuplicates().startsWith(expected.toArray(new Long[0]));
        assertThat(rows).extracting(SessionView::loginTime).isSorted();
        assertThat(uids).hasSize(24_000).doesNotHaveDuplicates();
        assertThat(tracker.loginedList(23_990, 100)).extracting(LoginView::uid).containsExactlyElementsOf(uids.subList(23_990, 24_000));
        String deep = pageKeyOf(rows.get(22_999));
        assertThat(tracker.sessions(deep, 5).rows()).extracting(SessionView::sessionId)
                .containsExactlyElementsOf(paged.subList(23_000, 23_005));
        assertThat(tracker.sessions(pageKeyOf(rows.get(23_999)), 5).rows()).isEmpty();
        assertThat(tracker.sessions(pageKeyOf(rows.get(23_999)), 5).next()).isNull();
    }

    private static String pageKeyOf(SessionView row) {
        return row.loginTime() + "-" + row.sessionId();
    }

    @Test
    void badPageKeysAndLimitsAreRefusedWithAClearMessage() {
        for (String bad : new String[] {"x", "1-", "-1", "1-2-3", "1.5-2", "99999999999999999999-1"}) {
            assertThatThrownBy(() -> tracker.sessions(bad, 10)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a page key");
            assertThatThrownBy(() -> tracker.loginedPage(bad, 10)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a page key");
        }
        assertThatThrownBy(() -> tracker.sessions("", 10_001))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be between 0 and 10000, was 10001");
        assertThatThrownBy(() -> tracker.loginedPage("", -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be between 0 and 10000, was -1");
    }
}
