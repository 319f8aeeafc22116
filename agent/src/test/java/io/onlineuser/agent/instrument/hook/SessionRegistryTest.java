package io.onlineuser.agent.instrument.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.embedded.EmbeddedChannel;
import io.onlineuser.agent.instrument.netty.ConnectionKeys;
import io.onlineuser.agent.track.OnlineTracker;
import io.onlineuser.testapp.FakeSession;
import io.onlineuser.testapp.FakeSessionService;
import io.onlineuser.testapp.SessionDirectory;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionRegistryTest {

    private static final String DIRECTORY = SessionDirectory.class.getName();

    private final OnlineTracker tracker = new OnlineTracker(System::currentTimeMillis);
    private final SessionKeys keys = new SessionKeys(new ConnectionKeys(tracker));

    @AfterEach
    void clear() {
        SessionDirectory.SESSIONS.clear();
    }

    @Test
    void countsTheEntriesWithAUidAndSkipsClosedConnections() throws Exception {
        FakeSession in = session("u1", new EmbeddedChannel());
        FakeSession notLoggedIn = session(null, new EmbeddedChannel());
        EmbeddedChannel closed = new EmbeddedChannel();
        FakeSession gone = session("u3", closed);
        closed.close();
        SessionDirectory.SESSIONS.put(1L, in);
        SessionDirectory.SESSIONS.put(2L, notLoggedIn);
        SessionDirectory.SESSIONS.put(3L, gone);

        int counted = SessionRegistry.parse(DIRECTORY + "#SESSIONS uid=entry.uid()")
                .countInto(tracker, keys, List.of(SessionDirectory.class));

        assertThat(counted).isEqualTo(1);
        assertThat(tracker.isOnline("u1")).isTrue();
        // the application's later unbind of the same session object ends it
        tracker.sessionUnbound(keys.keyOf(in, "test"));
        assertThat(tracker.loginedCount()).isZero();
    }

    @Test
    void aRegistryThatCannotBeReadSaysWhy() {
        assertThatThrownBy(() -> SessionRegistry.parse("com.example.Sessions#INSTANCE uid=entry.uid()")
                .countInto(tracker, keys, List.of(SessionDirectory.class)))
                .isInstanceOf(PathException.class).hasMessage("class com.example.Sessions is not loaded");
        assertThatThrownBy(() -> SessionRegistry.parse(DIRECTORY + "#ALL uid=entry.uid()")
                .countInto(tracker, keys, List.of(SessionDirectory.class)))
                .isInstanceOf(PathException.class).hasMessage(DIRECTORY + " has no static field ALL");
        assertThatThrownBy(() -> SessionRegistry.parse(DIRECTORY + "#SESSIONS.size() uid=entry.uid()")
                .countInto(tracker, keys, List.of(SessionDirectory.class)))
                .isInstanceOf(PathException.class)
                .hasMessage(DIRECTORY + "#SESSIONS.size() gave java.lang.Integer, not a Map, Collection or array");
    }

    @Test
    void aDescriptionThatCannotBeUsedSaysHowToWriteIt() {
        assertThatThrownBy(() -> SessionRegistry.parse(DIRECTORY + "#SESSIONS"))
                .isInstanceOf(HookFormatException.class)
                .hasMessageStartingWith("sessions.registry='" + DIRECTORY + "#SESSIONS': 'uid=' is missing; e.g. '");
        assertThatThrownBy(() -> SessionRegistry.parse(DIRECTORY + " uid=entry.uid()"))
                .hasMessageContaining("is not Type#member");
        assertThatThrownBy(() -> SessionRegistry.parse(DIRECTORY + "#SESSIONS uid=arg0.uid()"))
                .hasMessageContaining("'arg0.uid()' must start with entry");
    }

    private static FakeSession session(String uid, EmbeddedChannel channel) {
        FakeSession session = new FakeSession(channel);
        if (uid != null) {
            new FakeSessionService().bind(session, uid);
        }
        return session;
    }
}
