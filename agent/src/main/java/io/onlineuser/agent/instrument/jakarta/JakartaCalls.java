package io.onlineuser.agent.instrument.jakarta;

import io.onlineuser.agent.instrument.BridgeCall;
import io.onlineuser.agent.instrument.BridgeCall.Event;
import io.onlineuser.agent.instrument.bytecode.AddedCall;
import io.onlineuser.agent.instrument.bytecode.AddedCall.Placement;
import java.util.List;

/**
 * Where Jakarta WebSocket sessions are counted, in the containers' own classes:
 * <ul>
 * <li>Tomcat: a session counts from the end of {@code WsSession}'s server-side constructor (the
 * upgrade is done, before the endpoint's {@code onOpen}) to the end of its {@code closeConnection}
 * (after the endpoint's {@code onClose}; the one place that unregisters the session). Client
 * sessions are made by the other constructor and never count.</li>
 * <li>Jetty (ee10): from the end of {@code JakartaWebSocketSession}'s constructor (before
 * {@code onOpen}; client and server sessions alike, {@link JakartaSessions} keeps the server's)
 * to the end of the container's {@code SessionTracker.onJakartaWebSocketSessionClosed} (after
 * {@code onClose}).</li>
 * </ul>
 * Plain HTTP requests never reach these classes. An endpoint's deployment is reported as the
 * container listening: its port is learnt from its first session.
 */
public final class JakartaCalls {

    static final String TOMCAT_SESSION = "org.apache.tomcat.websocket.WsSession";
    static final String JETTY_SESSION = "org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketSession";

    private static final String TOMCAT_CONTAINER = "org.apache.tomcat.websocket.server.WsServerContainer";
    private static final String JETTY_CONTAINER = "org.eclipse.jetty.ee10.websocket.jakarta.server.JakartaWebSocketServerContainer";
    private static final String JETTY_TRACKER = "org.eclipse.jetty.ee10.websocket.jakarta.common.SessionTracker";
    private static final String CONFIG_ARG = "(Ljakarta/websocket/server/ServerEndpointConfig;";
    private static final String TOMCAT_SERVER_SESSION_ARGS = "(Lorg/apache/tomcat/websocket/WsRemoteEndpointImplBase;";

    private JakartaCalls() {
    }

    /** The containers' session classes, by name. */
    public static List<String> sessionClasses() {
        return List.of(TOMCAT_SESSION, JETTY_SESSION);
    }

    public static List<AddedCall> all() {
        String transport = JakartaSessions.TRANSPORT;
        return List.of(
                BridgeCall.onThis(transport, TOMCAT_CONTAINER, "addEndpoint", CONFIG_ARG + "Z)", Placement.EXIT,
                        Event.LISTENING),
                BridgeCall.onConnection(transport, TOMCAT_SESSION, "<init>", TOMCAT_SERVER_SESSION_ARGS,
                        Placement.EXIT, Event.OPENED),
                BridgeCall.onConnection(transport, TOMCAT_SESSION, "closeConnection", "()", Placement.EXIT_ALWAYS,
                        Event.CLOSED),
                BridgeCall.onThis(transport, JETTY_CONTAINER, "addEndpointMapping", CONFIG_ARG, Placement.EXIT,
                        Event.LISTENING),
                BridgeCall.onConnection(transport, JETTY_SESSION, "<init>", "(", Placement.EXIT, Event.OPENED),
                BridgeCall.onThis(transport, JETTY_TRACKER, "onJakartaWebSocketSessionClosed",
                        "(L" + JETTY_SESSION.replace('.', '/') + ';', Placement.EXIT_ALWAYS, Event.CLOSED));
    }
}
