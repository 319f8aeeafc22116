package io.onlineuser.collector.fake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's login journal as the contract describes it: events numbered from 1 per epoch, the
 * oldest dropped past the capacity, cursors {@code epoch:seq}; a cursor of another epoch or older
 * than what is held gets {@code gap=true}.
 */
final class FakeJournal {

    private final ArrayDeque<ChangeEvent> events = new ArrayDeque<>();
    private int capacity = 65_536;
    private long epoch = System.nanoTime();
    private long seq;

    synchronized long nextSeq() {
        return seq + 1;
    }

    synchronized void record(String kind, long sessionId, LoginRow row) {
        seq++;
        events.addLast(new ChangeEvent(seq, kind, sessionId, row.getUid(), row.getAddress(), row.getLoginTime()));
        while (events.size() > capacity) {
            events.removeFirst();
        }
    }

    synchronized void whileLocked(Runnable work) {
        work.run();
    }

    synchronized void capacity(int size) {
        capacity = size;
    }

    synchronized void newEpoch() {
        epoch++;
        seq = 0;
        events.clear();
    }

    synchronized ChangesAnswer changes(String cursor, int limit) {
        String now = epoch + ":" + seq;
        if (cursor.isEmpty()) {
            return new ChangesAnswer(now, false, List.of());
        }
        String[] parts = cursor.split(":");
        long from = Long.parseLong(parts[1]);
        long oldestHeld = events.isEmpty() ? seq + 1 : events.peekFirst().getSeq();
        if (Long.parseLong(parts[0]) != epoch || from + 1 < oldestHeld) {
            return new ChangesAnswer(now, true, List.of());
        }
        List<ChangeEvent> after = new ArrayList<>();
        for (ChangeEvent event : events) {
            if (event.getSeq() > from && after.size() < limit) {
                after.add(event);
            }
        }
        long last = after.isEmpty() ? from : after.get(after.size() - 1).getSeq();
        return new ChangesAnswer(epoch + ":" + last, false, after);
    }
}
