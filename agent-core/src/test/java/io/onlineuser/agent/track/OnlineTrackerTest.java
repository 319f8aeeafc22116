package io.onlineuser.agent.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OnlineTrackerTest {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final OnlineTracker tracker = new OnlineTracker(clock::get);

    /** Stands for an application object whose equals() would merge distinct sessions or channels. */
    private static final class EqualToEverything {
        @Override
        public boolean equals(Object other) {
            return other instanceof EqualToEverything;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    private final Object channel1 = new EqualToEverything();
    private final Object channel2 = new EqualToEverything();
    private final Object session1 = new EqualToEverything();
    private final Object session2 = new EqualToEverything();

    @Test
    void connectionsAreCountedWithoutAnyLogin() {
        tracker.connectionActive(channel1, "10.0.0.1:5000");
        tracker.connectionActive(channel2, "10.0.0.2:5000");
        tracker.connectionActive(channel1, "10.0.0.1:5000");

        assertThat(tracker.totalConnCount()).isEqualTo(2);
        assertThat(tracker.acceptedConnTotal()).isEqualTo(2);
        assertThat(tracker.loginedCount()).isZero();

        tracker.connectionInactive(channel1);
        tracker.connectionInactive(channel1);

        assertThat(tracker.totalConnCount()).isEqualTo(1);
        assertThat(tracker.closedConnTotal()).isEqualTo(1);
        assertThat(tracker.peakConnCount()).isEqualTo(2);
    }

    @Test
    void aChannelClosedBeforeActivationOrOpenBeforeAttachNeverMakesCountsNegative() {
        for (int i = 0; i < 10; i++) {
            tracker.connectionInactive(new Object());
        }
        tracker.sessionUnbound(new Object());

        assertThat(tracker.totalConnCount()).isZero();
        assertThat(tracker.closedConnTotal()).isZero();
        assertThat(tracker.sessionCount()).isZero();
        assertThat(tracker.logoutTotal()).isZero();
    }

    @Test
    void loginOnAConnectionOpenedBeforeAttachEndsWhenItCloses() {
        Object oldChannel = new Object();
        tracker.sessionBound(session1, "u1", oldChannel, "10.0.0.9:7000");

        assertThat(tracker.isOnline("u1")).isTrue();
        assertThat(tracker.totalConnCount()).isZero();
        assertThat(tracker.sessionsOf("u1")).extracting(SessionView::address).containsExactly("10.0.0.9:7000");

        tracker.connectionInactive(oldChannel);

        assertThat(tracker.isOnline("u1")).isFalse();
        assertThat(tracker.totalConnCount()).isZero();
        assertThat(tracker.closedConnTotal()).isZero();
        assertThat(tracker.logoutTotal()).isEqualTo(1);
    }

    @Test
    void aConnectionLearnedFromABindIsForgottenWithItsLastSession() {
        Object oldChannel = new Object();
        for (int i = 0; i < 3; i++) {
            Object session = new Object();
            tracker.sessionBound(session, "u1", oldChannel, null);
            tracker.sessionUnbound(session);
        }
        tracker.connectionActive(channel1, "10.0.0.1:1");
        tracker.sessionBound(session1, "u2", channel1, null);
        tracker.sessionUnbound(session1);

        assertThat(tracker.connectionRecords()).isEqualTo(1);
        assertThat(tracker.totalConnCount()).isEqualTo(1);

        tracker.connectionInactive(channel1);

        assertThat(tracker.connectionRecords()).isZero();
    }

    @Test
    void loginAndLogoutWithAddressFromTheConnection() {
        tracker.connectionActive(channel1, "/10.0.0.1:5000");
        clock.set(2_000);
        tracker.sessionBound(session1, "u1", channel1, null);

        assertThat(tracker.isOnline("u1")).isTrue();
        assertThat(tracker.loginedCount()).isEqualTo(1);
        assertThat(tracker.sessionCount()).isEqualTo(1);
        assertThat(tracker.sessionsOf("u1")).extracting(SessionView::uid, SessionView::loginTime, SessionView::address)
                .containsExactly(tuple("u1", 2_000L, "10.0.0.1:5000"));
        assertThat(tracker.sessionsOf("u1").get(0).sessionId()).isPositive();

        tracker.sessionUnbound(session1);

        assertThat(tracker.isOnline("u1")).isFalse();
        assertThat(tracker.sessionsOf("u1")).isEmpty();
        assertThat(tracker.totalConnCount()).isEqualTo(1);
        assertThat(tracker.loginTotal()).isEqualTo(1);
        assertThat(tracker.logoutTotal()).isEqualTo(1);
    }

    @Test
    void aUidWithTwoSessionsStaysOnlineUntilItsLastSessionEnds() {
        tracker.connectionActive(channel1, "10.0.0.1:1");
        tracker.connectionActive(channel2, "10.0.0.2:2");
        tracker.sessionBound(session1, "u1", channel1, null);
        clock.set(5_000);
        tracker.sessionBound(session2, "u1", channel2, null);

        assertThat(tracker.loginedCount()).isEqualTo(1);
        assertThat(tracker.sessionCount()).isEqualTo(2);
        assertThat(tracker.sessionsOf("u1")).extracting(SessionView::address)
                .containsExactly("10.0.0.1:1", "10.0.0.2:2");
        assertThat(tracker.loginedList(0, 10)).extracting(LoginView::uid, LoginView::loginTime,
                LoginView::address, LoginView::sessionCount)
                .containsExactly(tuple("u1", 1_000L, "10.0.0.2:2", 2));

        tracker.connectionInactive(channel1);

        assertThat(tracker.isOnline("u1")).isTrue();
        assertThat(tracker.loginedCount()).isEqualTo(1);
        assertThat(tracker.sessionCount()).isEqualTo(1);

        tracker.connectionInactive(channel2);

        assertThat(tracker.isOnline("u1")).isFalse();
        assertThat(tracker.loginedCount()).isZero();
        assertThat(tracker.sessionCount()).isZero();
        assertThat(tracker.peakLoginedCount()).isEqualTo(1);
    }

    @Test
    void closeWithoutUnbindLogsOutAndALaterUnbindIsIgnored() {
        tracker.connectionActive(channel1, "10.0.0.1:1");
        tracker.sessionBound(session1, "u1", channel1, null);

        tracker.connectionInactive(channel1);
        tracker.sessionUnbound(session1);

        assertThat(tracker.isOnline("u1")).isFalse();
        assertThat(tracker.logoutTotal()).isEqualTo(1);
        assertThat(tracker.sessionCount()).isZero();
    }

    @Test
    void bindAfterTheConnectionClosedDoesNotLeaveAGhost() {
        tracker.connectionActive(channel1, "10.0.0.1:1");
        tracker.connectionInactive(channel1);

        tracker.sessionBound(session1, "u1", channel1, null);
        tracker.connectionInactive(channel1);

        assertThat(tracker.isOnline("u1")).isFalse();
        assertThat(tracker.totalConnCount()).isZero();
    }

    @Test
    void rebindingASessionMovesItAndRepeatingABindCountsOnce() {
        tracker.sessionBound(session1, "u1", null, "1.2.3.4:5");
        tracker.sessionBound(session1, "u1", null, "1.2.3.4:5");

        assertThat(tracker.loginTotal()).isEqualTo(1);

        tracker.sessionBound(session1, "u2", null, "1.2.3.4:5");

        assertThat(tracker.isOnline("u1")).isFalse();
        assertThat(tracker.isOnline("u2")).isTrue();
        assertThat(tracker.loginedCount()).isEqualTo(1);
        assertThat(tracker.sessionCount()).isEqualTo(1);
        assertThat(tracker.loginTotal()).isEqualTo(2);
        assertThat(tracker.logoutTotal()).isEqualTo(1);
    }

    @Test
    void sessionsWithoutChannelEndOnlyOnUnbindAndKeepTheirAddressText() {
        tracker.sessionBound(session1, "u1", null, "[::1]:4000");

        assertThat(tracker.sessionsOf("u1")).extracting(SessionView::address).containsExactly("[::1]:4000");

        tracker.sessionUnbound(session1);

        assertThat(tracker.isOnline("u1")).isFalse();
    }

    @Test
    void nullArgumentsOnTheEventPathAreIgnored() {
        tracker.connectionActive(null, "1.1.1.1:1");
        tracker.connectionInactive(null);
        tracker.sessionBound(null, "u1", null, null);
        tracker.sessionBound(session1, null, null, null);
        tracker.sessionUnbound(null);

        assertThat(tracker.totalConnCount()).isZero();
        assertThat(tracker.sessionCount()).isZero();
        assertThat(tracker.isOnline(null)).isFalse();
        assertThat(tracker.sessionsOf(null)).isEmpty();
    }

    @Test
    void kickWithoutAKickerClosesNothing() {
        tracker.sessionBound(session1, "u1", channel1, null);

        assertThat(tracker.kick("u1", "bye")).isZero();
        assertThat(tracker.kickBySessionId(tracker.sessionsOf("u1").get(0).sessionId(), "bye")).isFalse();
        assertThat(tracker.kickTotal()).isZero();
    }

    @Test
    void kickCallsTheKickerForEverySessionAndCountsWhatItClosed() {
        // one (session, channel, reason) per call, so a channel given with the wrong session fails
        List<List<Object>> kicked = new ArrayList<>();
        tracker.setKicker((session, channel, reason) -> {
            kicked.add(Arrays.asList(session, channel, reason));
            return session == session1;
        });
        tracker.connectionActive(channel1, "10.0.0.1:1");
        tracker.sessionBound(session1, "u1", channel1, null);
        tracker.sessionBound(session2, "u1", null, null);

        assertThat(tracker.kick("u1", "maintenance")).isEqualTo(1);
        assertThat(kicked).containsExactlyInAnyOrder(Arrays.asList(session1, channel1, "maintenance"),
                Arrays.asList(session2, null, "maintenance"));
        assertThat(tracker.kickTotal()).isEqualTo(1);
        assertThat(tracker.kick("nobody", "x")).isZero();
    }

    @Test
    void kickBySessionIdFindsTheSessionAndSurvivesAFailingKicker() {
        tracker.sessionBound(session1, "u1", null, null);
        tracker.sessionBound(session2, "u2", null, null);
        long id2 = tracker.sessionsOf("u2").get(0).sessionId();
        List<Object> kicked = new ArrayList<>();
        tracker.setKicker((session, channel, reason) -> kicked.add(session));

        assertThat(tracker.kickBySessionId(id2, "r")).isTrue();
        assertThat(kicked).containsExactly(session2);
        assertThat(tracker.kickBySessionId(id2 + 1000, "r")).isFalse();

        tracker.setKicker((session, channel, reason) -> {
            throw new IllegalStateException("application kick failed");
        });

        assertThat(tracker.kick("u1", "r")).isZero();
        assertThat(tracker.kickTotal()).isEqualTo(1);
    }

    @Test
    void loginedListIsPagedInLoginOrder() {
        for (int i = 0; i < 25; i++) {
            clock.set(10_000 + i);
            tracker.sessionBound(new Object(), "u" + i, null, "10.0.0." + i + ":80");
        }
        tracker.sessionBound(new Object(), "u3", null, null);
        tracker.sessionUnbound(null);

        assertThat(tracker.loginedList(0, 5)).extracting(LoginView::uid).containsExactly("u0", "u1", "u2", "u3", "u4");
        assertThat(tracker.loginedList(20, 10)).extracting(LoginView::uid).containsExactly("u20", "u21", "u22", "u23", "u24");
        assertThat(tracker.loginedList(25, 10)).isEmpty();
        assertThat(tracker.loginedList(Integer.MAX_VALUE, 10)).isEmpty();
        assertThat(tracker.loginedList(0, 0)).isEmpty();
        assertThat(tracker.loginedList(0, OnlineTracker.MAX_PAGE)).hasSize(25);
        assertThat(tracker.loginedList(3, 1).get(0).sessionCount()).isEqualTo(2);
        assertThat(tracker.loginedList(3, 1).get(0).loginTime()).isEqualTo(10_003);
    }

    @Test
    void loginedListSkipsUidsThatWentOffline() {
        Object first = new Object();
        tracker.sessionBound(first, "a", null, null);
        tracker.sessionBound(new Object(), "b", null, null);
        tracker.sessionBound(new Object(), "c", null, null);
        tracker.sessionUnbound(first);

        assertThat(tracker.loginedList(0, 10)).extracting(LoginView::uid).containsExactly("b", "c");
        assertThat(tracker.loginedList(1, 10)).extracting(LoginView::uid).containsExactly("c");
    }

    @Test
    void pagesFollowOneLoginOrderAcrossEveryStripe() {
        // 2,000 uids spread over all stripes, logins in bursts sharing a millisecond, a third gone
        List<String> expected = new ArrayList<>();
        List<Object> sessions = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            clock.set(20_000 + i / 7);
            Object session = new Object();
            sessions.add(session);
            tracker.sessionBound(session, "player-" + i, null, null);
            expected.add("player-" + i);
        }
        for (int i = 0; i < 2_000; i += 3) {
            tracker.sessionUnbound(sessions.get(i));
            expected.remove("player-" + i);
        }

        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 2_000; offset += 37) {
            tracker.loginedList(offset, 37).forEach(view -> paged.add(view.uid()));
        }

        assertThat(paged).containsExactlyElementsOf(expected);
        assertThat(tracker.loginedList(0, OnlineTracker.MAX_PAGE)).extracting(LoginView::loginTime).isSorted();
    }

    @Test
    void aClockSteppingBackDoesNotReorderLogins() {
        clock.set(50_000);
        tracker.sessionBound(new Object(), "early", null, null);
        clock.set(40_000);
        tracker.sessionBound(new Object(), "late", null, null);

        assertThat(tracker.loginedList(0, 10)).extracting(LoginView::uid, LoginView::loginTime)
                .containsExactly(tuple("early", 50_000L), tuple("late", 50_000L));
    }

    @Test
    void loginsOfOneMillisecondStayInTheirSessionIdOrder() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            tracker.sessionBound(new Object(), "player-" + i, null, null);
            expected.add("player-" + i);
        }

        assertThat(tracker.loginedList(0, 1_000)).extracting(LoginView::uid).containsExactlyElementsOf(expected);
    }

    @Test
    void loginedListRejectsBadPagesWithAClearMessage() {
        assertThatThrownBy(() -> tracker.loginedList(-1, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("offset must be 0 or more, was -1");
        assertThatThrownBy(() -> tracker.loginedList(0, -5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be between 0 and 10000, was -5");
        assertThatThrownBy(() -> tracker.loginedList(0, 10_001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 10001");
    }

    @Test
    void peaksFollowTheHighestCountUntilReset() {
        Object[] channels = {new Object(), new Object(), new Object()};
        for (Object channel : channels) {
            tracker.connectionActive(channel, null);
            tracker.sessionBound(channel, "u" + System.identityHashCode(channel), channel, null);
        }
        tracker.connectionInactive(channels[0]);
        tracker.connectionInactive(channels[1]);

        assertThat(tracker.peakConnCount()).isEqualTo(3);
        assertThat(tracker.peakLoginedCount()).isEqualTo(3);

        tracker.resetPeaks();

        assertThat(tracker.peakConnCount()).isEqualTo(1);
        assertThat(tracker.peakLoginedCount()).isEqualTo(1);
        assertThat(tracker.startTime()).isEqualTo(1_000);
    }
}
