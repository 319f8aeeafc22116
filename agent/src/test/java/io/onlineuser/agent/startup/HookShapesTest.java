package io.onlineuser.agent.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.DefaultChannelId;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.onlineuser.agent.bridge.OnlineUserBridge;
import io.onlineuser.agent.instrument.HookCallCounts;
import io.onlineuser.agent.instrument.TrackerEvents;
import io.onlineuser.agent.instrument.bytecode.ExactTypeTransformer;
import io.onlineuser.agent.instrument.hook.SessionHooks;
import io.onlineuser.agent.status.HookState;
import io.onlineuser.agent.track.OnlineTracker;
import io.onlineuser.agent.track.SessionView;
import io.onlineuser.testapp.ArenaLoginService;
import io.onlineuser.testapp.BaseLoginService;
import io.onlineuser.testapp.ChannelIdHolder;
import io.onlineuser.testapp.FakeSession;
import io.onlineuser.testapp.PlayerSession;
import io.onlineuser.testapp.RobotSession;
import io.onlineuser.testapp.UserChannels;
import java.lang.instrument.Instrumentation;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hooks on the shapes real frameworks have: a named class that inherits the method or
 * declares only a compiler bridge for it, and sessions named by their connection (a channel, or a
 * channel id's text). In this JVM, with the classes retransformed as after a late attach.
 */
class HookShapesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Instrumentation instrumentation = ByteBuddyAgent.install();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final OnlineTracker tracker = new OnlineTracker(System::currentTimeMillis);
    private SessionHooks hooks;
    private TrackerEvents events;
    private ExactTypeTransformer transformer;

    private void install(String bind, String unbind) {
        hooks = SessionHooks.configure(tracker, bind, unbind, null, problems::add);
        events = new TrackerEvents(tracker, hooks.calls(), NettyCallsTest.allListeners(), new HookCallCounts(2),
                hooks.connectionKeys(), () -> { });
        OnlineUserBridge.setListener(events);
        transformer = new ExactTypeTransformer(hooks.weaving().exactCalls(), ForkJoinPool.commonPool());
        transformer.install(instrumentation, true);
    }

    /** Classes loaded before the install get their hooks by a retransformation on the agent's thread. */
    private void awaitInstalled() {
        await().atMost(WAIT).until(() -> hooks.statuses().stream().allMatch(h -> HookState.INSTALLED.equals(h.state())));
    }

    @AfterEach
    void uninstall() throws Exception {
        OnlineUserBridge.setListener(null);
        if (transformer != null) {
            instrumentation.removeTransformer(transformer);
            instrumentation.retransformClasses(PlayerSession.class, PlayerSession.class.getSuperclass(),
                    ArenaLoginService.class, BaseLoginService.class, UserChannels.class);
        }
    }

    @Test
    void aHookOnAClassWithOnlyABridgeCountsTheMethodThatRunsForThatClassOnly() {
        new PlayerSession(null).setUserId("loaded before the install");
        install(PlayerSession.class.getName() + "#setUserId/1 session=this uid=arg0", null);
        awaitInstalled();
        EmbeddedChannel channel = new EmbeddedChannel();

        new PlayerSession(channel).setUserId("u1");
        new RobotSession(new EmbeddedChannel()).setUserId("robot-1");

        assertThat(tracker.isOnline("u1")).isTrue();
        assertThat(tracker.sessionsOf("u1")).extracting(SessionView::address).containsExactly("embedded");
        assertThat(tracker.isOnline("robot-1")).isFalse();
        assertThat(hooks.statuses().get(0).matchedMethods()).isEqualTo(1);
        tracker.connectionInactive(channel);
        assertThat(tracker.loginedCount()).isZero();
        assertThat(problems).isEmpty();
    }

    @Test
    void aHookOnAClassThatInheritsTheMethodCountsIt() {
        install(ArenaLoginService.class.getName() + "#login/2 session=arg0 uid=arg1",
                ArenaLoginService.class.getName() + "#logout/1 session=arg0");
        awaitInstalled();
        ArenaLoginService service = new ArenaLoginService();
        FakeSession session = new FakeSession(new EmbeddedChannel());

        service.login(session, "u2");
        new BaseLoginService().login(new FakeSession(new EmbeddedChannel()), "not-arena");
        assertThat(tracker.isOnline("u2")).isTrue();
        assertThat(tracker.isOnline("not-arena")).isFalse();
        service.logout(session);
        assertThat(tracker.isOnline("u2")).isFalse();
        assertThat(problems).isEmpty();
    }

    @Test
    void aSessionNamedByItsChannelIdTextIsKeyedByThatConnection() {
        // Netty's default ids, as accepted channels have (an EmbeddedChannel's own id is "embedded")
        EmbeddedChannel before = new EmbeddedChannel(DefaultChannelId.newInstance());
        tracker.connectionActive(before, "10.0.0.1:5001");
        install(UserChannels.class.getName() + "#settingUserId/2 session=arg0.channelId uid=arg1",
                UserChannels.class.getName() + "#removeUser/1 session=arg0");
        awaitInstalled();
        UserChannels users = new UserChannels();

        // opened before the first lookup: found by the long form of its id
        users.settingUserId(new ChannelIdHolder(before.id().asLongText()), "u3");
        // opened after: found by the short form, through the index the open keeps
        EmbeddedChannel after = new EmbeddedChannel(DefaultChannelId.newInstance());
        events.channelActive(after, new NioServerSocketChannel(), new InetSocketAddress("10.0.0.2", 5002));
        users.settingUserId(new ChannelIdHolder(after.id().asShortText()), "u4");

        assertThat(tracker.loginedCount()).isEqualTo(2);
        assertThat(tracker.sessionsOf("u4")).extracting(SessionView::address).containsExactly("10.0.0.2:5002");
        users.removeUser(before.id().asShortText());
        assertThat(tracker.isOnline("u3")).isFalse();
        events.channelInactive(after, new NioServerSocketChannel());
        assertThat(tracker.isOnline("u4")).isFalse();
        assertThat(problems).isEmpty();

        users.settingUserId(new ChannelIdHolder("0123abcd"), "u5");
        assertThat(tracker.isOnline("u5")).isFalse();
        assertThat(problems).containsExactly("hook.bind: session=arg0.channelId gave '0123abcd', which names no open"
                + " accepted connection; such logins are not counted (reported once)");
        assertThat(hooks.statuses().get(0).lastError()).isEqualTo(problems.get(0));
    }

    @Test
    void aSessionNamedByItsRemoteAddressIsKeyedByThatConnection() {
        EmbeddedChannel before = new EmbeddedChannel(DefaultChannelId.newInstance());
        tracker.connectionActive(before, "10.0.0.3:5003");
        install(UserChannels.class.getName() + "#bindConnection/2 session=arg0 uid=arg1",
                UserChannels.class.getName() + "#removeUser/1 session=arg0");
        awaitInstalled();

        new UserChannels().bindConnection(new InetSocketAddress("10.0.0.3", 5003), "u9");

        assertThat(tracker.sessionsOf("u9")).extracting(SessionView::address).containsExactly("10.0.0.3:5003");
        tracker.connectionInactive(before);
        assertThat(tracker.isOnline("u9")).isFalse();
        assertThat(problems).isEmpty();
    }

    @Test
    void aSessionNamedByItsChannelIsKeyedByIt() {
        install(UserChannels.class.getName() + "#bindConnection/2 session=arg0 uid=arg1", null);
        awaitInstalled();
        EmbeddedChannel channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter());

        new UserChannels().bindConnection(channel, "u6");
        new UserChannels().bindConnection(channel.pipeline().firstContext(), "u6");

        assertThat(tracker.sessionCount()).isEqualTo(1);
        tracker.connectionInactive(channel);
        assertThat(tracker.isOnline("u6")).isFalse();
        assertThat(problems).isEmpty();
    }

    @Test
    void aSessionValueThatCannotStandForASessionIsReportedOnce() {
        install(UserChannels.class.getName() + "#bindNumber/2 session=arg0 uid=arg1", null);
        awaitInstalled();

        new UserChannels().bindNumber(42L, "u7");
        new UserChannels().bindNumber(43L, "u8");

        assertThat(tracker.loginedCount()).isZero();
        assertThat(problems).containsExactly("hook.bind: session=arg0 gave java.lang.Long '42', which cannot stand for"
                + " a session: it must be the application's session object, a connection (a Netty Channel or"
                + " ChannelHandlerContext, a MINA IoSession, a Java-WebSocket WebSocket, a jakarta.websocket.Session),"
                + " a Netty ChannelId, a channel id's text or the connection's remote address; such logins are not counted"
                + " (reported once)");
    }
}
