package io.onlineuser.agent.track;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A concurrent set of records looked up by the identity of the object each one stands for
 * (application sessions and channels may override {@code equals}). Striped open addressing that
 * stores only the records, which know their key: about 8 bytes per entry where an
 * {@code IdentityHashMap} takes 18 and a {@code ConcurrentHashMap} with wrapper keys 50. Each
 * operation holds one stripe for a few nanoseconds.
 *
 * <p>Beside each slot a one-byte tag holds 8 bits of the key's hash (0 = empty slot), so that a
 * probe walks a dense byte array and dereferences a record only when its tag matches (1 in 255
 * for a wrong record). Reaching each probed record's key was a cache miss per probe. A full
 * {@code int} hash per slot would filter no better in practice and cost 3 bytes more per slot,
 * about 6 bytes per logged-in user over the two tables.
 */
final class IdentityTable<V> {

    private static final int STRIPE_BITS = 6;
    private static final int INITIAL_SLOTS = 16;

    private static final class Stripe {
        Object[] slots = new Object[INITIAL_SLOTS];
        byte[] tags = new byte[INITIAL_SLOTS];
        int size;
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

    /** Hash bits above those a slot index uses up to ~16M entries per stripe; never 0. */
    private static byte tag(int hash) {
        int tag = (hash >>> 18) & 0xFF;
        return (byte) (tag == 0 ? 1 : tag);
    }

    /**
     * Load factor 13/16: with the tags a probe past a wrong entry costs a byte compare, so the
     * table can be fuller than the usual 3/4 (SwissTable-style tables go to 7/8), which pays for
     * the tags' byte per slot.
     */
    private static int maxSize(int slots) {
        return slots - (slots >>> 3) - (slots >>> 4);
    }

    private Stripe stripe(int hash) {
        return stripes[hash >>> (Integer.SIZE - STRIPE_BITS)];
    }

    V get(Object key) {
        int hash = hash(key);
        Stripe stripe = stripe(hash);
        synchronized (stripe) {
            int index = indexOf(stripe, key, hash);
            return index < 0 ? null : value(stripe, index);
        }
    }

    /** Adds {@code value} under its key; returns the value already there (then nothing changes), or null. */
    V putIfAbsent(V value) {
        Object key = keyOf.apply(value);
        int hash = hash(key);
        Stripe stripe = stripe(hash);
        synchronized (stripe) {
            int index = indexOf(stripe, key, hash);
            if (index >= 0) {
                return value(stripe, index);
            }
            if (stripe.size + 1 > maxSize(stripe.slots.length)) {
                resize(stripe, stripe.slots.length * 2);
            }
            place(stripe.slots, stripe.tags, value, hash);
            stripe.size++;
            return null;
        }
    }

    V remove(Object key) {
        int hash = hash(key);
        Stripe stripe = stripe(hash);
        synchronized (stripe) {
            int index = indexOf(stripe, key, hash);
            if (index < 0) {
                return null;
            }
            V removed = value(stripe, index);
            delete(stripe, index);
            return removed;
        }
    }

    /** Removes the entry only if it is still {@code value}; true if it did. */
    boolean remove(Object key, V value) {
        int hash = hash(key);
        Stripe stripe = stripe(hash);
        synchronized (stripe) {
            int index = indexOf(stripe, key, hash);
            if (index < 0 || stripe.slots[index] != value) {
                return false;
            }
            delete(stripe, index);
            return true;
        }
    }

    int size() {
        int size = 0;
        for (Stripe stripe : stripes) {
            synchronized (stripe) {
                size += stripe.size;
            }
        }
        return size;
    }

    /** A value matching {@code test}, or null; scans every stripe (for rare operator actions). */
    V find(Predicate<V> test) {
        for (Stripe stripe : stripes) {
            synchronized (stripe) {
                for (int i = 0; i < stripe.slots.length; i++) {
                    if (stripe.slots[i] != null && test.test(value(stripe, i))) {
                        return value(stripe, i);
                    }
                }
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private V value(Stripe stripe, int index) {
        return (V) stripe.slots[index];
    }

    private int indexOf(Stripe stripe, Object key, int hash) {
        byte[] tags = stripe.tags;
        byte tag = tag(hash);
        int mask = tags.length - 1;
        for (int i = hash & mask; tags[i] != 0; i = (i + 1) & mask) {
            if (tags[i] == tag && keyOf.apply(value(stripe, i)) == key) {
                return i;
            }
        }
        return -1;
    }

    private static void place(Object[] slots, byte[] tags, Object value, int hash) {
        int mask = slots.length - 1;
        int i = hash & mask;
        while (tags[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = value;
        tags[i] = tag(hash);
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
            int home = hash(keyOf.apply(value(stripe, i))) & mask;
            // move the entry into the hole unless its home lies cyclically in (hole, i]
            boolean homeAfterHole = hole <= i ? hole < home && home <= i : hole < home || home <= i;
            if (!homeAfterHole) {
                slots[hole] = slots[i];
                tags[hole] = tags[i];
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
