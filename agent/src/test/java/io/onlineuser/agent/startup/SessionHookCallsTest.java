package io.onlineuser.agent.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.embedded.EmbeddedChannel;
import io.onlineuser.agent.bridge.OnlineUserBridge;
import io.onlineuser.agent.instrument.HookCallCounts;
import io.onlineuser.agent.instrument.TrackerEvents;
import io.onlineuser.agent.instrument.bytecode.ExactTypeTransformer;
import io.onlineuser.agent.instrument.hook.SessionHooks;
import io.onlineuser.agent.track.OnlineTracker;
import io.onlineuser.agent.track.SessionView;
import io.onlineuser.testapp.FakeSession;
import io.onlineuser.testapp.FakeSessionService;
import io.onlineuser.testapp.GameLoginService;
import io.onlineuser.testapp.LoginService;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hook advice retransformed into already loaded application classes, in this JVM. */
class SessionHookCallsTest {

    private static final String SERVICE = FakeSessionService.class.getName();

    private final Instrumentation instrumentation = ByteBuddyAgent.install();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final OnlineTracker tracker = new OnlineTracker(System::currentTimeMillis);
    private ExactTypeTransformer exactTransformer;
    private ResettableClassFileTransformer subtypeTransformer;

    /** As the agent does after a late attach: the classes are loaded already and get retransformed. */
    private void install(String bind, String unbind, String kick) {
        SessionHooks hooks = SessionHooks.configure(tracker, bind, unbind, kick, problems::add);
        tracker.setKicker(hooks.kicker());
        OnlineUserBridge.setListener(new TrackerEvents(tracker, hooks.calls(), NettyCallsTest.allListeners(),
                new HookCallCounts(2), hooks.connectionKeys(), () -> { }));
        exactTransformer = new ExactTypeTransformer(hooks.weaving().exactCalls(), ForkJoinPool.commonPool());
        exactTransformer.install(instrumentation, true);
        if (hooks.weaving().hasSubtypeHooks()) {
            subtypeTransformer = hooks.weaving().applySubtypeHooks(SubtypeHookInstaller.builder(true), getClass().getClassLoader())
                    .installOn(instrumentation);
        }
    }

    private void installSampleLikeHooks() {
        install(SERVICE + "#bind/2 session=arg0 uid=arg1", SERVICE + "#unbind/1 session=arg0",
                SERVICE + "#kick/2 session=arg0 reason=arg1");
    }

    @AfterEach
    void uninstall() {
        OnlineUserBridge.setListener(null);
        if (exactTransformer != null) {
            instrumentation.removeTransformer(exactTransformer);
        }
        if (subtypeTransformer != null) {
            subtypeTransformer.reset(instrumentation, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
        }
    }

    @Test
    void countsALoginOnNormalReturnOnlyAndALogoutOnUnbind() {
        installSampleLikeHooks();
        FakeSessionService service = new FakeSessionService();
        FakeSession session = new FakeSession(new EmbeddedChannel());

        service.bind(session, "u1");
        assertThat(tracker.isOnline("u1")).isTrue();
        assertThat(tracker.sessionsOf("u1")).extracting(SessionView::address).containsExactly("embedded");

        assertThatThrownBy(() -> service.bind(new FakeSession(null), "rejected-1")).hasMessage("login refused");
        assertThat(tracker.isOnline("rejected-1")).isFalse();
        assertThat(tracker.loginedCount()).isEqualTo(1);

        service.unbind(session);
        assertThat(tracker.loginedCount()).isZero();
        assertThat(tracker.sessionCount()).isZero();
        assertThat(problems).isEmpty();
    }

    @Test
    void aUidWithTwoSessionsStaysOnlineUntilTheLastEnds() {
        installSampleLikeHooks();
        FakeSessionService service = new FakeSessionService();
        FakeSession first = new FakeSession(null);
        FakeSession second = new FakeSession(null);

        service.bind(first, "u1");
        service.bind(second, "u1");
        assertThat(tracker.loginedCount()).isEqualTo(1);
        assertThat(tracker.sessionCount()).isEqualTo(2);

        service.unbind(first);
        assertThat(tracker.isOnline("u1")).isTrue();
        service.unbind(second);
        assertThat(tracker.isOnline("u1")).isFalse();
    }

    @Test
    void kickCallsTheApplicationsOwnKickOnTheBindInstance() {
        installSampleLikeHooks();
        FakeSessionService service = new FakeSessionService();
        service.bind(new FakeSession(null), "u7");

        assertThat(tracker.kick("u7", "maintenance")).isEqualTo(1);

        assertThat(service.kickReasons).containsExactly("u7:maintenance");
        assertThat(tracker.kickTotal()).isEqualTo(1);
    }

    @Test
    void withoutAKickHookAKickClosesTheSessionsChannel() {
        install(SERVICE + "#bind/2 session=arg0 uid=arg1", null, null);
        EmbeddedChannel channel = new EmbeddedChannel();
        new FakeSessionService().bind(new FakeSession(channel), "u8");

        assertThat(tracker.kick("u8", "bye")).isEqualTo(1);

        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aUidPathThroughAGetterOfTheSessionWorks() {
        install(SERVICE + "#bind/2 session=arg0 uid=arg0.uid()", null, null);
        FakeSessionService service = new FakeSessionService();
        service.bind(new FakeSession(null), "u9");
        assertThat(tracker.isOnline("u9")).isTrue();
    }

    @Test
    void aPathThatCannotBeFollowedIsReportedOnceAndLosesNothingElse() {
        install(SERVICE + "#bind/2 session=arg0 uid=arg0.account.id", SERVICE + "#unbind/1 session=arg0", null);
        FakeSessionService service = new FakeSessionService();

        service.bind(new FakeSession(null), "u10");
        service.bind(new FakeSession(null), "u11");

        assertThat(tracker.loginedCount()).isZero();
        assertThat(problems).containsExactly("hook.bind: " + FakeSession.class.getName()
                + " has no field account; such logins are not counted (reported once)");
    }

    @Test
    void aBadDescriptionIsReportedAndTheOtherHooksStillWork() {
        install(SERVICE + "#bind/2 session=arg0 uid=arg1", SERVICE + "#unbind session=arg0", null);
        new FakeSessionService().bind(new FakeSession(new EmbeddedChannel()), "u12");

        assertThat(tracker.isOnline("u12")).isTrue();
        assertThat(problems).singleElement().asString()
                .startsWith("hook.unbind='" + SERVICE + "#unbind session=arg0': 'unbind' has no '/arity'")
                .endsWith("; hook skipped");
    }

    @Test
    void aMethodThatDoesNotExistIsReportedWhenItsClassIsSeen() {
        install(SERVICE + "#login/2 session=arg0 uid=arg1", null, null);

        assertThat(problems).containsExactly("hook.bind: " + SERVICE + " has no method login with 2 parameter(s); hook skipped");
    }

    @Test
    void aTypePlusHookCountsLoginsInEverySubclassThatDeclaresTheMethod() {
        install(LoginService.class.getName() + "+#login/2 session=arg0 uid=arg1",
                LoginService.class.getName() + "+#logout/1 session=arg0", null);
        GameLoginService service = new GameLoginService();
        FakeSession session = new FakeSession(new EmbeddedChannel());

        service.login(session, "u13");
        assertThat(tracker.isOnline("u13")).isTrue();
        service.logout(session);
        assertThat(tracker.isOnline("u13")).isFalse();
        assertThat(problems).isEmpty();
    }

    @Test
    void primitiveAndWideArgumentsReachTheHookBoxedFromTheRightSlots() {
        install(SERVICE + "#bindById/4 session=arg2 uid=arg1", SERVICE + "#unbindStatic/2 session=arg1", null);
        FakeSession session = new FakeSession(null);

        new FakeSessionService().bindById(2.5d, 42L, session, 7);
        assertThat(tracker.isOnline("42")).isTrue();
        FakeSessionService.unbindStatic(3L, session);
        assertThat(tracker.isOnline("42")).isFalse();
    }
}
