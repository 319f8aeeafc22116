package io.onlineuser.agent.instrument.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ObjectPathTest {

    static class User {
        private final long id;

        User(long id) {
            this.id = id;
        }

        private String name() {
            return "user-" + id;
        }
    }

    static class BaseSession {
        private final User user;

        BaseSession(User user) {
            this.user = user;
        }
    }

    static final class GameSession extends BaseSession {
        GameSession(User user) {
            super(user);
        }

        public String uid() {
            return "u42";
        }

        public User broken() {
            throw new IllegalStateException("not logged in");
        }
    }

    private static Object resolve(String path, Object root) throws PathException {
        HookSpec spec = HookParser.parse(HookRole.BIND, "a.B#bind/1 session=arg0 uid=" + path);
        return spec.uid().resolve(root);
    }

    @Test
    void anArgumentItselfIsTheUid() throws PathException {
        assertThat(resolve("arg0", "u1")).isEqualTo("u1");
    }

    @Test
    void followsAPublicGetter() throws PathException {
        assertThat(resolve("arg0.uid()", new GameSession(new User(7)))).isEqualTo("u42");
    }

    @Test
    void followsPrivateFieldsOfSuperclassesAndPrivateGetters() throws PathException {
        GameSession session = new GameSession(new User(7));

        assertThat(resolve("arg0.user.id", session)).isEqualTo(7L);
        assertThat(resolve("arg0.user.name()", session)).isEqualTo("user-7");
    }

    @Test
    void aMissingMemberSaysWhichClassLacksIt() {
        assertThatThrownBy(() -> resolve("arg0.account", new GameSession(new User(7))))
                .isInstanceOf(PathException.class)
                .hasMessage(GameSession.class.getName() + " has no field account");
        assertThatThrownBy(() -> resolve("arg0.userId()", new GameSession(new User(7))))
                .hasMessage(GameSession.class.getName() + " has no method userId()");
    }

    @Test
    void aNullOnTheWayAndAThrowingGetterAreReported() {
        assertThatThrownBy(() -> resolve("arg0.user.id", new GameSession(null)))
                .isInstanceOf(PathException.class)
                .hasMessage("'id' was applied to null");
        assertThatThrownBy(() -> resolve("arg0.broken().id", new GameSession(null)))
                .hasMessage("broken() threw java.lang.IllegalStateException: not logged in");
    }

    @Test
    void worksForEverySessionClassSeparately() throws PathException {
        Object other = new Object() {
            @SuppressWarnings("unused")
            private final String user = "anonymous-class-user";
        };

        assertThat(resolve("arg0.user", other)).isEqualTo("anonymous-class-user");
        assertThat(resolve("arg0.user", new BaseSession(new User(1)))).isInstanceOf(User.class);
    }
}
