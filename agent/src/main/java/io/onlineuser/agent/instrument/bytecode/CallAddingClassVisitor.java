package io.onlineuser.agent.instrument.bytecode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Offers each method of one class to the calls added to that class, and tells each call afterwards
 * what it found. Methods that get no call pass through untouched (ASM copies them as they are).
 * It emits no instruction itself: {@link CallAddingMethodVisitor} places the calls, each
 * {@link AddedCall#emit} writes its own.
 */
final class CallAddingClassVisitor extends ClassVisitor {

    private static final int NOT_ADVISABLE = Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE;

    private final List<AddedCall> calls;
    private final List<List<Integer>> arities = new ArrayList<>();
    private final Set<AddedCall> applied = new HashSet<>();
    private final ClassLoader loader;
    private final ExactTypeTransformer transformer;
    private String owner;
    private String superName;
    private boolean writesFrames;

    CallAddingClassVisitor(ClassVisitor target, List<AddedCall> calls, ClassLoader loader,
                           ExactTypeTransformer transformer) {
        super(Opcodes.ASM9, target);
        this.calls = calls;
        this.loader = loader;
        this.transformer = transformer;
        for (int i = 0; i < calls.size(); i++) {
            arities.add(new ArrayList<>());
        }
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        owner = name;
        boolean ownSuperclass = superName != null && (access & Opcodes.ACC_INTERFACE) == 0
                && !superName.startsWith("java/") && !superName.startsWith("jdk/");
        this.superName = ownSuperclass ? superName.replace('/', '.') : null;
        writesFrames = (version & 0xFFFF) >= Opcodes.V1_6;
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        MethodVisitor target = super.visitMethod(access, name, descriptor, signature, exceptions);
        List<AddedCall> applicable = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            AddedCall each = calls.get(i);
            if (!each.methodName().equals(name)) {
                continue;
            }
            if ((access & Opcodes.ACC_BRIDGE) == 0) {
                arities.get(i).add(Type.getArgumentTypes(descriptor).length);
            }
            if ((access & NOT_ADVISABLE) == 0 && placeable(each, access, name) && each.appliesTo(access, descriptor)) {
                applicable.add(each);
                applied.add(each);
            }
        }
        return applicable.isEmpty() || target == null ? target
                : new CallAddingMethodVisitor(target, owner, access, descriptor, applicable, writesFrames);
    }

    @Override
    public void visitEnd() {
        super.visitEnd();
        VisitedType type = new VisitedType(owner.replace('/', '.'), superName, loader, transformer);
        for (int i = 0; i < calls.size(); i++) {
            AddedCall each = calls.get(i);
            each.typeVisited(type, applied.contains(each), List.copyOf(arities.get(i)));
        }
    }

    /** The catch-all handler of {@link AddedCall.Placement#EXIT_ALWAYS} needs an initialised {@code this}. */
    private static boolean placeable(AddedCall call, int access, String name) {
        return call.placement() != AddedCall.Placement.EXIT_ALWAYS
                || ((access & Opcodes.ACC_STATIC) == 0 && !"<init>".equals(name));
    }
}
