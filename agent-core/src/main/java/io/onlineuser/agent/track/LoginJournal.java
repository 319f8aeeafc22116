package io.onlineuser.agent.track;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last {@code size} logins and logouts, numbered 1, 2, 3, … in a ring, for clients that list
 * once and then follow the changes (as Kubernetes clients watch from a resource version).
 *
 * <p>A writer appends after its change is visible to the page walks, under the uid's stripe
 * lock, so that one session's login and logout are numbered in that order and a cursor taken
 * at number {@code n} covers every change numbered up to {@code n}. Writers claim a number with
 * one atomic increment and then fill their slot; a reader stops at the first slot not filled
 * yet (the next poll gets it) and reports a gap when a slot it needs holds a newer event.
 * A read costs O(returned events), never O(users).
 *
 * <p>A cursor is {@code <epoch>-<seq>}; the epoch is random per agent run, so that a cursor of
 * an earlier run, or of another server, is recognised as not this journal's and answered with a gap.
 */
final class LoginJournal {

    static final int DEFAULT_SIZE = 65_536;

    private static final int LAST = Padding.CELL;

    private final int size;
    private final String epoch;
    private final AtomicReferenceArray<JournalEvent> ring;
    /** The last number claimed, in a cell of its own cache line: every event thread writes it. */
    private final AtomicLongArray counters = new AtomicLongArray(2 * Padding.CELL);

    LoginJournal(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("journal size must be 1 or more, was " + size);
        }
        this.size = size;
        this.ring = new AtomicReferenceArray<>(size);
        this.epoch = Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    }

    void login(SessionRecord session) {
        append(true, session, session.loginTime);
    }

    void logout(SessionRecord session, long time) {
        append(false, session, time);
    }

    private void append(boolean login, SessionRecord session, long time) {
        long seq = counters.incrementAndGet(LAST);
        JournalEvent event = new JournalEvent(seq, login, session, time);
        int slot = slot(seq);
        // a writer delayed by a whole ring's worth of events must not put its older event over a newer one
        JournalEvent present = ring.get(slot);
        while ((present == null || present.seq < seq) && !ring.weakCompareAndSetRelease(slot, present, event)) {
            present = ring.get(slot);
        }
    }

    private int slot(long seq) {
        return (int) (seq % size);
    }

    /** The cursor of the newest event; every change numbered up to it is visible to readers. */
    String currentCursor() {
        return cursor(counters.get(LAST));
    }

    private String cursor(long seq) {
        return epoch + "-" + seq;
    }

    /**
     * At most {@code limit} events after {@code cursor}; an empty cursor asks for the current one.
     *
     * @throws IllegalArgumentException for a cursor that is not one of ours in form, or that is
     *     ahead of this journal
     */
    Changes after(String cursor, int limit) {
        if (cursor == null || cursor.isEmpty()) {
            return new Changes(currentCursor(), false, Collections.emptyList());
        }
        int dash = cursor.lastIndexOf('-');
        long from = dash > 0 ? parseSeq(cursor.substring(dash + 1)) : -1;
        if (from < 0 || !isHex(cursor, dash)) {
            throw new IllegalArgumentException("cursor '" + abbreviated(cursor) + "' is not a cursor of this agent;"
                    + " use \"\" or the cursor a previous changes call returned");
        }
        if (!cursor.regionMatches(0, epoch, 0, dash) || dash != epoch.length()) {
            return gap();
        }
        long head = counters.get(LAST);
        if (from > head) {
            throw new IllegalArgumentException("cursor '" + cursor + "' is ahead of this agent's journal (last event "
                    + head + ")");
        }
        if (head - from > size) {
            return gap();
        }
        List<JournalEvent> events = new ArrayList<>((int) Math.min(limit, head - from));
        long next = from;
        while (events.size() < limit && next < head) {
            JournalEvent event = ring.get(slot(next + 1));
            if (event == null || event.seq <= next) {
                break;
            }
            if (event.seq != next + 1) {
                return gap();
            }
            events.add(event);
            next++;
        }
        return new Changes(cursor(next), false, events);
    }

    private Changes gap() {
        return new Changes(currentCursor(), true, Collections.emptyList());
    }

    private static long parseSeq(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(text);
    }

    private static boolean isHex(String text, int end) {
        if (end != 16) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviated(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }

    int size() {
        return size;
    }
}
