package io.onlineuser.sample.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.onlineuser.sample.protocol.Json;
import io.onlineuser.sample.protocol.PackageCodec;
import io.onlineuser.sample.protocol.PackageType;
import io.onlineuser.sample.protocol.PomeloPackage;
import io.onlineuser.sample.transport.TcpPackageEncoder;
import org.junit.jupiter.api.Test;

class SessionServiceTest {
    private final SessionService service = new SessionService();

    private Session newSession() {
        return service.create(new EmbeddedChannel(TcpPackageEncoder.INSTANCE));
    }

    @Test
    void bindMakesTheUidOnlineAndUnbindTakesItOff() {
        Session session = newSession();

        service.bind(session, "u1");

        assertThat(session.uid()).isEqualTo("u1");
        assertThat(session.loginTime()).isPositive();
        assertThat(service.isOnline("u1")).isTrue();
        assertThat(service.getByUid("u1")).containsExactly(session);

        service.unbind(session);

        assertThat(session.uid()).isNull();
        assertThat(service.isOnline("u1")).isFalse();
        assertThat(service.getByUid("u1")).isEmpty();
        assertThat(service.boundSessionCount()).isZero();
    }

    @Test
    void closingOneOfTwoSessionsOfAUidKeepsTheUidOnline() {
        Session first = newSession();
        Session second = newSession();
        service.bind(first, "u1");
        service.bind(second, "u1");

        service.remove(first);

        assertThat(service.isOnline("u1")).isTrue();
        assertThat(service.getByUid("u1")).containsExactly(second);
        assertThat(service.onlineUserCount()).isEqualTo(1);
        assertThat(service.boundSessionCount()).isEqualTo(1);
    }

    @Test
    void sessionIdsAreDistinctAndLookedUp() {
        Session first = newSession();
        Session second = newSession();

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(service.get(second.id())).isSameAs(second);

        service.remove(second);

        assertThat(service.get(second.id())).isNull();
        assertThat(service.connectionCount()).isEqualTo(1);
    }

    @Test
    void unbindOfAnUnboundSessionChangesNothing() {
        Session bound = newSession();
        service.bind(bound, "u1");

        service.unbind(newSession());

        assertThat(service.getByUid("u1")).containsExactly(bound);
        assertThat(service.boundSessionCount()).isEqualTo(1);
    }

    @Test
    void bindingTwiceOrWithoutUidIsRefused() {
        Session session = newSession();
        service.bind(session, "u1");

        assertThatThrownBy(() -> service.bind(session, "u2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> service.bind(newSession(), "")).isInstanceOf(IllegalArgumentException.class);
        assertThat(service.getByUid("u2")).isEmpty();
    }

    @Test
    void kickTellsTheClientWhyUnbindsAndCloses() {
        Session session = newSession();
        EmbeddedChannel channel = (EmbeddedChannel) session.channel();
        service.bind(session, "u1");

        int kicked = service.kick("u1", "maintenance");

        assertThat(kicked).isEqualTo(1);
        assertThat(service.isOnline("u1")).isFalse();
        ByteBuf written = channel.readOutbound();
        PomeloPackage pkg = PackageCodec.decode(written, PackageCodec.DEFAULT_MAX_BODY_LENGTH);
        written.release();
        assertThat(pkg.type()).isEqualTo(PackageType.KICK);
        assertThat(Json.parse(pkg.body()).path("reason").asText()).isEqualTo("maintenance");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void kickOfAClosedConnectionReportsFalse() {
        Session session = newSession();
        service.bind(session, "u1");
        session.channel().close();

        assertThat(service.kick(session, "late")).isFalse();
        assertThat(service.isOnline("u1")).isFalse();
    }

    @Test
    void boundSessionsListsEveryPlayerOnce() {
        Session a = newSession();
        Session b = newSession();
        newSession();
        service.bind(a, "a");
        service.bind(b, "b");

        assertThat(service.boundSessions()).containsExactlyInAnyOrder(a, b);
    }
}
