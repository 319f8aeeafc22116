package io.onlineuser.agent.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import io.onlineuser.agent.instrument.hook.HookRole;
import java.time.Duration;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MethodNamesTest {

    @Test
    void readsLoginsLogoutsAndKicksFromTheWordsOfAName() {
        assertThat(MethodNames.score(HookRole.BIND, "onUserLogIn")).isPositive();
        assertThat(MethodNames.score(HookRole.BIND, "settingUserId")).isPositive();
        assertThat(MethodNames.score(HookRole.BIND, "enter")).isPositive();
        assertThat(MethodNames.score(HookRole.UNBIND, "logOut")).isPositive();
        assertThat(MethodNames.score(HookRole.UNBIND, "unbind")).isPositive();
        assertThat(MethodNames.score(HookRole.KICK, "kickPlayer")).isPositive();
        assertThat(MethodNames.words("onUserLogIn")).containsExactly("on", "user", "log", "in");
        assertThat(MethodNames.words("HTTPLogin")).containsExactly("http", "login");
    }

    @Test
    void leavesOutQueriesFailuresAndNamesOfAnotherRole() {
        assertThat(MethodNames.score(HookRole.BIND, "getLogin")).isZero();
        assertThat(MethodNames.score(HookRole.BIND, "isOnline")).isZero();
        assertThat(MethodNames.score(HookRole.BIND, "loginFailed")).isZero();
        assertThat(MethodNames.score(HookRole.BIND, "unbind")).isZero();
        assertThat(MethodNames.score(HookRole.UNBIND, "bind")).isZero();
        assertThat(MethodNames.score(HookRole.BIND, "close")).isZero();
        assertThat(MethodNames.score(HookRole.UNBIND, "sessionClosed")).isZero();
    }

    @Test
    void watchDurationsAreBoundedAndTheRequestSurvivesTheAgentArgument() {
        assertThat(SuggestCommand.duration("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(SuggestCommand.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(SuggestCommand.duration("5")).isEqualTo(Duration.ofSeconds(5));
        assertThat(SuggestCommand.duration("500ms")).isNull();
        assertThat(SuggestCommand.duration("11m")).isNull();
        assertThat(SuggestCommand.duration("soon")).isNull();
        SuggestRequest request = SuggestRequest.parse(
                new SuggestRequest(Path.of("/tmp/a dir;b,c"), Duration.ofSeconds(5), true).toAgentArgs());
        assertThat(request.answerDir).isEqualTo(Path.of("/tmp/a dir;b,c"));
        assertThat(request.watch).isEqualTo(Duration.ofSeconds(5));
        assertThat(request.all).isTrue();
        assertThat(SuggestRequest.parse("suggest;dir=/x;watchMillis=99999999").watch).isEqualTo(SuggestRequest.MAX_WATCH);
    }
}
