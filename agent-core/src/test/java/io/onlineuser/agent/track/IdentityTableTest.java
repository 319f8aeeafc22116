package io.onlineuser.agent.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The identity table on its own: against an IdentityHashMap step by step, and under racing threads. */
class IdentityTableTest {

    /** A record of the kind the table holds: it knows the object it stands for. */
    private static final class Entry {
        final Object key;

        Entry(Object key) {
            this.key = key;
        }
    }

    /** Keys that all claim to be equal: only identity may tell them apart. */
    private static final class EqualKey {
        @Override
        public boolean equals(Object other) {
            return other instanceof EqualKey;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    private final IdentityTable<Entry> table = new IdentityTable<>(entry -> entry.key);

    @Test
    void behavesLikeAnIdentityMapThroughGrowthRemovalAndShrinking() {
        Object[] keys = new Object[5_000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = new EqualKey();
        }
        Map<Object, Entry> model = new IdentityHashMap<>();
        long seed = 42;
        Random random = new Random(seed);
        for (int step = 0; step < 300_000; step++) {
            String at = "seed " + seed + ", step " + step;
            // grow to the full key set, then drain, so that both resize directions run
            boolean filling = (step / 60_000) % 2 == 0;
            Object key = keys[random.nextInt(keys.length)];
            int action = random.nextInt(10);
            if (action < (filling ? 6 : 2)) {
                Entry entry = new Entry(key);
                Entry present = table.putIfAbsent(entry);
                assertThat(present).as(at).isSameAs(model.get(key));
                model.putIfAbsent(key, entry);
            } else if (action < 8) {
                assertThat(table.remove(key)).as(at).isSameAs(model.remove(key));
            } else {
                Entry expected = model.get(key);
                assertThat(table.remove(key, new Entry(key))).as(at).isFalse();
                assertThat(table.get(key)).as(at).isSameAs(expected);
            }
            assertThat(table.size()).as(at).isEqualTo(model.size());
        }
        assertThat(table.size()).isEqualTo(model.size());
        for (Object key : keys) {
            assertThat(table.get(key)).isSameAs(model.get(key));
        }
        for (Object key : keys) {
            Entry entry = model.get(key);
            if (entry != null) {
                assertThat(table.remove(key, entry)).isTrue();
            }
        }
        assertThat(table.size()).isZero();
    }

    @Test
    void threadsRacingOnSharedKeysLeaveEachKeyExactlyOnceOrNot() throws Exception {
        int threads = 4;
        int stepsPerThread = 200_000;
        Object[] keys = new Object[2_000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = new EqualKey();
        }
        AtomicIntegerArray added = new AtomicIntegerArray(keys.length);
        AtomicIntegerArray removed = new AtomicIntegerArray(keys.length);
        Set<Entry> everAdded = ConcurrentHashMap.newKeySet();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            long seed = t;
            Thread worker = new Thread(() -> {
                Random random = new Random(seed);
                try {
                    start.await();
                    for (int step = 0; step < stepsPerThread; step++) {
                        int k = random.nextInt(keys.length);
                        if (random.nextBoolean()) {
                            Entry entry = new Entry(keys[k]);
                            // known before it is in the table, where another thread may remove it at once
                            everAdded.add(entry);
                            if (table.putIfAbsent(entry) == null) {
                                added.incrementAndGet(k);
                            } else {
                                everAdded.remove(entry);
                            }
                        } else {
                            Entry gone = table.remove(keys[k]);
                            if (gone != null) {
                                assertThat(gone.key).isSameAs(keys[k]);
                                assertThat(everAdded.contains(gone)).as("an entry a thread added").isTrue();
                                removed.incrementAndGet(k);
                            }
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            worker.start();
            workers.add(worker);
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join(TimeUnit.MINUTES.toMillis(2));
        }

        assertThat(failures).isEmpty();
        int present = 0;
        for (int k = 0; k < keys.length; k++) {
            int held = added.get(k) - removed.get(k);
            assertThat(held).as("adds minus removes of key " + k).isBetween(0, 1);
            Entry entry = table.get(keys[k]);
            assertThat(entry != null).as("key " + k).isEqualTo(held == 1);
            present += held;
        }
        assertThat(table.size()).isEqualTo(present);
    }

    @Test
    void findScansEveryStripe() {
        Object wanted = new Object();
        for (int i = 0; i < 1_000; i++) {
            table.putIfAbsent(new Entry(new Object()));
        }
        table.putIfAbsent(new Entry(wanted));

        assertThat(table.find(entry -> entry.key == wanted).key).isSameAs(wanted);
        assertThat(table.find(entry -> false)).isNull();
    }
}
