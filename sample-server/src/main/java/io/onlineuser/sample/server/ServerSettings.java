package io.onlineuser.sample.server;

import java.util.Objects;

/**
 * Everything a sample-server needs to start, checked once.
 *
 * @param heartbeatSeconds interval announced in the handshake; a client silent for two intervals
 *                         is closed; 0 turns heartbeats (and the silence check) off
 */
public record ServerSettings(String serverId, String host, int port, DuplicateLoginPolicy duplicatePolicy,
                             int heartbeatSeconds, int maxPackageBody) {
    public ServerSettings {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(duplicatePolicy, "duplicatePolicy");
        if (serverId.isBlank()) {
            throw new IllegalArgumentException("server id must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (heartbeatSeconds < 0) {
            throw new IllegalArgumentException("heartbeat must be >= 0 seconds, got " + heartbeatSeconds);
        }
        if (maxPackageBody < 1) {
            throw new IllegalArgumentException("max package body must be positive, got " + maxPackageBody);
        }
    }
}
