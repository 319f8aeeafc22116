package io.onlineuser.agent.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The uid table on its own: against a JDK map step by step, and under threads that share uids. */
class UidIndexTest {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final SessionGauge gauge = new SessionGauge();
    private final LoginOrder order = new LoginOrder(clock::get, gauge);
    private final UidIndex index = new UidIndex(clock::get, gauge, order, new LoginJournal(1_024));

    /**
     * Uids in pairs of equal hash codes ("Aa" and "BB" hash alike, and so do strings built of
     * them), so that chains of more than one entry and their deletes are exercised.
     */
    private static String[] uids(int count) {
        String[] uids = new String[count];
        for (int i = 0; i < count; i++) {
            uids[i] = (i % 2 == 0 ? "Aa" : "BB") + (i / 2);
        }
        return uids;
    }

    @Test
    void agreesWithAMapOfListsAfterEveryStep() {
        long seed = 7;
        Random random = new Random(seed);
        String[] uids = uids(2_000);
        Map<String, List<SessionRecord>> model = new HashMap<>();
        List<SessionRecord> bound = new ArrayList<>();
        int sessions = 0;
        for (int step = 0; step < 100_000; step++) {
            String at = "seed " + seed + ", step " + step;
            // fill towards every uid online, then drain, so that stripes grow and shrink
            boolean filling = (step / 25_000) % 2 == 0;
            String uid;
            if (random.nextInt(10) < (filling ? 6 : 3) || bound.isEmpty()) {
                uid = new String(uids[random.nextInt(uids.length)]);
                clock.addAndGet(random.nextInt(3) - 1);
                SessionRecord record = index.attach(new Object(), uid, null);
                model.computeIfAbsent(uid, u -> new ArrayList<>()).add(record);
                bound.add(record);
                sessions++;
            } else {
                SessionRecord record = bound.remove(random.nextInt(bound.size()));
                uid = record.owner.uid;
                index.detach(record);
                List<SessionRecord> left = model.get(uid);
                left.remove(record);
                if (left.isEmpty()) {
                    model.remove(uid);
                }
                sessions--;
            }
            List<SessionRecord> expected = model.getOrDefault(uid, List.of());
            assertThat(index.sessionsOf(uid)).as(at).containsExactlyElementsOf(expected);
            assertThat(index.isOnline(uid)).as(at).isEqualTo(!expected.isEmpty());
            if (!expected.isEmpty()) {
                assertThat(index.rowAt(expected.get(0))).as(at).isNotNull();
                assertThat(index.rowAt(expected.get(expected.size() - 1)) == null).as(at).isEqualTo(expected.size() > 1);
            }
            assertThat(gauge.sessions()).as(at).isEqualTo(sessions);
            assertThat(gauge.uids()).as(at).isEqualTo(model.size());
        }
        for (String uid : uids) {
            assertThat(index.sessionsOf(uid)).as("seed " + seed + ", at the end: " + uid)
                    .containsExactlyElementsOf(model.getOrDefault(uid, List.of()));
        }
        assertThat(countInOrder()).isEqualTo(sessions);
    }

    @Test
    void threadsSharingUidsLeaveExactCountsSessionsAndOrder() throws Exception {
        int threads = 4;
        int stepsPerThread = 100_000;
        String[] uids = uids(200);
        AtomicLong attaches = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<SessionRecord>>> held = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long seed = t;
            held.add(pool.submit(() -> {
                Random random = new Random(seed);
                List<SessionRecord> mine = new ArrayList<>();
                start.await();
                for (int step = 0; step < stepsPerThread; step++) {
                    if (mine.isEmpty() || random.nextBoolean()) {
                        mine.add(index.attach(new Object(), uids[random.nextInt(uids.length)], null));
                        attaches.incrementAndGet();
                    } else {
                        index.detach(mine.remove(random.nextInt(mine.size())));
                    }
                }
                return mine;
            }));
        }
        start.countDown();
        Map<String, Set<SessionRecord>> expected = new HashMap<>();
        int sessions = 0;
        for (Future<List<SessionRecord>> future : held) {
            for (SessionRecord record : future.get(2, TimeUnit.MINUTES)) {
                expected.computeIfAbsent(record.owner.uid, u -> new HashSet<>()).add(record);
                sessions++;
            }
        }
        pool.shutdown();

        assertThat(gauge.sessions()).isEqualTo(sessions);
        assertThat(gauge.uids()).isEqualTo(expected.size());
        assertThat(gauge.numbered()).as("every attach numbered once").isEqualTo(attaches.get());
        for (String uid : uids) {
            Set<SessionRecord> mine = expected.getOrDefault(uid, Set.of());
            assertThat(new HashSet<>(index.sessionsOf(uid))).as(uid).isEqualTo(mine);
            assertThat(index.isOnline(uid)).as(uid).isEqualTo(!mine.isEmpty());
        }
        assertThat(countInOrder()).isEqualTo(sessions);
    }

    private int countInOrder() {
        int count = 0;
        for (Iterator<SessionRecord> it = order.all(); it.hasNext(); it.next()) {
            count++;
        }
        return count;
    }
}
