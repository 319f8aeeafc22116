package io.onlineuser.agent.instrument.hook;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Which methods a hook applies to, for both ways hooks are woven in (ASM for classes named
 * exactly, Byte Buddy for {@code Type+}): the method's name and parameter count, code of its own
 * (not abstract, native, or a compiler bridge, which only forwards to the method that runs), and
 * not static when the description reads {@code this}.
 */
final class HookedMethods {

    private static final int WITHOUT_OWN_CODE = Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE;

    private HookedMethods() {
    }

    /** {@code access}: the method's access flags as in the class file (ACC_BRIDGE included). */
    static boolean matches(HookSpec spec, int access, String name, int arity) {
        if (!spec.methodName().equals(name) || spec.arity() != arity || (access & WITHOUT_OWN_CODE) != 0) {
            return false;
        }
        return !readsThis(spec) || !Modifier.isStatic(access);
    }

    /** The same rule for a method seen through reflection (which keeps the bridge flag apart). */
    static boolean matches(HookSpec spec, Method method) {
        int access = method.getModifiers() | (method.isBridge() ? Opcodes.ACC_BRIDGE : 0);
        return matches(spec, access, method.getName(), method.getParameterCount());
    }

    /** The same rule for Byte Buddy's agent builder. */
    static ElementMatcher.Junction<MethodDescription> matcher(HookSpec spec) {
        return new ElementMatcher.Junction.AbstractBase<>() {
            @Override
            public boolean matches(MethodDescription method) {
                return HookedMethods.matches(spec, method.getModifiers(), method.getInternalName(),
                        method.getParameters().size());
            }

            @Override
            public String toString() {
                return "hooked methods of " + spec.target();
            }
        };
    }

    private static boolean readsThis(HookSpec spec) {
        return spec.session().root().isThis() || (spec.uid() != null && spec.uid().root().isThis());
    }
}
