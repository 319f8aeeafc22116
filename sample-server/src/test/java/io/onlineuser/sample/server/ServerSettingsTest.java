package io.onlineuser.sample.server;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerSettingsTest {
    private static ServerSettings settings(String id, int port, int heartbeat, int maxBody) {
        return new ServerSettings(id, "127.0.0.1", port, DuplicateLoginPolicy.REJECT, heartbeat, maxBody);
    }

    @Test
    void badValuesAreRefusedWithTheirName() {
        assertThatThrownBy(() -> settings(" ", 0, 10, 100)).hasMessageContaining("server id");
        assertThatThrownBy(() -> settings("c", 65536, 10, 100)).hasMessageContaining("port must be 0..65535, got 65536");
        assertThatThrownBy(() -> settings("c", -1, 10, 100)).hasMessageContaining("port");
        assertThatThrownBy(() -> settings("c", 0, -1, 100)).hasMessageContaining("heartbeat must be >= 0");
        assertThatThrownBy(() -> settings("c", 0, 10, 0)).hasMessageContaining("max package body");
    }
}
