package io.onlineuser.collector.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

import io.onlineuser.collector.model.SessionInfo;

class UserEntryTest {

    @Test
    void oneSessionKeepsAnIpv4AddressAndAnyOtherAddressText() {
        assertThat(UserEntry.of("s1", "u1", 7, 100, "10.0.0.1:4000").address()).isEqualTo("10.0.0.1:4000");
        assertThat(UserEntry.of("s1", "u1", 7, 100, "[::1]:4000").address()).isEqualTo("[::1]:4000");
        assertThat(UserEntry.of("s1", "u1", 7, 100, null).address()).isNull();
    }

    @Test
    void severalSessionsKeepEveryAddressInLoginOrder() {
        UserEntry entry = UserEntry.of("s1", "u1", 7, 200, "[::1]:4000")
                .withSession(8, 100, "10.0.0.2:5000")
                .withSession(9, 300, "host.example:6000");

        assertThat(entry.sessionCount()).isEqualTo(3);
        assertThat(entry.loginTime).isEqualTo(100);
        assertThat(entry.sessionId).isEqualTo(8);
        assertThat(entry.address()).isEqualTo("10.0.0.2:5000");
        assertThat(entry.sessionInfos()).extracting(SessionInfo::sessionId, SessionInfo::address)
                .containsExactly(
                        tuple(8L, "10.0.0.2:5000"),
                        tuple(7L, "[::1]:4000"),
                        tuple(9L, "host.example:6000"));
    }

    @Test
    void removingSessionsGoesBackToOneAndThenToNone() {
        UserEntry entry = UserEntry.of("s1", "u1", 7, 100, "10.0.0.1:4000").withSession(8, 200, "[::1]:4000");

        UserEntry left = entry.withoutSession(7);

        assertThat(left.sessionCount()).isEqualTo(1);
        assertThat(left.sessionId).isEqualTo(8);
        assertThat(left.address()).isEqualTo("[::1]:4000");
        assertThat(left.withoutSession(99)).isSameAs(left);
        assertThat(left.withSession(8, 200, "[::1]:4000")).isSameAs(left);
        assertThat(left.withoutSession(8)).isNull();
    }
}
