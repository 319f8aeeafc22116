package io.onlineuser.bench.memory;

import io.onlineuser.agent.track.OnlineTracker;
import io.onlineuser.agent.track.Page;
import io.onlineuser.agent.track.SessionView;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * What one page costs at offset 0 and at offset 990,000 of 1,000,000 logged-in users
 * (loginedList by offset; sessions and loginedPage by the key of the row before), and the heap one
 * journal event holds. In-process, no HTTP: the tracker's own work per call, median of 31 calls
 * after 10 warm-up calls. Run: java -cp bench/target/onlineuser-bench.jar
 * io.onlineuser.bench.memory.PageCostProbe [users]
 */
public final class PageCostProbe {

    private static final int PAGE = 100;

    private PageCostProbe() {
    }

    public static void main(String[] args) {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        journalBytesPerEvent();
        OnlineTracker tracker = new OnlineTracker(System::currentTimeMillis);
        for (int i = 0; i < users; i++) {
            Object channel = new Object();
            tracker.connectionActive(channel, "10.0." + (i >>> 8 & 0xff) + "." + (i & 0xff) + ":" + (1024 + i % 60_000));
            tracker.sessionBound(new Object(), "player-" + i, channel, null);
        }
        int deep = users - users / 100;
        String keyAtDeep = keyBefore(tracker, deep);
        report("loginedList(0, 100)", () -> tracker.loginedList(0, PAGE));
        report("loginedList(" + deep + ", 100)", () -> tracker.loginedList(deep, PAGE));
        report("sessions(\"\", 100)", () -> tracker.sessions("", PAGE));
        report("sessions(key of row " + deep + ", 100)", () -> tracker.sessions(keyAtDeep, PAGE));
        report("loginedPage(\"\", 100)", () -> tracker.loginedPage("", PAGE));
        report("loginedPage(key of row " + deep + ", 100)", () -> tracker.loginedPage(keyAtDeep, PAGE));
        System.exit(0);
    }

    /** The page key of row {@code index - 1}, found by paging (each user has one session). */
    private static String keyBefore(OnlineTracker tracker, int index) {
        String after = "";
        int seen = 0;
        while (seen < index) {
            Page<SessionView> page = tracker.sessions(after, Math.min(OnlineTracker.MAX_PAGE, index - seen));
            seen += page.rows().size();
            SessionView last = page.rows().get(page.rows().size() - 1);
            after = last.loginTime() + "-" + last.sessionId();
        }
        return after;
    }

    private static void report(String what, Supplier<Object> call) {
        for (int i = 0; i < 10; i++) {
            call.get();
        }
        double[] micros = new double[31];
        for (int i = 0; i < micros.length; i++) {
            long start = System.nanoTime();
            call.get();
            micros[i] = (System.nanoTime() - start) / 1e3;
        }
        Arrays.sort(micros);
        System.out.printf("%-45s median %,10.1f µs (min %,.1f, max %,.1f)%n", what, micros[15], micros[0], micros[30]);
    }

    /** Live heap of a full default journal (65,536 logouts and logins of 1,000 users) minus an empty tracker's. */
    private static void journalBytesPerEvent() {
        OnlineTracker small = new OnlineTracker(System::currentTimeMillis, 16);
        long before = LiveHeap.measure().total();
        OnlineTracker full = new OnlineTracker(System::currentTimeMillis, OnlineTracker.DEFAULT_JOURNAL_SIZE);
        long empty = LiveHeap.measure().total();
        Object[] sessions = new Object[1_000];
        Object[] channels = new Object[1_000];
        for (int i = 0; i < sessions.length; i++) {
            channels[i] = new Object();
            full.connectionActive(channels[i], "10.1.0." + (i & 0xff) + ":" + (2000 + i));
        }
        for (int event = 0; event < OnlineTracker.DEFAULT_JOURNAL_SIZE; event += 2) {
            int i = (event / 2) % sessions.length;
            sessions[i] = new Object();
            full.sessionBound(sessions[i], "player-" + i, channels[i], null);
            full.sessionUnbound(sessions[i]);
        }
        long filled = LiveHeap.measure().total();
        System.out.printf("journal: empty ring of %,d slots %,d bytes; %,d events hold %,d bytes more: %.1f bytes per event%n",
                OnlineTracker.DEFAULT_JOURNAL_SIZE, empty - before, OnlineTracker.DEFAULT_JOURNAL_SIZE, filled - empty,
                (double) (filled - empty) / OnlineTracker.DEFAULT_JOURNAL_SIZE);
        if (small.sessionCount() != 0 || full.sessionCount() != 0) {
            throw new IllegalStateException("sessions left");
        }
    }
}
