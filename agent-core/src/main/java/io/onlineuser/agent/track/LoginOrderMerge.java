package io.onlineuser.agent.track;

/**
 * Merges the per-stripe login orders of {@link UidIndex} into one: a binary min-heap of each
 * order's current entry, keyed by a copy of that entry's {@link UidEntry#order} so that sifting
 * compares longs in one small array and never dereferences the (scattered) entries. Taking the
 * earliest entry puts its successor in its place with a single sift. Single-threaded: one per walk.
 */
final class LoginOrderMerge {

    private final long[] keys;
    private final UidEntry[] entries;
    private int size;

    LoginOrderMerge(int capacity) {
        keys = new long[capacity];
        entries = new UidEntry[capacity];
    }

    /** Adds the first entry of one order. */
    void add(UidEntry entry) {
        long key = entry.order;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!UidEntry.before(key, keys[parent])) {
                break;
            }
            keys[i] = keys[parent];
            entries[i] = entries[parent];
            i = parent;
        }
        keys[i] = key;
        entries[i] = entry;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Takes out the earliest entry of all orders and moves on along its own order. */
    UidEntry next() {
        UidEntry earliest = entries[0];
        UidEntry successor = earliest.nextInOrder();
        if (successor != null) {
            siftDown(successor.order, successor);
        } else {
            size--;
            long lastKey = keys[size];
            UidEntry last = entries[size];
            entries[size] = null;
            if (size > 0) {
                siftDown(lastKey, last);
            }
        }
        return earliest;
    }

    /** Puts {@code entry} at the root and moves it down to its place. */
    private void siftDown(long key, UidEntry entry) {
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && UidEntry.before(keys[child + 1], keys[child])) {
                child++;
            }
            if (!UidEntry.before(keys[child], key)) {
                break;
            }
            keys[i] = keys[child];
            entries[i] = entries[child];
            i = child;
        }
        keys[i] = key;
        entries[i] = entry;
    }
}
