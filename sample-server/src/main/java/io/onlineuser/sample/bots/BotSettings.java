package io.onlineuser.sample.bots;

import java.util.List;
import java.util.Objects;

/**
 * What the bots do. Bot n (0-based) logs in as {@code uidPrefix + n} when n &lt; logins.
 *
 * @param ratePerSecond new connections a second while opening; 0 = all at once
 * @param churn         loop connect, handshake, login, chat, logout, close instead of holding
 * @param chatIntervalMillis logged-in bots chat to themselves this often; 0 = never (churn always chats once)
 * @param sourceAddresses local addresses to connect from, round robin (more ephemeral ports); empty = any.
 *                        For holding many connections: each connect then binds first, and bind()'s
 *                        search for a free port slows down as TIME_WAIT ports pile up, so a fast
 *                        churn stalls for a minute after a while. Churn without them: connect()
 *                        reuses the loopback TIME_WAIT ports itself.
 */
public record BotSettings(String host, int port, int connections, int logins, int ratePerSecond, boolean churn,
                          long chatIntervalMillis, String uidPrefix, boolean webSocket, List<String> sourceAddresses) {
    public BotSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(uidPrefix, "uidPrefix");
        sourceAddresses = List.copyOf(sourceAddresses);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--port must be 1..65535, got " + port);
        }
        if (connections < 0) {
            throw new IllegalArgumentException("--connections must be >= 0, got " + connections);
        }
        if (logins < 0 || logins > connections) {
            throw new IllegalArgumentException("--logins must be 0.." + connections + " (the connections), got " + logins);
        }
        if (ratePerSecond < 0) {
            throw new IllegalArgumentException("--rate must be >= 0, got " + ratePerSecond);
        }
        if (chatIntervalMillis < 0) {
            throw new IllegalArgumentException("--chat-interval must be >= 0 ms, got " + chatIntervalMillis);
        }
    }
}
