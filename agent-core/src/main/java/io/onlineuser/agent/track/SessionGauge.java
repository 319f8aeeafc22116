package io.onlineuser.agent.track;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Sessions and logged-in uids, counted in one word (uids in the high half) so that a login or a
 * logout is one atomic add for both and no reader ever sees more uids than sessions; the peak of
 * uids; and the numbering of sessions, whose last number is the login total. Each in a cell of
 * its own cache line, since every event thread writes them.
 */
final class SessionGauge {

    private static final long UID = 1L << 32;
    private static final int COUNTS = Padding.CELL;
    private static final int PEAK_UIDS = 2 * Padding.CELL;
    private static final int LAST_ID = 3 * Padding.CELL;

    private final AtomicLongArray cells = new AtomicLongArray(4 * Padding.CELL);

    /** The next session id, from 1. */
    long nextId() {
        return cells.incrementAndGet(LAST_ID);
    }

    /** Counts a new session, and its uid when it is the uid's first. */
    void added(boolean firstOfUid) {
        long counts = cells.addAndGet(COUNTS, firstOfUid ? UID + 1 : 1);
        // read before writing: below the peak (the usual case) no thread writes the peak's line
        long uids = counts >>> 32;
        if (firstOfUid && uids > cells.get(PEAK_UIDS)) {
            cells.accumulateAndGet(PEAK_UIDS, uids, Math::max);
        }
    }

    /** Uncounts a session, and its uid when it was the uid's last. */
    void removed(boolean lastOfUid) {
        cells.addAndGet(COUNTS, lastOfUid ? -(UID + 1) : -1);
    }

    int sessions() {
        return (int) cells.get(COUNTS);
    }

    int uids() {
        return (int) (cells.get(COUNTS) >>> 32);
    }

    int peakUids() {
        return (int) cells.get(PEAK_UIDS);
    }

    /** Sessions numbered so far: every login, since every id given out is a session counted. */
    long numbered() {
        return cells.get(LAST_ID);
    }

    void resetPeak() {
        cells.set(PEAK_UIDS, uids());
        // a login racing with the reset must not leave the peak below the current count
        cells.accumulateAndGet(PEAK_UIDS, uids(), Math::max);
    }
}
