package io.onlineuser.agent.instrument.netty;

import io.onlineuser.agent.instrument.bytecode.AddedCall;
import io.onlineuser.agent.instrument.bytecode.VisitedType;
import java.util.List;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where connections are counted: the two pipeline events every Netty transport (NIO, epoll,
 * kqueue, local) fires once per channel, the same in Netty 4.1 and 4.2. The calls name Netty's
 * interfaces, resolved by the pipeline's own class loader, so Netty never loads in the agent's.
 * Which channels were accepted (their parent is a ServerChannel) is decided by the agent, so the
 * added code has no branch.
 */
public final class PipelineCalls implements AddedCall {

    public static final String PIPELINE = "io.netty.channel.DefaultChannelPipeline";

    private static final Logger LOG = LoggerFactory.getLogger(PipelineCalls.class);
    private static final String BRIDGE = "io/onlineuser/agent/bridge/OnlineUserBridge";

    /**
     * At the start of {@code fireChannelActive()}: reports the channel before any handler of the
     * application can bind a session to it.
     */
    public static final PipelineCalls ACTIVE = new PipelineCalls("", "fireChannelActive", Placement.ENTRY);

    /**
     * At the end of {@code fireChannelInactive()}, even when a handler threw: after the
     * application's handlers had their chance to unbind the session themselves; sessions still
     * bound to the channel are logged out by the tracker.
     */
    public static final PipelineCalls INACTIVE = new PipelineCalls("", "fireChannelInactive", Placement.EXIT_ALWAYS);

    private final String prefix;
    private final String methodName;
    private final Placement placement;
    private final String pipelineType;
    private final String channelType;
    private final String channelDescriptor;

    /** @param prefix the package a relocated Netty copy sits under, with a trailing dot; empty for the stock Netty */
    private PipelineCalls(String prefix, String methodName, Placement placement) {
        this.prefix = prefix;
        this.methodName = methodName;
        this.placement = placement;
        String internalPrefix = prefix.replace('.', '/');
        this.pipelineType = internalPrefix + "io/netty/channel/ChannelPipeline";
        this.channelType = internalPrefix + "io/netty/channel/Channel";
        this.channelDescriptor = "()L" + channelType + ";";
    }

    public static List<AddedCall> all() {
        return List.of(ACTIVE, INACTIVE);
    }

    /** The same calls in a Netty relocated under {@code packagePrefix}, e.g. {@code io.grpc.netty.shaded}. */
    public static List<AddedCall> relocated(String packagePrefix) {
        String prefix = packagePrefix + ".";
        return List.of(new PipelineCalls(prefix, "fireChannelActive", Placement.ENTRY),
                new PipelineCalls(prefix, "fireChannelInactive", Placement.EXIT_ALWAYS));
    }

    @Override
    public String typeName() {
        return prefix + PIPELINE;
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
        return (access & Opcodes.ACC_PUBLIC) != 0 && (access & Opcodes.ACC_STATIC) == 0 && descriptor.startsWith("()");
    }

    /**
     * In Java, with {@code ch = this.channel()} kept on the stack rather than in a local variable:
     * {@code OnlineUserBridge.channelActive(ch, ch.parent(), ch.remoteAddress())} at entry,
     * {@code OnlineUserBridge.channelInactive(ch, ch.parent())} at exit.
     */
    @Override
    public void emit(MethodVisitor method, int access, String descriptor) {
        // after each instruction, what the stack holds above the method's own (top last)
        method.visitVarInsn(Opcodes.ALOAD, 0); // this
        method.visitMethodInsn(Opcodes.INVOKEINTERFACE, pipelineType, "channel", channelDescriptor, true); // ch
        method.visitInsn(Opcodes.DUP); // ch, ch
        if (placement == Placement.ENTRY) {
            method.visitInsn(Opcodes.DUP); // ch, ch, ch
            method.visitMethodInsn(Opcodes.INVOKEINTERFACE, channelType, "parent", channelDescriptor,
                    true); // ch, ch, parent
            method.visitInsn(Opcodes.SWAP); // ch, parent, ch
            method.visitMethodInsn(Opcodes.INVOKEINTERFACE, channelType, "remoteAddress", "()Ljava/net/SocketAddress;",
                    true); // ch, parent, remote
            method.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "channelActive",
                    "(Ljava/lang/Object;Ljava/lang/Object;Ljava/net/SocketAddress;)V", false); // (nothing)
        } else {
            method.visitMethodInsn(Opcodes.INVOKEINTERFACE, channelType, "parent", channelDescriptor, true); // ch, parent
            method.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "channelInactive",
                    "(Ljava/lang/Object;Ljava/lang/Object;)V", false); // (nothing)
        }
    }

    @Override
    public void typeVisited(VisitedType type, boolean added, List<Integer> aritiesOfMethodName) {
        if (!added) {
            LOG.warn("{} has no public {}() (an unsupported Netty version?); connections are not counted",
                    type.name(), methodName);
        }
    }

    @Override
    public String toString() {
        return typeName() + '#' + methodName;
    }
}
