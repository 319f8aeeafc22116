package io.onlineuser.agent.instrument.bytecode;

import java.util.List;
import net.bytebuddy.jar.asm.MethodVisitor;

/**
 * A call the agent adds to the methods of one class known by name. The call must leave the
 * operand stack as it found it, use no new local variables and contain no branches, so that the
 * rewritten method needs no new stack map frames (only {@link Placement#EXIT_ALWAYS} adds one, at
 * its exception handler, whose frame is known).
 */
public interface AddedCall {

    /** Where in the method the call goes. */
    enum Placement {
        /** Before the first instruction. */
        ENTRY,
        /** Before every return instruction: after a normal return only. */
        EXIT,
        /** Before every return and, through a catch-all handler, before an exception leaves the method. */
        EXIT_ALWAYS
    }

    /** Binary name of the class to whose methods this call is added, e.g. {@code io.netty.channel.DefaultChannelPipeline}. */
    String typeName();

    /** Name of the methods that may get this call; methods of other names are never offered. */
    String methodName();

    Placement placement();

    /** Whether this method (its access flags and descriptor) gets the call. */
    boolean appliesTo(int access, String descriptor);

    /**
     * Emits the call. {@code this} is in local 0 for instance methods; arguments are in their
     * usual slots, as described by {@code descriptor}.
     */
    void emit(MethodVisitor method, int access, String descriptor);

    /**
     * Told once per class definition (first load or retransformation) what was found.
     *
     * @param added               whether at least one method got the call
     * @param aritiesOfMethodName parameter counts of the methods called {@link #methodName()} that
     *                            the class declares with code of their own (compiler bridges left out)
     */
    void typeVisited(VisitedType type, boolean added, List<Integer> aritiesOfMethodName);
}
