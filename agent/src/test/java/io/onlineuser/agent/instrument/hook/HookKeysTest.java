package io.onlineuser.agent.instrument.hook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HookKeysTest {

    @Test
    void aMistypedHookKeyIsReportedWithTheKeyMeant() {
        assertThat(HookKeys.unknown(List.of("serverId", "hook.bind", "hook.bnid", "hook.unbind", "hook.login")))
                .containsExactly("unknown option 'hook.bnid' (did you mean 'hook.bind'?); ignored",
                        "unknown option 'hook.login'; ignored");
    }
}
