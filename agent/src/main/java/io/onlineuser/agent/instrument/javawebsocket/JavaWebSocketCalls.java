package io.onlineuser.agent.instrument.javawebsocket;

import io.onlineuser.agent.instrument.BridgeCall;
import io.onlineuser.agent.instrument.bytecode.AddedCall;
import io.onlineuser.agent.instrument.bytecode.AddedCall.Placement;
import java.util.List;

/**
 * Where Java-WebSocket connections are counted, in {@code WebSocketServer}'s own final methods:
 * the server listens once {@code doSetupSelectorAndServerThread} returns (bound, on its selector
 * thread); a connection counts from {@code onWebsocketOpen} (handshake done, before the
 * application's {@code onOpen}) to the end of {@code onWebsocketClose} (after its {@code onClose}).
 * A TCP connection whose handshake never completes is not a player and is not counted.
 */
public final class JavaWebSocketCalls {

    private static final String SOCKET_ARG = "(Lorg/java_websocket/WebSocket;";

    private JavaWebSocketCalls() {
    }

    public static List<AddedCall> all() {
        String server = JavaWebSockets.SERVER;
        String transport = JavaWebSockets.TRANSPORT;
        return List.of(
                BridgeCall.onThis(transport, server, "doSetupSelectorAndServerThread", "()", Placement.EXIT,
                        BridgeCall.Event.LISTENING),
                BridgeCall.onThis(transport, server, "onWebsocketOpen", SOCKET_ARG, Placement.ENTRY,
                        BridgeCall.Event.OPENED),
                BridgeCall.onThis(transport, server, "onWebsocketClose", SOCKET_ARG, Placement.EXIT_ALWAYS,
                        BridgeCall.Event.CLOSED));
    }
}
