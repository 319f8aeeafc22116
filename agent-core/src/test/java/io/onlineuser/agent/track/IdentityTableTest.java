package io.onlineuser.agent.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

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
        Random random = new Random(42);
        for (int step = 0; step < 300_000; step++) {
            // grow to the full key set, then drain, so that both resize directions run
            boolean filling = (step / 60_000) % 2 == 0;
            Object key = keys[random.nextInt(keys.length)];
            int action = random.nextInt(10);
            if (action < (filling ? 6 : 2)) {
                Entry entry = new Entry(key);
                Entry present = table.putIfAbsent(entry);
                assertThat(present).isSameAs(model.get(key));
                model.putIfAbsent(key, entry);
            } else if (action < 8) {
                assertThat(table.remove(key)).isSameAs(model.remove(key));
            } else {
                Entry expected = model.get(key);
                assertThat(table.remove(key, new Entry(key))).isFalse();
                assertThat(table.get(key)).isSameAs(expected);
            }
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
