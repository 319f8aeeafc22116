package io.onlineuser.agent.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Session.changes: the journal's order, its gaps, and its refusals. */
class LoginJournalTest {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final OnlineTracker tracker = new OnlineTracker(clock::get, 16);

    @Test
    void everyLoginAndLogoutIsNumberedInOrderAfterTheCursor() {
        Object channel = new Object();
        tracker.connectionActive(channel, "/10.0.0.1:5000");
        tracker.sessionBound(new Object(), "before", null, null);
        String cursor = tracker.changes("", 0).cursor();
        Object first = new Object();
        Object second = new Object();
        clock.set(2_000);
        tracker.sessionBound(first, "u1", channel, null);
        clock.set(3_000);
        tracker.sessionBound(second, "u2", null, "10.0.0.2:6000");
        clock.set(4_000);
        tracker.connectionInactive(channel);

        Changes changes = tracker.changes(cursor, 10);

        assertThat(changes.gap()).isFalse();
        assertThat(changes.events()).extracting(JournalEvent::kind, JournalEvent::uid, JournalEvent::address,
                JournalEvent::time).containsExactly(
                        tuple("LOGIN", "u1", "10.0.0.1:5000", 2_000L),
                        tuple("LOGIN", "u2", "10.0.0.2:6000", 3_000L),
                        tuple("LOGOUT", "u1", "10.0.0.1:5000", 4_000L));
        assertThat(changes.events()).extracting(JournalEvent::seq).containsExactly(2L, 3L, 4L);
        long u1 = tracker.sessionsOf("u2").get(0).sessionId() - 1;
        assertThat(changes.events()).extracting(JournalEvent::sessionId).containsExactly(u1, u1 + 1, u1);
        assertThat(tracker.changes(changes.cursor(), 10).events()).isEmpty();
        assertThat(tracker.changes(changes.cursor(), 10).cursor()).isEqualTo(changes.cursor());
        assertThat(tracker.changes("", 0).cursor()).isEqualTo(changes.cursor());
    }

    @Test
    void aLimitTakesTheOldestEventsAndTheCursorGoesOnFromThere() {
        String cursor = tracker.changes("", 0).cursor();
        for (int i = 0; i < 5; i++) {
            tracker.sessionBound(new Object(), "u" + i, null, null);
        }

        Changes firstTwo = tracker.changes(cursor, 2);
        Changes rest = tracker.changes(firstTwo.cursor(), 10);

        assertThat(firstTwo.events()).extracting(JournalEvent::uid).containsExactly("u0", "u1");
        assertThat(rest.events()).extracting(JournalEvent::uid).containsExactly("u2", "u3", "u4");
        assertThat(tracker.changes(cursor, 0).events()).isEmpty();
        assertThat(tracker.changes(cursor, 0).cursor()).isEqualTo(cursor);
    }

    @Test
    void aCursorTheFullJournalNoLongerReachesGetsAGap() {
        String cursor = tracker.changes("", 0).cursor();
        Object session = new Object();
        for (int i = 0; i < 8; i++) {
            tracker.sessionBound(session, "u", null, null);
            tracker.sessionUnbound(session);
        }
        assertThat(tracker.changes(cursor, 100).gap()).as("exactly a journal's worth").isFalse();
        assertThat(tracker.changes(cursor, 100).events()).hasSize(16);

        tracker.sessionBound(session, "u", null, null);

        Changes overflowed = tracker.changes(cursor, 100);
        assertThat(overflowed.gap()).isTrue();
        assertThat(overflowed.events()).isEmpty();
        assertThat(overflowed.cursor()).isEqualTo(tracker.changes("", 0).cursor());
        assertThat(tracker.changes(overflowed.cursor(), 100).gap()).isFalse();
    }

    @Test
    void aCursorOfAnotherRunOrServerGetsAGap() {
        tracker.sessionBound(new Object(), "u", null, null);
        OnlineTracker restarted = new OnlineTracker(clock::get, 16);
        restarted.sessionBound(new Object(), "u", null, null);
        restarted.sessionBound(new Object(), "v", null, null);

        Changes answer = restarted.changes(tracker.changes("", 0).cursor(), 10);

        assertThat(answer.gap()).isTrue();
        assertThat(answer.events()).isEmpty();
        assertThat(answer.cursor()).isEqualTo(restarted.changes("", 0).cursor());
    }

    @Test
    void badCursorsAndLimitsAreRefusedWithAClearMessage() {
        String current = tracker.changes("", 0).cursor();
        String epoch = current.substring(0, current.indexOf('-'));

        for (String bad : new String[] {"abc", "-5", "5", epoch + "-", epoch + "-x", epoch + "-1-2", "zz" + current,
                epoch + "-99999999999999999999"}) {
            assertThatThrownBy(() -> tracker.changes(bad, 10)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a cursor of this agent");
        }
        assertThatThrownBy(() -> tracker.changes(epoch + "-7", 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is ahead of this agent's journal");
        assertThatThrownBy(() -> tracker.changes(current, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be between 0 and 10000, was -1");
        assertThatThrownBy(() -> tracker.changes("", 10_001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 10001");
    }
}
