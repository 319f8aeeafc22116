package io.onlineuser.agent.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import io.onlineuser.agent.instrument.hook.HookRole;
import io.onlineuser.testapp.ArenaLoginService;
import io.onlineuser.testapp.BaseLoginService;
import io.onlineuser.testapp.FakeSession;
import io.onlineuser.testapp.FakeSessionService;
import io.onlineuser.testapp.GameLoginService;
import io.onlineuser.testapp.LoginService;
import io.onlineuser.testapp.PlayerSession;
import io.onlineuser.testapp.PlayerSocket;
import io.onlineuser.testapp.PlayerSocketImpl;
import io.onlineuser.testapp.SocketLobby;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CandidateScanTest {

    private static final String APP = "io.onlineuser.testapp.";
    private static final Class<?>[] LOADED = {FakeSessionService.class, FakeSession.class, BaseLoginService.class,
            ArenaLoginService.class, PlayerSession.class.getSuperclass(), PlayerSession.class, String.class,
            LoginService.class, GameLoginService.class,
            io.netty.channel.Channel.class};

    private final List<Candidate> found = new CandidateScan(ClassTiers.forMainClass(APP + "GameMain"), false).scan(LOADED);

    @Test
    void proposesEachLoginMethodAsAHookLineWithTheSessionThatLeadsToAConnectionAndTheId() {
        assertThat(lines(HookRole.BIND)).containsExactlyInAnyOrder(
                "hook.bind=" + APP + "BaseLoginService#login/2 session=arg0 uid=arg1",
                "hook.bind=" + APP + "GameLoginService#login/2 session=arg0 uid=arg1",
                "hook.bind=" + APP + "FakeSessionService#bind/2 session=arg0 uid=arg1",
                "hook.bind=" + APP + "FakeSessionService#bindById/4 session=arg2 uid=arg1",
                "hook.bind=" + APP + "AbstractPlayerSession#setUserId/1 session=this uid=arg0");
        Candidate bind = found.stream().filter(c -> c.line().contains("FakeSessionService#bind/2")).findFirst().orElseThrow();
        assertThat(bind.reasons()).contains("name 'bind' reads as a login",
                "arg0 (FakeSession) holds its connection in field 'channel' (Channel)", "arg1 is a String (an id)");
    }

    @Test
    void ranksAServiceGivenTheSessionAboveTheSessionsOwnSetter() {
        List<String> binds = lines(HookRole.BIND);
        assertThat(binds.get(binds.size() - 1)).contains("AbstractPlayerSession#setUserId/1 session=this");
    }

    @Test
    void proposesLogoutsAndKicksWithoutTheUidOverloadOrTheClassThatOnlyInherits() {
        assertThat(lines(HookRole.UNBIND)).containsExactlyInAnyOrder(
                "hook.unbind=" + APP + "BaseLoginService#logout/1 session=arg0",
                "hook.unbind=" + APP + "GameLoginService#logout/1 session=arg0",
                "hook.unbind=" + APP + "FakeSessionService#unbind/1 session=arg0",
                "hook.unbind=" + APP + "FakeSessionService#unbindStatic/2 session=arg1");
        assertThat(lines(HookRole.KICK)).containsExactly("hook.kick=" + APP + "FakeSessionService#kick/2 session=arg0 reason=arg1");
        // a class that only inherits, and an abstract method (no code of its own), are never proposed
        assertThat(found).noneMatch(candidate -> candidate.line().contains("ArenaLoginService"));
        assertThat(found).noneMatch(candidate -> candidate.line().contains(".LoginService#"));
    }

    @Test
    void leavesLibrariesOutUnlessAskedAndTheJdkAlways() {
        assertThat(ClassTiers.forMainClass(APP + "GameMain").of(String.class)).isEqualTo(ClassTiers.Tier.NEVER);
        assertThat(ClassTiers.forMainClass(APP + "GameMain").of(io.netty.channel.Channel.class))
                .isEqualTo(ClassTiers.Tier.LIBRARY);
        assertThat(ClassTiers.forMainClass(APP + "GameMain").of(FakeSession.class)).isEqualTo(ClassTiers.Tier.MAIN);
        assertThat(ClassTiers.forMainClass("com.other.Main").of(FakeSession.class)).isEqualTo(ClassTiers.Tier.OWN);
    }

    @Test
    void findsTheConnectionOfADeclaredInterfaceInItsLoadedImplementation() {
        ClassTiers tiers = ClassTiers.forMainClass(APP + "GameMain");
        List<Candidate> withImplementation = new CandidateScan(tiers, false)
                .scan(new Class<?>[] {SocketLobby.class, PlayerSocket.class, PlayerSocketImpl.class});
        assertThat(withImplementation).extracting(Candidate::line).containsExactly(
                "hook.bind=" + APP + "SocketLobby#login/2 session=arg0 uid=arg1",
                "hook.unbind=" + APP + "SocketLobby#logout/1 session=arg0");
        assertThat(withImplementation.get(0).reasons()).contains("arg0 (PlayerSocket) is at run time a PlayerSocketImpl,"
                + " which holds its connection in field 'context' (ChannelHandlerContext)");
        // nothing loaded implements it with a connection: no session, so no candidate
        assertThat(new CandidateScan(tiers, false).scan(new Class<?>[] {SocketLobby.class, PlayerSocket.class})).isEmpty();
    }

    private List<String> lines(HookRole role) {
        return found.stream().filter(c -> c.role() == role).map(Candidate::line).collect(Collectors.toList());
    }
}
