package io.onlineuser.agent.instrument.mina;

import io.onlineuser.agent.instrument.BridgeCall;
import io.onlineuser.agent.instrument.bytecode.AddedCall;
import io.onlineuser.agent.instrument.bytecode.AddedCall.Placement;
import java.util.List;

/**
 * Where MINA sessions are counted: {@code IoServiceListenerSupport}, which every MINA service
 * (acceptor or connector, any transport) tells of each session it creates and destroys, once per
 * session. The server passed on is the support's {@code service} field (the acceptor).
 * {@code fireSessionCreated} is reported at entry, before the application's handler can bind a
 * session; {@code fireSessionDestroyed} at exit, after its {@code sessionClosed} had its chance
 * to unbind (sessions still bound are logged out by the tracker).
 */
public final class MinaCalls {

    static final String SUPPORT = "org.apache.mina.core.service.IoServiceListenerSupport";
    private static final String SESSION_ARG = "(Lorg/apache/mina/core/session/IoSession;";
    private static final String SERVICE_FIELD = "service";
    private static final String SERVICE_DESCRIPTOR = "Lorg/apache/mina/core/service/IoService;";

    private MinaCalls() {
    }

    public static List<AddedCall> all() {
        return List.of(
                BridgeCall.onField(MinaSessions.TRANSPORT, SUPPORT, "fireServiceActivated", "()", Placement.EXIT,
                        BridgeCall.Event.LISTENING, SERVICE_FIELD, SERVICE_DESCRIPTOR),
                BridgeCall.onField(MinaSessions.TRANSPORT, SUPPORT, "fireSessionCreated", SESSION_ARG, Placement.ENTRY,
                        BridgeCall.Event.OPENED, SERVICE_FIELD, SERVICE_DESCRIPTOR),
                BridgeCall.onField(MinaSessions.TRANSPORT, SUPPORT, "fireSessionDestroyed", SESSION_ARG,
                        Placement.EXIT_ALWAYS, BridgeCall.Event.CLOSED, SERVICE_FIELD, SERVICE_DESCRIPTOR));
    }
}
