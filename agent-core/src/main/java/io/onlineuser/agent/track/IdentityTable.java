package io.onlineuser.agent.track;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A concurrent set of records looked up by the identity of the object each one stands for
 * (application sessions and channels may override {@code equals}). Striped open addressing that
 * stores only the records, which know their key: about 8 bytes per entry where an
 * {@code IdentityHashMap} takes 18 and a {@code ConcurrentHashMap} with wrapper keys 50 (with
 * such maps for sessions, connections and uids the tracker held 309 bytes per logged-in user at
 * 1,000,000, against 169 and the limit of 200: BENCHMARKS.md, "The tracker's own hash tables").
 *
 * <p>Each stripe is its own lock ({@link StripeLock}). Callers that must do more than one step
 * atomically (look up, then add, and change the record found) hold it themselves:
 * {@code stripe.lock(); try { ... } finally { stripe.unlock(); }} around the methods that take a
 * {@link Stripe}; the other methods lock for one step.
 *
 * <p>Beside each slot a one-byte tag (0 = empty) holds the entry's distance from its home slot
 * (low 4 bits, 15 = "14 or more") and 4 bits of its key's hash. A probe compares tags and reaches
 * a record only when both match (an entry with the same home and the same hash bits), and a
 * delete shifts the entries after the hole back by their distances alone: reaching each probed
 * or shifted record, then its key's header for the identity hash, would be two dependent cache
 * misses per entry.
 */
final class IdentityTable<V> {

    private static final int STRIPE_BITS = 6;
    private static final int INITIAL_SLOTS = 16;
    private static final int DISTANCE_BITS = 0xF;
    /** Distance code of an entry 14 or more slots from home: its home needs its key's hash. */
    private static final int FAR = 15;

    /** The fields of a stripe; {@link Stripe} pads them to keep each stripe's lock on its own cache line. */
    abstract static class StripeFields extends StripeLock {
        Object[] slots = new Object[INITIAL_SLOTS];
        byte[] tags = new byte[INITIAL_SLOTS];
        int size;
    }

    /**
     * One share of the table and its lock. Stripes are allocated together and stay together
     * through garbage collection: unpadded, threads locking different stripes wrote one cache line.
     */
    static final class Stripe extends StripeFields {
        @SuppressWarnings("unused")
        private long pad0, pad1, pad2, pad3, pad4, pad5, pad6, pad7, pad8, pad9, pad10, pad11, pad12;
    }

    private final Stripe[] stripes = new Stripe[1 << STRIPE_BITS];
    private final Function<V, Object> keyOf;

    IdentityTable(Function<V, Object> keyOf) {
        this.keyOf = keyOf;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Stripe();
        }
    }

    /** Identity hash, scrambled so that the top bits pick the stripe and the low bits the slot. */
    private static int hash(Object key) {
        return System.identityHashCode(key) * 0x9E3779B9;
    }

    /** Hash bits above those a slot index uses up to ~256K slots per stripe, in a tag's high nibble. */
    private static int hashBits(int hash) {
        return (hash >>> 14) & 0xF0;
    }

    private static int distanceCode(int distance) {
        return distance < FAR - 1 ? distance + 1 : FAR;
    }

    /**
     * Load factor 13/16: with the tags a probe past a wrong entry costs a byte compare, so the
     * table can be fuller than the usual 3/4 (SwissTable-style tables go to 7/8), which pays for
     * the tags' byte per slot.
     */
    private static int maxSize(int slots) {
        return slots - (slots >>> 3) - (slots >>> 4);
    }

    /** The stripe that holds {@code key}, to lock around the methods that take a stripe. */
    Stripe stripeOf(Object key) {
        return stripes[hash(key) >>> (Integer.SIZE - STRIPE_BITS)];
    }

    // --- steps under a lock the caller holds ---------------------------------------------------

    /** The value of {@code key}, or null; the caller holds {@code stripe}, the key's stripe. */
    V get(Stripe stripe, Object key) {
        int index = indexOf(stripe, key, hash(key));
        return index < 0 ? null : value(stripe, index);
    }

    /** Adds a value whose key is absent; the caller holds the key's stripe and checked. */
    void add(Stripe stripe, V value) {
        if (stripe.size + 1 > maxSize(stripe.slots.length)) {
            resize(stripe, stripe.slots.length * 2);
        }
        place(stripe.slots, stripe.tags, value, hash(keyOf.apply(value)));
        stripe.size++;
    }

    /** Removes the value of {@code key} and returns it, or null; the caller holds the key's stripe. */
    V remove(Stripe stripe, Object key) {
        int index = indexOf(stripe, key, hash(key));
        if (index < 0) {
            return null;
        }
        V removed = value(stripe, index);
        delete(stripe, index);
        return removed;
    }

    /** Removes the entry only if it is still {@code value}; true if it did. The caller holds the key's stripe. */
    boolean remove(Stripe stripe, Object key, V value) {
        int index = indexOf(stripe, key, hash(key));
        if (index < 0 || stripe.slots[index] != value) {
            return false;
        }
        delete(stripe, index);
        return true;
    }

    // --- single steps that lock for themselves -------------------------------------------------

    V get(Object key) {
        Stripe stripe = stripeOf(key);
        stripe.lock();
        try {
            return get(stripe, key);
        } finally {
            stripe.unlock();
        }
    }

    /** Adds {@code value} under its key; returns the value already there (then nothing changes), or null. */
    V putIfAbsent(V value) {
        Object key = keyOf.apply(value);
        Stripe stripe = stripeOf(key);
        stripe.lock();
        try {
            V present = get(stripe, key);
            if (present == null) {
                add(stripe, value);
            }
            return present;
        } finally {
            stripe.unlock();
        }
    }

    V remove(Object key) {
        Stripe stripe = stripeOf(key);
        stripe.lock();
        try {
            return remove(stripe, key);
        } finally {
            stripe.unlock();
        }
    }

    /** Removes the entry only if it is still {@code value}; true if it did. */
    boolean remove(Object key, V value) {
        Stripe stripe = stripeOf(key);
        stripe.lock();
        try {
            return remove(stripe, key, value);
        } finally {
            stripe.unlock();
        }
    }

    int size() {
        int size = 0;
        for (Stripe stripe : stripes) {
            stripe.lock();
            try {
                size += stripe.size;
            } finally {
                stripe.unlock();
            }
        }
        return size;
    }

    /** A value matching {@code test}, or null; scans every stripe (for rare operator actions). */
    V find(Predicate<V> test) {
        for (Stripe stripe : stripes) {
            stripe.lock();
            try {
                for (int i = 0; i < stripe.slots.length; i++) {
                    if (stripe.slots[i] != null && test.test(value(stripe, i))) {
                        return value(stripe, i);
                    }
                }
            } finally {
                stripe.unlock();
            }
        }
        return null;
    }

    // --- open addressing -----------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private V value(Stripe stripe, int index) {
        return (V) stripe.slots[index];
    }

    private int indexOf(Stripe stripe, Object key, int hash) {
        byte[] tags = stripe.tags;
        int mask = tags.length - 1;
        int bits = hashBits(hash);
        int distance = 0;
        for (int i = hash & mask; tags[i] != 0; i = (i + 1) & mask) {
            if (tags[i] == (byte) (bits | distanceCode(distance)) && keyOf.apply(value(stripe, i)) == key) {
                return i;
            }
            distance++;
        }
        return -1;
    }

    private static void place(Object[] slots, byte[] tags, Object value, int hash) {
        int mask = slots.length - 1;
        int i = hash & mask;
        int distance = 0;
        while (tags[i] != 0) {
            i = (i + 1) & mask;
            distance++;
        }
        slots[i] = value;
        tags[i] = (byte) (hashBits(hash) | distanceCode(distance));
    }

    /** Linear-probing delete that shifts later entries back instead of leaving tombstones. */
    private void delete(Stripe stripe, int index) {
        Object[] slots = stripe.slots;
        byte[] tags = stripe.tags;
        int mask = slots.length - 1;
        int hole = index;
        slots[hole] = null;
        tags[hole] = 0;
        for (int i = (hole + 1) & mask; tags[i] != 0; i = (i + 1) & mask) {
            int code = tags[i] & DISTANCE_BITS;
            int distance = code != FAR ? code - 1 : (i - hash(keyOf.apply(value(stripe, i)))) & mask;
            int gap = (i - hole) & mask;
            // an entry may fill the hole unless its home lies after the hole
            if (distance >= gap) {
                slots[hole] = slots[i];
                tags[hole] = (byte) ((tags[i] & ~DISTANCE_BITS) | distanceCode(distance - gap));
                slots[i] = null;
                tags[i] = 0;
                hole = i;
            }
        }
        stripe.size--;
        // give memory back after a peak, with a wide gap so that a size near a limit cannot flap
        if (slots.length > INITIAL_SLOTS && stripe.size < slots.length >>> 3) {
            resize(stripe, slots.length / 2);
        }
    }

    private void resize(Stripe stripe, int length) {
        Object[] slots = new Object[length];
        byte[] tags = new byte[length];
        for (Object value : stripe.slots) {
            if (value != null) {
                @SuppressWarnings("unchecked")
                V typed = (V) value;
                place(slots, tags, value, hash(keyOf.apply(typed)));
            }
        }
        stripe.slots = slots;
        stripe.tags = tags;
    }
}
