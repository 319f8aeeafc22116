package io.onlineuser.agent.instrument.bytecode;

import java.util.List;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Adds the calls that apply to one method; see {@link AddedCall} for what a call may do. In Java,
 * a method {@code R m(args) { body }} becomes
 * <pre>
 *   R m(args) {
 *       ENTRY calls;
 *       try {                                   // only with an EXIT_ALWAYS call
 *           body, with before each "return v;":  EXIT calls; EXIT_ALWAYS calls;
 *       } catch (Throwable t) {                 // any throwable, after the method's own handlers
 *           EXIT_ALWAYS calls;
 *           throw t;
 *       }
 *   }
 * </pre>
 * The calls themselves never throw (the bridge catches everything), so an EXIT_ALWAYS call that
 * ran before a return never runs again in the handler. {@code EmittedBytecodeTest} pins the
 * instructions.
 */
final class CallAddingMethodVisitor extends MethodVisitor {

    /** Upper bound of what one call pushes above the method's own stack (a boxed long needs two slots). */
    private static final int EXTRA_STACK = 6;

    private final String owner;
    private final int access;
    private final String descriptor;
    private final List<AddedCall> calls;
    private final boolean exitAlways;
    private final boolean writesFrames;
    private final Label bodyStart = new Label();

    /**
     * @param writesFrames whether the class file carries stack map frames (version 50 and later);
     *                     older ones are verified by type inference and must not get one
     */
    CallAddingMethodVisitor(MethodVisitor target, String owner, int access, String descriptor, List<AddedCall> calls,
                          boolean writesFrames) {
        super(Opcodes.ASM9, target);
        this.owner = owner;
        this.writesFrames = writesFrames;
        this.access = access;
        this.descriptor = descriptor;
        this.calls = calls;
        this.exitAlways = calls.stream().anyMatch(a -> a.placement() == AddedCall.Placement.EXIT_ALWAYS);
    }

    @Override
    public void visitCode() {
        super.visitCode();
        emitAll(AddedCall.Placement.ENTRY); // = the ENTRY calls, on an empty stack
        if (exitAlways) {
            super.visitLabel(bodyStart); // = "try {": the catch-all covers everything after the ENTRY calls
        }
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            // = the EXIT, then EXIT_ALWAYS calls just before "return v;": v (if any) stays on the
            // stack beneath them, since each call leaves the stack as it found it
            emitAll(AddedCall.Placement.EXIT);
            emitAll(AddedCall.Placement.EXIT_ALWAYS);
        }
        super.visitInsn(opcode);
    }

    /**
     * The catch-all handler goes after the method's own code and last in its exception table, so
     * the method's own handlers still catch first. Its frame holds {@code this} and the method's
     * parameters (the calls may read them; javac never stores another type into a parameter's
     * slot), and nothing else: fewer locals is valid wherever it is entered from.
     */
    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        if (exitAlways) {
            Label bodyEnd = new Label();
            Label handler = new Label();
            super.visitLabel(bodyEnd); // = "}" of the try: the body ends here, unreachable by falling through
            super.visitLabel(handler); // = "catch (Throwable t) {": the stack holds only t
            if (writesFrames) {
                Object[] locals = handlerLocals();
                super.visitFrame(Opcodes.F_FULL, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
            }
            emitAll(AddedCall.Placement.EXIT_ALWAYS); // = the EXIT_ALWAYS calls, above t
            super.visitInsn(Opcodes.ATHROW); // = "throw t;": t is again the top of the stack
            // null type: any throwable, as javac compiles "finally"; last in the table, so the
            // method's own handlers (visited earlier) still catch first
            super.visitTryCatchBlock(bodyStart, bodyEnd, handler, null);
        }
        super.visitMaxs(maxStack + EXTRA_STACK, maxLocals);
    }

    /** {@code this}, then each parameter as a stack map frame names it (a long or double is one entry). */
    private Object[] handlerLocals() {
        Type[] parameters = Type.getArgumentTypes(descriptor);
        Object[] locals = new Object[parameters.length + 1];
        locals[0] = owner;
        for (int i = 0; i < parameters.length; i++) {
            locals[i + 1] = frameType(parameters[i]);
        }
        return locals;
    }

    private static Object frameType(Type type) {
        switch (type.getSort()) {
            case Type.BOOLEAN:
            case Type.CHAR:
            case Type.BYTE:
            case Type.SHORT:
            case Type.INT:
                return Opcodes.INTEGER;
            case Type.LONG:
                return Opcodes.LONG;
            case Type.FLOAT:
                return Opcodes.FLOAT;
            case Type.DOUBLE:
                return Opcodes.DOUBLE;
            default:
                return type.getInternalName();
        }
    }

    private void emitAll(AddedCall.Placement placement) {
        for (AddedCall each : calls) {
            if (each.placement() == placement) {
                each.emit(mv, access, descriptor);
            }
        }
    }
}
