package io.onlineuser.sample.bots;

import java.util.List;
import java.util.Objects;

/**
 * What the bots do. Bot n (0-based) logs in as {@code uidPrefix + n} when n &lt; logins.
 *
 * @param ratePerSecond new connections a second while opening; 0 = all at once
 * @param churn         loop connect, handshake, login, chat, logout, close instead of holding
 * @param chatIntervalMillis logged-in bots chat to themselves this often; 0 = never (churn always chats once)
 * @param sourceAddresses local addresses to connect from, bot n from address n modulo their number
 *                        (more ephemeral ports); empty = any. Each connect then binds first, and
 *                        bind()'s search for a free port gets slow once about half of an address's
 *                        ports are in TIME_WAIT (a closed connection's port stays so for 60 s): a
 *                        fast churn needs many addresses, e.g. one per bot.
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
