package io.onlineuser.agent.instrument;

import io.onlineuser.agent.instrument.bytecode.AddedCall;
import io.onlineuser.agent.instrument.bytecode.VisitedType;
import java.util.List;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call from a transport's server method into the bridge: {@code serverListening(server,
 * transport)}, {@code connectionOpened(server, connection, transport)} or
 * {@code connectionClosed(…)}. The server is {@code this}, or a field of {@code this} the class
 * declares; the connection is the method's first argument, or {@code this} for a class whose
 * instances are the connections. Straight-line code, no branch.
 */
public final class BridgeCall implements AddedCall {

    /** Which bridge method is called. */
    public enum Event {
        LISTENING("serverListening", "(Ljava/lang/Object;Ljava/lang/String;)V"),
        OPENED("connectionOpened", "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/String;)V"),
        CLOSED("connectionClosed", "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/String;)V");

        final String bridgeMethod;
        final String bridgeDescriptor;

        Event(String bridgeMethod, String bridgeDescriptor) {
            this.bridgeMethod = bridgeMethod;
            this.bridgeDescriptor = bridgeDescriptor;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(BridgeCall.class);
    private static final String BRIDGE = "io/onlineuser/agent/bridge/OnlineUserBridge";

    private final String transport;
    private final String typeName;
    private final String methodName;
    private final String descriptorPrefix;
    private final Placement placement;
    private final Event event;
    private final String serverField;
    private final String serverFieldDescriptor;
    private final boolean connectionIsThis;

    private BridgeCall(String transport, String typeName, String methodName, String descriptorPrefix,
                       Placement placement, Event event, String serverField, String serverFieldDescriptor,
                       boolean connectionIsThis) {
        this.transport = transport;
        this.typeName = typeName;
        this.methodName = methodName;
        this.descriptorPrefix = descriptorPrefix;
        this.placement = placement;
        this.event = event;
        this.serverField = serverField;
        this.serverFieldDescriptor = serverFieldDescriptor;
        this.connectionIsThis = connectionIsThis;
    }

    /**
     * A call whose server is {@code this}.
     *
     * @param descriptorPrefix how the method's descriptor starts, e.g. {@code (Lorg/java_websocket/WebSocket;}
     */
    public static BridgeCall onThis(String transport, String typeName, String methodName, String descriptorPrefix,
                                    Placement placement, Event event) {
        return new BridgeCall(transport, typeName, methodName, descriptorPrefix, placement, event, null, null, false);
    }

    /**
     * A call whose server and connection are both {@code this} (the connection's class; its
     * transport finds the server from it). In a constructor only at {@link Placement#EXIT}.
     */
    public static BridgeCall onConnection(String transport, String typeName, String methodName, String descriptorPrefix,
                                          Placement placement, Event event) {
        return new BridgeCall(transport, typeName, methodName, descriptorPrefix, placement, event, null, null, true);
    }

    /** A call whose server is the field {@code field} (of type {@code fieldDescriptor}) of {@code this}. */
    public static BridgeCall onField(String transport, String typeName, String methodName, String descriptorPrefix,
                                     Placement placement, Event event, String field, String fieldDescriptor) {
        return new BridgeCall(transport, typeName, methodName, descriptorPrefix, placement, event, field,
                fieldDescriptor, false);
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public String methodName() {
        return methodName;
    }

    @Override
    public Placement placement() {
        return placement;
    }

    @Override
    public boolean appliesTo(int access, String descriptor) {
        return (access & Opcodes.ACC_STATIC) == 0 && descriptor.startsWith(descriptorPrefix);
    }

    /**
     * {@code OnlineUserBridge.serverListening(server, "transport")}, or
     * {@code connectionOpened/connectionClosed(server, connection, "transport")}, where server is
     * {@code this} or {@code this.field} and connection is {@code arg0} or {@code this}.
     */
    @Override
    public void emit(MethodVisitor method, int access, String descriptor) {
        method.visitVarInsn(Opcodes.ALOAD, 0); // this
        if (serverField != null) {
            // this.field, in place of this
            method.visitFieldInsn(Opcodes.GETFIELD, typeName.replace('.', '/'), serverField, serverFieldDescriptor);
        }
        if (event != Event.LISTENING) {
            method.visitVarInsn(Opcodes.ALOAD, connectionIsThis ? 0 : 1); // server, connection (this or arg0)
        }
        method.visitLdcInsn(transport); // ..., "transport"
        method.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, event.bridgeMethod, event.bridgeDescriptor, false); // (nothing)
    }

    @Override
    public void typeVisited(VisitedType type, boolean added, List<Integer> aritiesOfMethodName) {
        if (!added) {
            LOG.warn("{} has no {}{}…) (an unsupported {} version?); its connections are not counted",
                    type.name(), methodName, descriptorPrefix, transport);
        }
    }

    @Override
    public String toString() {
        return typeName + '#' + methodName;
    }
}
