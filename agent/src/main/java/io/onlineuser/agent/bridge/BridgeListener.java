package io.onlineuser.agent.bridge;

import java.net.SocketAddress;

/**
 * What the agent does with the events the advice reports. Implemented by the agent (system class
 * loader); declared here, on the bootstrap class path, so that advice inlined into classes of any
 * class loader reaches it. JDK types only: the bootstrap loader cannot see Netty or the application.
 */
public interface BridgeListener {

    /** A channel became active; {@code parent} is its parent channel (null for clients and servers). */
    void channelActive(Object channel, Object parent, SocketAddress remoteAddress);

    /** A channel became inactive (possibly never active: closed before activation). */
    void channelInactive(Object channel, Object parent);

    /**
     * A server of another transport than Netty listens now.
     *
     * @param transport the transport's name, e.g. {@code mina}
     * @param server    that transport's server object (an acceptor, a WebSocket server)
     */
    void serverListening(String transport, Object server);

    /** A connection of {@code transport} opened on {@code server} (accepted or, for some, outbound). */
    void connectionOpened(String transport, Object server, Object connection);

    /** A connection of {@code transport} closed (possibly one never reported open). */
    void connectionClosed(String transport, Object server, Object connection);

    /**
     * A configured session hook method returned normally.
     *
     * @param hookId    which hook (index the agent chose when it installed the advice)
     * @param self      {@code this} of the hooked method, null for a static method
     * @param session   the object configured as the session
     * @param uidSource the object the uid path starts from (null when the hook has no uid)
     */
    void hookReturned(int hookId, Object self, Object session, Object uidSource);
}
