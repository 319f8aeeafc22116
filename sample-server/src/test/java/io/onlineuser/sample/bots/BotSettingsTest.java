package io.onlineuser.sample.bots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BotSettingsTest {
    private static BotSettings settings(int port, int connections, int logins, int rate, long chatInterval) {
        return new BotSettings("127.0.0.1", port, connections, logins, rate, false, chatInterval, "bot-", false, List.of());
    }

    @Test
    void badValuesAreRefusedWithTheOptionName() {
        assertThatThrownBy(() -> settings(0, 1, 0, 0, 0)).hasMessageContaining("--port must be 1..65535, got 0");
        assertThatThrownBy(() -> settings(3010, -1, 0, 0, 0)).hasMessageContaining("--connections");
        assertThatThrownBy(() -> settings(3010, 5, 6, 0, 0)).hasMessageContaining("--logins must be 0..5");
        assertThatThrownBy(() -> settings(3010, 5, 5, -1, 0)).hasMessageContaining("--rate");
        assertThatThrownBy(() -> settings(3010, 5, 5, 0, -1)).hasMessageContaining("--chat-interval");
    }

    @Test
    void sourceAddressesAreCopied() {
        List<String> sources = new ArrayList<>(List.of("127.0.0.2"));
        BotSettings settings = new BotSettings("h", 1, 1, 0, 0, false, 0, "p", false, sources);
        sources.add("127.0.0.3");

        assertThat(settings.sourceAddresses()).containsExactly("127.0.0.2");
    }
}
