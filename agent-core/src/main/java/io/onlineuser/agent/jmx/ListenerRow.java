package io.onlineuser.agent.jmx;

/** One listener (Netty server channel) of the connector. */
public interface ListenerRow {
    /** {@code ip:port} it listens on. */
    String getAddress();

    String getServerChannelClass();

    /** Whether its connections count in ConnectionStats (agent option {@code netty.ports}). */
    boolean isCounted();

    int getOpenConnections();

    long getAcceptedTotal();
}
