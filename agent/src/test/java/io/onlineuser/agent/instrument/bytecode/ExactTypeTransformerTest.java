package io.onlineuser.agent.instrument.bytecode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rewritten classes are defined and run in a fresh class loader, so the JVM's verifier checks
 * every frame and stack depth the rewriting produced.
 */
class ExactTypeTransformerTest {

    private static final String TARGET = AdviceTarget.class.getName();

    private final List<String> visited = new ArrayList<>();

    /** Records "placement:method" through {@link Recorder} and what the class offered. */
    private final class RecordingAdvice implements AddedCall {
        private final String methodName;
        private final Placement placement;

        RecordingAdvice(String methodName, Placement placement) {
            this.methodName = methodName;
            this.placement = placement;
        }

        @Override
        public String typeName() {
            return TARGET;
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
            return true;
        }

        @Override
        public void emit(MethodVisitor method, int access, String descriptor) {
            method.visitLdcInsn(placement + ":" + methodName);
            method.visitMethodInsn(Opcodes.INVOKESTATIC, Recorder.class.getName().replace('.', '/'), "record",
                    "(Ljava/lang/String;)V", false);
        }

        @Override
        public void typeVisited(VisitedType type, boolean advised, List<Integer> aritiesOfMethodName) {
            visited.add(type.name() + " " + methodName + " advised=" + advised + " arities=" + aritiesOfMethodName);
        }
    }

    @BeforeEach
    void clear() {
        Recorder.EVENTS.clear();
    }

    @Test
    void entryAndExitRunAroundALoopThatStartsTheMethod() throws Exception {
        Object target = rewritten(new RecordingAdvice("loopFirst", AddedCall.Placement.ENTRY),
                new RecordingAdvice("loopFirst", AddedCall.Placement.EXIT_ALWAYS));

        assertThat(call(target, "loopFirst", new Class<?>[] {int.class}, 6)).isEqualTo(2);
        assertThat(Recorder.EVENTS).containsExactly("ENTRY:loopFirst", "EXIT_ALWAYS:loopFirst");
    }

    @Test
    void theMethodsOwnHandlerStillCatchesFirst() throws Exception {
        Object target = rewritten(new RecordingAdvice("catchesItsOwn", AddedCall.Placement.EXIT_ALWAYS));

        assertThat(call(target, "catchesItsOwn", new Class<?>[] {boolean.class}, true)).isEqualTo("caught inner");
        assertThat(call(target, "catchesItsOwn", new Class<?>[] {boolean.class}, false)).isEqualTo("plain");
        assertThat(Recorder.EVENTS).containsExactly("EXIT_ALWAYS:catchesItsOwn", "EXIT_ALWAYS:catchesItsOwn");
    }

    @Test
    void exitAlwaysRunsWhenTheMethodThrowsAndTheExceptionStillLeaves() throws Exception {
        Object target = rewritten(new RecordingAdvice("throwsOut", AddedCall.Placement.EXIT_ALWAYS),
                new RecordingAdvice("throwsOut", AddedCall.Placement.EXIT));

        assertThatThrownBy(() -> call(target, "throwsOut", new Class<?>[0]))
                .isInstanceOf(InvocationTargetException.class)
                .cause().isInstanceOf(UnsupportedOperationException.class).hasMessage("out");
        assertThat(Recorder.EVENTS).containsExactly("EXIT_ALWAYS:throwsOut");
        assertThat(call(target, "counter", new Class<?>[0])).isEqualTo(1);
    }

    @Test
    void wideReturnValuesAndStaticMethodsKeepTheirResults() throws Exception {
        Object target = rewritten(new RecordingAdvice("wide", AddedCall.Placement.EXIT),
                new RecordingAdvice("staticOne", AddedCall.Placement.EXIT),
                new RecordingAdvice("staticOne", AddedCall.Placement.EXIT_ALWAYS));

        assertThat(call(target, "wide", new Class<?>[] {long.class, double.class}, 40L, 2.9d)).isEqualTo(42L);
        assertThat(call(target, "staticOne", new Class<?>[] {String.class}, "s")).isEqualTo("s");
        // the catch-all handler needs `this`: static methods never get EXIT_ALWAYS
        assertThat(Recorder.EVENTS).containsExactly("EXIT:wide", "EXIT:staticOne");
        assertThat(visited).contains(TARGET + " staticOne advised=false arities=[1]");
    }

    @Test
    void aClassWithoutTheMethodIsReportedAndLoadsUnchanged() throws Exception {
        Object target = rewritten(new RecordingAdvice("absent", AddedCall.Placement.ENTRY));

        assertThat(call(target, "loopFirst", new Class<?>[] {int.class}, 5)).isEqualTo(3);
        assertThat(Recorder.EVENTS).isEmpty();
        assertThat(visited).containsExactly(TARGET + " absent advised=false arities=[]");
    }

    @Test
    void otherClassesAndBrokenClassFilesAreLeftAlone() {
        ExactTypeTransformer transformer = new ExactTypeTransformer(
                List.of(new RecordingAdvice("loopFirst", AddedCall.Placement.ENTRY)), Runnable::run);

        assertThat(transformer.transform(null, null, "com/example/Other", null, null, new byte[] {1, 2})).isNull();
        // a class file ASM cannot read: the host gets its class unchanged, nothing is thrown
        assertThat(transformer.transform(null, null, TARGET.replace('.', '/'), null, null, new byte[] {1, 2})).isNull();
    }

    private Object rewritten(AddedCall... advice) throws Exception {
        byte[] original;
        try (InputStream in = AdviceTarget.class.getResourceAsStream("AdviceTarget.class")) {
            original = in.readAllBytes();
        }
        ExactTypeTransformer transformer = new ExactTypeTransformer(List.of(advice), Runnable::run);
        byte[] bytes = transformer.transform(null, null, TARGET.replace('.', '/'), null, null, original);
        return new OneClassLoader(bytes == null ? original : bytes).loadClass(TARGET).getConstructor().newInstance();
    }

    private static Object call(Object target, String name, Class<?>[] types, Object... args) throws Exception {
        Method method = target.getClass().getMethod(name, types);
        return method.invoke(target, args);
    }

    /** Defines the rewritten target itself (the verifier runs) and delegates everything else. */
    private static final class OneClassLoader extends ClassLoader {
        private final byte[] bytes;

        OneClassLoader(byte[] bytes) {
            super(ExactTypeTransformerTest.class.getClassLoader());
            this.bytes = bytes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(TARGET)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : defineClass(name, bytes, 0, bytes.length);
            }
        }
    }
}
