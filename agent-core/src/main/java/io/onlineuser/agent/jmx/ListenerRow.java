package io.onlineuser.agent.jmx;

/** One listener of the connector: a listening port, or a WebSocket endpoint path on one. */
public interface ListenerRow {
    /** {@code ip:port} it listens on. */
    String getAddress();

    String getServerChannelClass();

    /** {@code netty}, {@code mina}, {@code java-websocket}, {@code jakarta-websocket} or {@code netty-relocated}. */
    String getTransport();

    /** The WebSocket endpoint path of a Jakarta WebSocket endpoint, else empty. */
    String getPath();

    /** Whether its connections count in ConnectionStats (agent option {@code listen.ports}). */
    boolean isCounted();

    int getOpenConnections();

    long getAcceptedTotal();
}
