package io.onlineuser.agent.instrument.bytecode;

import static org.assertj.core.api.Assertions.assertThat;

import io.onlineuser.agent.instrument.BridgeCall;
import io.onlineuser.agent.instrument.hook.SessionHooks;
import io.onlineuser.agent.instrument.netty.PipelineCalls;
import io.onlineuser.agent.track.OnlineTracker;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the instructions the agent's real calls add, read back from a class the real transformer
 * rewrote: a change to an emitter, or to where {@link CallAddingMethodVisitor} puts it, shows
 * here as a line-by-line difference. {@link ExactTypeTransformerTest} checks that such code
 * verifies and runs; this checks what it is.
 */
class EmittedBytecodeTest {

    private static final String TARGET = EmitterTarget.class.getName();
    private static final String TARGET_INTERNAL = TARGET.replace('.', '/');
    private static final String BRIDGE = "io/onlineuser/agent/bridge/OnlineUserBridge";
    private static final String CHANNEL = "io/netty/channel/Channel";
    private static final String ACTIVE_CALL = String.join("\n",
            "ALOAD 0",
            "INVOKEINTERFACE io/netty/channel/ChannelPipeline.channel ()L" + CHANNEL + ";",
            "DUP",
            "DUP",
            "INVOKEINTERFACE " + CHANNEL + ".parent ()L" + CHANNEL + ";",
            "SWAP",
            "INVOKEINTERFACE " + CHANNEL + ".remoteAddress ()Ljava/net/SocketAddress;",
            "INVOKESTATIC " + BRIDGE + ".channelActive (Ljava/lang/Object;Ljava/lang/Object;Ljava/net/SocketAddress;)V");
    private static final String INACTIVE_CALL = String.join("\n",
            "ALOAD 0",
            "INVOKEINTERFACE io/netty/channel/ChannelPipeline.channel ()L" + CHANNEL + ";",
            "DUP",
            "INVOKEINTERFACE " + CHANNEL + ".parent ()L" + CHANNEL + ";",
            "INVOKESTATIC " + BRIDGE + ".channelInactive (Ljava/lang/Object;Ljava/lang/Object;)V");

    @Test
    void nettyChannelActiveIsReportedFirstInTheMethod() {
        assertThat(rewritten(PipelineCalls.PIPELINE, PipelineCalls.all(), "fireChannelActive", "()L" + TARGET_INTERNAL + ";"))
                .isEqualTo(lines(
                        ACTIVE_CALL,
                        "ALOAD 0",
                        "ARETURN",
                        "MAXS 7 1"));
    }

    @Test
    void nettyChannelInactiveIsReportedBeforeTheReturnAndInACatchAllThatRethrows() {
        assertThat(rewritten(PipelineCalls.PIPELINE, PipelineCalls.all(), "fireChannelInactive", "()L" + TARGET_INTERNAL + ";"))
                .isEqualTo(lines(
                        "TRYCATCH L0 L1 L1 any",
                        "L0:",
                        "ALOAD 0",
                        INACTIVE_CALL,
                        "ARETURN",
                        "L1:",
                        "FRAME [" + TARGET_INTERNAL + "] [java/lang/Throwable]",
                        INACTIVE_CALL,
                        "ATHROW",
                        "MAXS 7 1"));
    }

    @Test
    void aServerListeningOnThis() {
        BridgeCall call = BridgeCall.onThis("test", TARGET, "bind", "(", AddedCall.Placement.ENTRY, BridgeCall.Event.LISTENING);

        assertThat(rewritten(TARGET, List.of(call), "bind", "()V")).isEqualTo(lines(
                "ALOAD 0",
                "LDC \"test\"",
                "INVOKESTATIC " + BRIDGE + ".serverListening (Ljava/lang/Object;Ljava/lang/String;)V",
                "RETURN",
                "MAXS 6 1"));
    }

    @Test
    void aConnectionOpenedOnTheServerInAFieldOfThis() {
        BridgeCall call = BridgeCall.onField("test", TARGET, "opened", "(Ljava/lang/Object;", AddedCall.Placement.EXIT,
                BridgeCall.Event.OPENED, "server", "Ljava/lang/Object;");

        assertThat(rewritten(TARGET, List.of(call), "opened", "(Ljava/lang/Object;)V")).isEqualTo(lines(
                "ALOAD 0",
                "GETFIELD " + TARGET_INTERNAL + ".server Ljava/lang/Object;",
                "ALOAD 1",
                "LDC \"test\"",
                "INVOKESTATIC " + BRIDGE + ".connectionOpened (Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/String;)V",
                "RETURN",
                "MAXS 6 2"));
    }

    @Test
    void aConnectionThatIsThisClosedEvenWhenTheMethodThrows() {
        BridgeCall call = BridgeCall.onConnection("test", TARGET, "close", "(", AddedCall.Placement.EXIT_ALWAYS,
                BridgeCall.Event.CLOSED);
        String closed = String.join("\n",
                "ALOAD 0",
                "ALOAD 0",
                "LDC \"test\"",
                "INVOKESTATIC " + BRIDGE + ".connectionClosed (Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/String;)V");

        assertThat(rewritten(TARGET, List.of(call), "close", "()V")).isEqualTo(lines(
                "TRYCATCH L0 L1 L1 any",
                "L0:",
                closed,
                "RETURN",
                "L1:",
                "FRAME [" + TARGET_INTERNAL + "] [java/lang/Throwable]",
                closed,
                "ATHROW",
                "MAXS 6 1"));
    }

    @Test
    void aHookPassesTheRootsOfItsPathsWithPrimitivesBoxedAboveTheReturnValue() {
        assertThat(rewritten(TARGET, hooks(TARGET + "#login/2 session=arg0 uid=arg1.toString()", null), "login",
                "(Ljava/lang/Object;J)I")).isEqualTo(lines(
                "ICONST_1",
                "LDC 0",
                "ALOAD 0",
                "ALOAD 1",
                "LLOAD 2",
                "INVOKESTATIC java/lang/Long.valueOf (J)Ljava/lang/Long;",
                "INVOKESTATIC " + BRIDGE + ".hookReturned (ILjava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;)V",
                "IRETURN",
                "MAXS 7 4"));
    }

    @Test
    void aStaticHookPassesNullForThisAndForAMissingUid() {
        assertThat(rewritten(TARGET, hooks(null, TARGET + "#logout/1 session=arg0"), "logout", "(Ljava/lang/Object;)V"))
                .isEqualTo(lines(
                        "LDC 0",
                        "ACONST_NULL",
                        "ALOAD 0",
                        "ACONST_NULL",
                        "INVOKESTATIC " + BRIDGE + ".hookReturned (ILjava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;)V",
                        "RETURN",
                        "MAXS 6 1"));
    }

    /** The hook calls the agent makes of {@code bind} and {@code unbind} descriptions (either may be null). */
    private static List<AddedCall> hooks(String bind, String unbind) {
        return SessionHooks.configure(new OnlineTracker(System::currentTimeMillis), bind, unbind, null, problem -> {
            throw new AssertionError(problem);
        }).weaving().exactCalls();
    }

    /** {@link EmitterTarget} rewritten by the agent's transformer as if it were the class {@code className}, one method listed. */
    private static String rewritten(String className, List<AddedCall> calls, String method, String descriptor) {
        byte[] original;
        try (InputStream in = EmitterTarget.class.getResourceAsStream("EmitterTarget.class")) {
            original = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] bytes = new ExactTypeTransformer(calls, Runnable::run)
                .transform(null, EmitterTarget.class.getClassLoader(), className.replace('.', '/'), null, null, original);
        assertThat(bytes).as("rewritten").isNotNull();
        return String.join("\n", InstructionListing.of(bytes, method, descriptor));
    }

    private static String lines(String... lines) {
        return String.join("\n", lines);
    }
}
