package io.onlineuser.agent.track;

import java.util.IdentityHashMap;
import java.util.function.Predicate;

/**
 * A concurrent map keyed by object identity (application sessions and channels may override
 * {@code equals}). Striped {@link IdentityHashMap}s: no wrapper key and no node per entry,
 * which matters at a million sessions; each operation holds one stripe for a few nanoseconds.
 */
final class IdentityTable<V> {

    private static final int STRIPES = 64;

    private final IdentityHashMap<Object, V>[] stripes;

    @SuppressWarnings("unchecked")
    IdentityTable() {
        stripes = new IdentityHashMap[STRIPES];
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new IdentityHashMap<>();
        }
    }

    private IdentityHashMap<Object, V> stripe(Object key) {
        int hash = System.identityHashCode(key);
        return stripes[(hash ^ (hash >>> 16)) & (STRIPES - 1)];
    }

    V get(Object key) {
        IdentityHashMap<Object, V> stripe = stripe(key);
        synchronized (stripe) {
            return stripe.get(key);
        }
    }

    /** @return the value already present, or null if {@code value} was added */
    V putIfAbsent(Object key, V value) {
        IdentityHashMap<Object, V> stripe = stripe(key);
        synchronized (stripe) {
            V present = stripe.get(key);
            if (present == null) {
                stripe.put(key, value);
            }
            return present;
        }
    }

    V remove(Object key) {
        IdentityHashMap<Object, V> stripe = stripe(key);
        synchronized (stripe) {
            return stripe.remove(key);
        }
    }

    /** Removes the mapping only if it is still {@code value}; true if it did. */
    boolean remove(Object key, V value) {
        IdentityHashMap<Object, V> stripe = stripe(key);
        synchronized (stripe) {
            if (stripe.get(key) != value) {
                return false;
            }
            stripe.remove(key);
            return true;
        }
    }

    int size() {
        int size = 0;
        for (IdentityHashMap<Object, V> stripe : stripes) {
            synchronized (stripe) {
                size += stripe.size();
            }
        }
        return size;
    }

    /** A value matching {@code test}, or null; scans every stripe (for rare operator actions). */
    V find(Predicate<V> test) {
        for (IdentityHashMap<Object, V> stripe : stripes) {
            synchronized (stripe) {
                for (V value : stripe.values()) {
                    if (test.test(value)) {
                        return value;
                    }
                }
            }
        }
        return null;
    }
}
