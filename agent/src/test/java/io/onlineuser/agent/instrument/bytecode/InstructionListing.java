package io.onlineuser.agent.instrument.bytecode;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * One method of a class file as text, an instruction a line, read with the ASM that Byte Buddy
 * ships: {@code INVOKESTATIC owner.name descriptor}, {@code LDC "text"}, labels as {@code L0:} in
 * the order they are met, frames expanded, the exception table as {@code TRYCATCH}, then
 * {@code MAXS stack locals}. Debug information (line numbers, local names) is left out.
 */
final class InstructionListing extends MethodVisitor {

    private static final Map<Integer, String> OPCODES = opcodeNames();

    private final List<String> lines = new ArrayList<>();
    private final Map<Label, String> labels = new IdentityHashMap<>();

    private InstructionListing() {
        super(Opcodes.ASM9);
    }

    /** The lines of the method {@code name} with {@code descriptor} in {@code classFile}. */
    static List<String> of(byte[] classFile, String name, String descriptor) {
        InstructionListing listing = new InstructionListing();
        boolean[] found = {false};
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String method, String desc, String signature, String[] exceptions) {
                if (method.equals(name) && desc.equals(descriptor)) {
                    found[0] = true;
                    return listing;
                }
                return null;
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.EXPAND_FRAMES);
        if (!found[0]) {
            throw new IllegalArgumentException("no method " + name + descriptor);
        }
        return listing.lines;
    }

    @Override
    public void visitInsn(int opcode) {
        lines.add(OPCODES.get(opcode));
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        lines.add(OPCODES.get(opcode) + " " + operand);
    }

    @Override
    public void visitVarInsn(int opcode, int slot) {
        lines.add(OPCODES.get(opcode) + " " + slot);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        lines.add(OPCODES.get(opcode) + " " + type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        lines.add(OPCODES.get(opcode) + " " + owner + "." + name + " " + descriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        lines.add(OPCODES.get(opcode) + " " + owner + "." + name + " " + descriptor);
    }

    @Override
    public void visitLdcInsn(Object value) {
        lines.add("LDC " + (value instanceof String ? "\"" + value + "\"" : value));
    }

    @Override
    public void visitJumpInsn(int opcode, Label target) {
        lines.add(OPCODES.get(opcode) + " " + name(target));
    }

    @Override
    public void visitLabel(Label label) {
        lines.add(name(label) + ":");
    }

    @Override
    public void visitFrame(int type, int localCount, Object[] locals, int stackCount, Object[] stack) {
        lines.add("FRAME " + types(localCount, locals) + " " + types(stackCount, stack));
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        lines.add("TRYCATCH " + name(start) + " " + name(end) + " " + name(handler) + " " + (type == null ? "any" : type));
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        lines.add("MAXS " + maxStack + " " + maxLocals);
    }

    private String name(Label label) {
        return labels.computeIfAbsent(label, unnamed -> "L" + labels.size());
    }

    private static String types(int count, Object[] types) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(types[i] instanceof String ? (String) types[i] : "primitive#" + types[i]);
        }
        return names.toString();
    }

    /** ASM's opcode constants by value; the other int constants of {@code Opcodes} (flags, versions, kinds) left out. */
    private static Map<Integer, String> opcodeNames() {
        Map<Integer, String> names = new HashMap<>();
        for (Field field : Opcodes.class.getFields()) {
            if (field.getType() != int.class || !Modifier.isStatic(field.getModifiers())
                    || field.getName().matches("(ASM|SOURCE_|V\\d|V_|ACC_|T_|H_|F_).*")) {
                continue;
            }
            try {
                String clash = names.put(field.getInt(null), field.getName());
                if (clash != null) {
                    throw new IllegalStateException("two opcodes of value " + field.getInt(null) + ": " + clash + ", " + field.getName());
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return names;
    }
}
