package io.onlineuser.agent.instrument.bytecode;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the agent's calls to classes known by name (Netty's pipeline, the classes of exact-name
 * hooks) with ASM alone: Byte Buddy's agent builder loads about 1,200 classes before it
 * transforms the first one, which on a 2-core connector doubles the time to the first accepted
 * connection. Every other class costs one hash lookup. Adds no members,
 * so it also serves retransformation after a late attach. A call may be added later to a
 * superclass of its class ({@link VisitedType#addToSuperclass}), when that is where the method
 * that runs is declared.
 */
public final class ExactTypeTransformer implements ClassFileTransformer {

    private static final Logger LOG = LoggerFactory.getLogger(ExactTypeTransformer.class);

    private final Map<String, List<AddedCall>> byInternalName = new ConcurrentHashMap<>();
    /** Classes given a call later whose definition this has not rewritten since. */
    private final Map<String, Boolean> awaitingDefinition = new ConcurrentHashMap<>();
    private final Executor background;
    private volatile Instrumentation instrumentation;

    /** @param background where classes loaded before a call was added later are retransformed */
    public ExactTypeTransformer(Collection<? extends AddedCall> calls, Executor background) {
        this.background = background;
        for (AddedCall each : calls) {
            register(each);
        }
    }

    private void register(AddedCall call) {
        byInternalName.computeIfAbsent(call.typeName().replace('.', '/'), name -> new CopyOnWriteArrayList<>()).add(call);
    }

    /** Registers this transformer and, after a late attach, rewrites the matching classes already loaded. */
    public void install(Instrumentation instrumentation, boolean retransformLoaded) {
        this.instrumentation = instrumentation;
        instrumentation.addTransformer(this, true);
        if (!retransformLoaded) {
            return;
        }
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (byInternalName.containsKey(loaded.getName().replace('.', '/'))) {
                retransform(loaded);
            }
        }
    }

    /**
     * Removes this transformer and rewrites the classes it changed back: retransformation runs
     * the remaining transformers only, so the classes lose exactly these calls.
     *
     * @return how many loaded classes were rewritten back
     */
    public int uninstall() {
        Instrumentation current = instrumentation;
        if (current == null || !current.removeTransformer(this)) {
            return 0;
        }
        int restored = 0;
        for (Class<?> loaded : current.getAllLoadedClasses()) {
            if (byInternalName.containsKey(loaded.getName().replace('.', '/'))) {
                retransform(loaded);
                restored++;
            }
        }
        return restored;
    }

    /**
     * Adds {@code call} to its class, seen from {@code loader}: at its definition, or (on the
     * background thread, since this runs inside a transformation) by retransforming it if it was
     * defined before.
     */
    void addLater(AddedCall call, ClassLoader loader) {
        String internalName = call.typeName().replace('.', '/');
        awaitingDefinition.put(internalName, Boolean.TRUE);
        register(call);
        background.execute(() -> {
            try {
                Class<?> type = Class.forName(call.typeName(), false, loader);
                if (awaitingDefinition.remove(internalName) != null) {
                    retransform(type);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                LOG.warn("could not load {} to instrument it: {}", call.typeName(), e.toString());
            }
        });
    }

    private void retransform(Class<?> loaded) {
        try {
            instrumentation.retransformClasses(loaded);
        } catch (Exception | LinkageError e) {
            LOG.warn("could not instrument the already loaded {}: {}", loaded.getName(), e.toString());
        }
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        List<AddedCall> calls = className == null ? null : byInternalName.get(className);
        if (calls == null) {
            return null;
        }
        awaitingDefinition.remove(className);
        try {
            return rewrite(classfileBuffer, calls, loader, this);
        } catch (RuntimeException | LinkageError e) {
            // the host loads its class unchanged: not counted, but running
            LOG.warn("could not instrument {}: {}", className.replace('/', '.'), e.toString());
            return null;
        }
    }

    /** The class with the calls added (frames and max locals kept; max stack raised). */
    static byte[] rewrite(byte[] classFile, List<AddedCall> calls, ClassLoader loader, ExactTypeTransformer transformer) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new CallAddingClassVisitor(writer, calls, loader, transformer), 0);
        return writer.toByteArray();
    }
}
