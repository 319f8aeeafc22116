package io.onlineuser.agent.instrument.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HookParserTest {

    @Test
    void readsTheSampleServerBindHook() {
        HookSpec spec = HookParser.parse(HookRole.BIND,
                "io.onlineuser.sample.session.SessionService#bind/2 session=arg0 uid=arg1");

        assertThat(spec.typeName()).isEqualTo("io.onlineuser.sample.session.SessionService");
        assertThat(spec.includeSubtypes()).isFalse();
        assertThat(spec.methodName()).isEqualTo("bind");
        assertThat(spec.arity()).isEqualTo(2);
        assertThat(spec.session().root()).isEqualTo(ValueRef.argument(0));
        assertThat(spec.session()).hasToString("arg0");
        assertThat(spec.uid().root()).isEqualTo(ValueRef.argument(1));
        assertThat(spec.uid()).hasToString("arg1");
        assertThat(spec.reason()).isNull();
    }

    @Test
    void readsSubtypesThisAndAUidPath() {
        HookSpec spec = HookParser.parse(HookRole.BIND, "  com.game.AbstractSession+#login/0   session=this uid=this.user.getId()  ");

        assertThat(spec.includeSubtypes()).isTrue();
        assertThat(spec.typeName()).isEqualTo("com.game.AbstractSession");
        assertThat(spec.arity()).isZero();
        assertThat(spec.session().root().isThis()).isTrue();
        assertThat(spec.uid()).hasToString("this.user.getId()");
    }

    @Test
    void readsNestedClassNames() {
        HookSpec spec = HookParser.parse(HookRole.UNBIND, "com.game.Server$Sessions#remove/1 session=arg0");

        assertThat(spec.typeName()).isEqualTo("com.game.Server$Sessions");
        assertThat(spec.uid()).isNull();
    }

    @Test
    void readsAKickHookWithAndWithoutReason() {
        HookSpec withReason = HookParser.parse(HookRole.KICK, "a.SessionService#kick/2 session=arg0 reason=arg1");
        HookSpec closeOnly = HookParser.parse(HookRole.KICK, "a.Session#close/0 session=this");

        assertThat(withReason.reason()).isEqualTo(ValueRef.argument(1));
        assertThat(closeOnly.reason()).isNull();
        assertThat(closeOnly.target()).isEqualTo("a.Session#close/0");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "BIND   | ''                                                   | the description is empty",
        "BIND   | a.B.bind/2 session=arg0 uid=arg1                     | 'a.B.bind/2' has no '#' between class and method",
        "BIND   | #bind/2 session=arg0 uid=arg1                        | '' is not a fully qualified Java class name",
        "BIND   | 1a.B#bind/2 session=arg0 uid=arg1                    | '1a.B' is not a fully qualified Java class name",
        "BIND   | a..B#bind/2 session=arg0 uid=arg1                    | 'a..B' is not a fully qualified Java class name",
        "BIND   | a.B#bind session=arg0 uid=arg1                       | 'bind' has no '/arity'",
        "BIND   | a.B#/2 session=arg0 uid=arg1                         | '' is not a Java method name",
        "BIND   | a.B#bind/two session=arg0 uid=arg1                   | arity 'two' is not a number of parameters 0-255",
        "BIND   | a.B#bind/-1 session=arg0 uid=arg1                    | arity '-1' is not a number of parameters 0-255",
        "BIND   | a.B#bind/300 session=arg0 uid=arg1                   | arity '300' is not a number of parameters 0-255",
        "BIND   | a.B#bind/2 sesion=arg0 uid=arg1                      | unknown key 'sesion' (did you mean 'session'?)",
        "BIND   | a.B#bind/2 session=arg0 user=arg1                    | unknown key 'user'",
        "BIND   | a.B#bind/2 session arg0 uid=arg1                     | 'session' is not key=value (keys: session, uid)",
        "BIND   | a.B#bind/2 session= uid=arg1                         | 'session=' is not key=value",
        "BIND   | a.B#bind/2 uid=arg1                                  | 'session=' is missing",
        "BIND   | a.B#bind/2 session=arg0                              | 'uid=' is missing",
        "BIND   | a.B#bind/2 session=arg0 uid=arg1 uid=arg0            | key 'uid' is given twice",
        "BIND   | a.B#bind/2 session=arg2 uid=arg1                     | session='arg2' is out of range: the method takes 2 parameter(s), arg0..arg1",
        "BIND   | a.B#bind/0 session=this uid=arg0                     | uid='arg0' is out of range: the method takes 0 parameter(s)",
        "BIND   | a.B#bind/2 session=args0 uid=arg1                    | session='args0' must start with this or argN",
        "BIND   | a.B#bind/2 session=arg0..channel uid=arg1            | session='arg0..channel': step '' is not a field name",
        "KICK   | a.B#kick/2 session=arg0.channel reason=arg1          | session='arg0.channel' must be this or argN, not a path",
        "BIND   | a.B#bind/2 session=arg0 uid=arg0..id                 | uid='arg0..id': step '' is not a field name",
        "BIND   | a.B#bind/2 session=arg0 uid=arg0.                    | uid='arg0.': step '' is not a field name",
        "BIND   | a.B#bind/2 session=arg0 uid=arg0.get(x)              | step 'get(x)' is not a field name or a no-argument method call",
        "BIND   | a.B#bind/2 session=arg0 uid=arg1 reason=arg1         | 'reason' is not used by hook.bind (keys: session, uid)",
        "UNBIND | a.B#unbind/1 session=arg0 uid=arg0                   | 'uid' is not used by hook.unbind (keys: session)",
        "KICK   | a.B#kick/2 session=arg0 reason=arg1.text             | reason='arg1.text' must be this or argN, not a path",
    })
    void rejectsBadDescriptionsWithAMessageThatSaysWhy(HookRole role, String text, String expected) {
        assertThatThrownBy(() -> HookParser.parse(role, text))
                .isInstanceOf(HookFormatException.class)
                .hasMessageStartingWith(role.optionKey() + "='" + text + "': ")
                .hasMessageContaining(expected)
                .hasMessageEndingWith("; e.g. '" + HookParser.example(role) + "'");
    }
}
