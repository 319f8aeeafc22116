package io.onlineuser.agent.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Session lengths as the tracker records them: which bucket, which way of ending, sum and count. */
class SessionDurationsTest {

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final OnlineTracker tracker = new OnlineTracker(clock::get);

    @Test
    void eachEndedSessionLandsInTheBucketsOfItsLengthAndItsWayOfEnding() {
        Object channelA = new Object();
        Object channelB = new Object();
        Object a = new Object();
        Object b = new Object();
        Object c = new Object();
        tracker.connectionActive(channelA, "10.0.0.1:4000");
        tracker.connectionActive(channelB, "10.0.0.2:4000");
        tracker.sessionBound(a, "u1", channelA, null);
        tracker.sessionBound(b, "u2", channelB, null);
        tracker.sessionBound(c, "u3", null, "10.0.0.3:4000");

        clock.addAndGet(10_000);
        tracker.sessionUnbound(a); // 10 s: at most 10 s, a bound is inclusive
        clock.addAndGet(80_000);
        tracker.connectionInactive(channelB); // 90 s, closed
        clock.addAndGet(9 * 3_600_000L);
        tracker.sessionUnbound(c); // 9 h 1.5 m: only +Inf

        SessionDurations.Histogram logout = tracker.sessionDurations(SessionEnd.LOGOUT);
        assertThat(logout.count()).isEqualTo(2);
        assertThat(logout.atMost(0)).as("<= 10 s").isEqualTo(1);
        assertThat(logout.atMost(9)).as("<= 8 h").isEqualTo(1);
        assertThat(logout.atMost(10)).as("+Inf").isEqualTo(2);
        assertThat(logout.sumSeconds()).isEqualTo(10 + 90 + 9 * 3_600);

        SessionDurations.Histogram closed = tracker.sessionDurations(SessionEnd.CLOSED);
        assertThat(closed.count()).isEqualTo(1);
        assertThat(closed.atMost(2)).as("<= 60 s").isZero();
        assertThat(closed.atMost(3)).as("<= 300 s").isEqualTo(1);
        assertThat(closed.sumSeconds()).isEqualTo(90);

        assertThat(tracker.sessionDurations(SessionEnd.KICK).count()).isZero();
        assertThat(logout.count() + closed.count()).as("every ended session, as LogoutTotal counts them")
                .isEqualTo(tracker.logoutTotal());
    }

    @Test
    void aKickedSessionCountsAsKickWhetherItsConnectionClosesAtOnceOrLater() {
        Object channel1 = new Object();
        Object channel2 = new Object();
        Object session1 = new Object();
        Object session2 = new Object();
        tracker.connectionActive(channel1, "10.0.0.1:4000");
        tracker.connectionActive(channel2, "10.0.0.2:4000");
        tracker.sessionBound(session1, "u1", channel1, null);
        tracker.sessionBound(session2, "u2", channel2, null);
        clock.addAndGet(45_000);
        // closes at once, inside the kick, as a kicker closing on the caller's thread does
        tracker.setKicker((session, channel, reason) -> tracker.connectionInactive(channel));
        assertThat(tracker.kick("u1", "bye")).isEqualTo(1);
        // closes later, as a kicker that only schedules the close does
        tracker.setKicker((session, channel, reason) -> true);
        assertThat(tracker.kick("u2", "bye")).isEqualTo(1);
        clock.addAndGet(1_000);
        tracker.connectionInactive(channel2);

        SessionDurations.Histogram kick = tracker.sessionDurations(SessionEnd.KICK);
        assertThat(kick.count()).isEqualTo(2);
        assertThat(kick.atMost(1)).as("<= 30 s").isZero();
        assertThat(kick.atMost(2)).as("<= 60 s").isEqualTo(2);
        assertThat(kick.sumSeconds()).isEqualTo(45 + 46);
        assertThat(tracker.sessionDurations(SessionEnd.CLOSED).count()).isZero();
    }

    @Test
    void aKickThatClosesNothingLeavesTheSessionsLaterEndAsItIs() {
        Object channel = new Object();
        Object session = new Object();
        tracker.connectionActive(channel, "10.0.0.1:4000");
        tracker.sessionBound(session, "u1", channel, null);
        tracker.setKicker((s, c, reason) -> false);
        assertThat(tracker.kick("u1", "bye")).isZero();
        tracker.connectionInactive(channel);

        assertThat(tracker.sessionDurations(SessionEnd.KICK).count()).isZero();
        assertThat(tracker.sessionDurations(SessionEnd.CLOSED).count()).isEqualTo(1);
    }

    @Test
    void aClockSteppingBackCountsZeroNotANegativeLength() {
        Object session = new Object();
        tracker.sessionBound(session, "u1", null, null);
        clock.addAndGet(-60_000);
        tracker.sessionUnbound(session);

        SessionDurations.Histogram logout = tracker.sessionDurations(SessionEnd.LOGOUT);
        assertThat(logout.atMost(0)).isEqualTo(1);
        assertThat(logout.sumSeconds()).isZero();
    }

    @Test
    void theBoundsAreTheDocumentedOnes() {
        assertThat(SessionDurations.boundsSeconds())
                .containsExactly(10, 30, 60, 300, 900, 1_800, 3_600, 7_200, 14_400, 28_800);
    }
}
