package io.onlineuser.agent.instrument.hook;

import io.onlineuser.agent.instrument.bytecode.AddedCall;
import io.onlineuser.agent.instrument.bytecode.VisitedType;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Where sessions are counted for a hook on a class named exactly: after every normal return of
 * the hooked method, one call {@code OnlineUserBridge.hookReturned(hookId, this, session, uidSource)}
 * with the values the hook description names (primitives boxed, {@code null} for a missing
 * {@code this} or uid). A method that throws logged nobody in, so it reports nothing.
 */
final class HookCall implements AddedCall {

    private static final String BRIDGE = "io/onlineuser/agent/bridge/OnlineUserBridge";
    private static final String RETURNED = "(ILjava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;)V";

    private final int hookId;
    private final HookSpec spec;
    private final HookStatus status;
    private final String typeName;
    private final String bridgeMethod;
    private final AtomicBoolean followed = new AtomicBoolean();

    /** @param typeName the class named by the hook, or a superclass of it that declares the method */
    HookCall(int hookId, HookStatus status, String typeName) {
        this(hookId, status, typeName, "hookReturned");
    }

    private HookCall(int hookId, HookStatus status, String typeName, String bridgeMethod) {
        this.hookId = hookId;
        this.spec = status.spec();
        this.status = status;
        this.typeName = typeName;
        this.bridgeMethod = bridgeMethod;
    }

    /**
     * A recording-only hook of {@code suggest --watch}: the same methods and values as the hook
     * {@code status} describes, reported to {@code OnlineUserBridge.probeReturned(probeId, …)}
     * instead, which counts nothing.
     */
    static HookCall probe(int probeId, HookStatus status) {
        return new HookCall(probeId, status, status.spec().typeName(), "probeReturned");
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public String methodName() {
        return spec.methodName();
    }

    @Override
    public Placement placement() {
        return Placement.EXIT;
    }

    @Override
    public boolean appliesTo(int access, String descriptor) {
        return HookedMethods.matches(spec, access, spec.methodName(), Type.getArgumentTypes(descriptor).length);
    }

    /**
     * {@code OnlineUserBridge.hookReturned(hookId, this, session, uidSource)} (or
     * {@code probeReturned}) before each normal return; the return value stays beneath it. Only the
     * root ({@code this} or {@code argN}) of the session and uid paths is passed: the steps after it
     * are walked by the agent, not by added code.
     */
    @Override
    public void emit(MethodVisitor method, int access, String descriptor) {
        status.methodMatched(typeName + '#' + spec.methodName() + descriptor);
        boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
        Type[] arguments = Type.getArgumentTypes(descriptor);
        method.visitLdcInsn(hookId); // hookId (an int constant)
        if (isStatic) {
            method.visitInsn(Opcodes.ACONST_NULL); // hookId, null: a static method has no this
        } else {
            method.visitVarInsn(Opcodes.ALOAD, 0); // hookId, this
        }
        load(method, spec.session().root(), isStatic, arguments); // hookId, self, session
        if (spec.uid() == null) {
            method.visitInsn(Opcodes.ACONST_NULL); // hookId, self, session, null
        } else {
            load(method, spec.uid().root(), isStatic, arguments); // hookId, self, session, uidSource
        }
        method.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, bridgeMethod, RETURNED, false); // (nothing)
    }

    /**
     * Pushes {@code this} or an argument as an Object: primitives boxed, as Byte Buddy's dynamic
     * typing did ({@code Long.valueOf(argN)} for a long). Arguments start at slot 1 (0 in a static
     * method); a long or double takes two slots.
     */
    private static void load(MethodVisitor method, ValueRef ref, boolean isStatic, Type[] arguments) {
        if (ref.isThis()) {
            method.visitVarInsn(Opcodes.ALOAD, 0);
            return;
        }
        int slot = isStatic ? 0 : 1;
        for (int i = 0; i < ref.index(); i++) {
            slot += arguments[i].getSize();
        }
        Type type = arguments[ref.index()];
        method.visitVarInsn(type.getOpcode(Opcodes.ILOAD), slot);
        Box box = Box.of(type);
        if (box != null) {
            method.visitMethodInsn(Opcodes.INVOKESTATIC, box.owner, "valueOf",
                    "(" + type.getDescriptor() + ")L" + box.owner + ";", false);
        }
    }

    @Override
    public void typeVisited(VisitedType type, boolean added, List<Integer> aritiesOfMethodName) {
        status.typeSeen();
        if (added) {
            return;
        }
        if (!aritiesOfMethodName.contains(spec.arity()) && type.superName() != null) {
            if (followed.compareAndSet(false, true)) {
                status.followsSuperclass(type.name(), type.superName());
                type.addToSuperclass(new HookCall(hookId, status, type.superName(), bridgeMethod));
            }
            return;
        }
        status.noMethod(type.name(), aritiesOfMethodName);
    }

    @Override
    public String toString() {
        return spec.role().optionKey() + ' ' + spec.target();
    }

    /** The wrapper class of a primitive type. */
    private enum Box {
        BOOLEAN("java/lang/Boolean"), CHAR("java/lang/Character"), BYTE("java/lang/Byte"), SHORT("java/lang/Short"),
        INT("java/lang/Integer"), FLOAT("java/lang/Float"), LONG("java/lang/Long"), DOUBLE("java/lang/Double");

        final String owner;

        Box(String owner) {
            this.owner = owner;
        }

        static Box of(Type type) {
            switch (type.getSort()) {
                case Type.BOOLEAN: return BOOLEAN;
                case Type.CHAR: return CHAR;
                case Type.BYTE: return BYTE;
                case Type.SHORT: return SHORT;
                case Type.INT: return INT;
                case Type.FLOAT: return FLOAT;
                case Type.LONG: return LONG;
                case Type.DOUBLE: return DOUBLE;
                default: return null;
            }
        }
    }
}
