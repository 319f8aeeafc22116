package io.onlineuser.agent.instrument.bytecode;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the agent's calls to classes known by name (Netty's pipeline, the classes of exact-name
 * hooks) with ASM alone: Byte Buddy's agent builder loads about 1,200 classes before it
 * transforms the first one, which on a 2-core connector doubles the time to the first accepted
 * connection. Every other class costs one hash lookup. Adds no members,
 * so it also serves retransformation after a late attach.
 */
public final class ExactTypeTransformer implements ClassFileTransformer {

    private static final Logger LOG = LoggerFactory.getLogger(ExactTypeTransformer.class);

    private final Map<String, List<AddedCall>> byInternalName = new HashMap<>();

    public ExactTypeTransformer(Collection<? extends AddedCall> calls) {
        for (AddedCall each : calls) {
            byInternalName.computeIfAbsent(each.typeName().replace('.', '/'), name -> new ArrayList<>()).add(each);
        }
    }

    /** Registers this transformer and, after a late attach, rewrites the matching classes already loaded. */
    public void install(Instrumentation instrumentation, boolean retransformLoaded) {
        instrumentation.addTransformer(this, true);
        if (!retransformLoaded) {
            return;
        }
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (byInternalName.containsKey(loaded.getName().replace('.', '/'))) {
                try {
                    instrumentation.retransformClasses(loaded);
                } catch (Exception | LinkageError e) {
                    LOG.warn("could not instrument the already loaded {}: {}", loaded.getName(), e.toString());
                }
            }
        }
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        List<AddedCall> calls = className == null ? null : byInternalName.get(className);
        if (calls == null) {
            return null;
        }
        try {
            return rewrite(classfileBuffer, calls);
        } catch (RuntimeException | LinkageError e) {
            // the host loads its class unchanged: not counted, but running
            LOG.warn("could not instrument {}: {}", className.replace('/', '.'), e.toString());
            return null;
        }
    }

    /** The class with the calls added (frames and max locals kept; max stack raised). */
    static byte[] rewrite(byte[] classFile, List<AddedCall> calls) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new CallAddingClassVisitor(writer, calls), 0);
        return writer.toByteArray();
    }
}
