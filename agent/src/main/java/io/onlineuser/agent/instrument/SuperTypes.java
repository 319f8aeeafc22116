package io.onlineuser.agent.instrument;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds a supertype by name. The agent matches Netty and application types by name, through
 * reflection, because they may come from class loaders it cannot see.
 */
public final class SuperTypes {

    private SuperTypes() {
    }

    /** The class or interface called {@code name} among {@code type}'s supertypes (itself included), or null. */
    public static Class<?> named(Class<?> type, String name) {
        return matching(type, name::equals);
    }

    /** The first of {@code type}'s supertypes (itself first, then breadth-first) whose name {@code name} accepts, or null. */
    public static Class<?> matching(Class<?> type, Predicate<String> name) {
        Deque<Class<?>> pending = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        pending.add(type);
        while (!pending.isEmpty()) {
            Class<?> current = pending.poll();
            if (!seen.add(current)) {
                continue;
            }
            if (name.test(current.getName())) {
                return current;
            }
            if (current.getSuperclass() != null) {
                pending.add(current.getSuperclass());
            }
            for (Class<?> parent : current.getInterfaces()) {
                pending.add(parent);
            }
        }
        return null;
    }

    /**
     * The public method {@code name(parameters)} as declared by the supertype called {@code owner}
     * (its public interface: implementation classes may be package-private), or null. Made
     * accessible where the module system allows, so that {@link #call} skips the access check
     * (a caller-class lookup) on every call: these run on each open and close of a connection.
     */
    public static Method method(Class<?> type, String owner, String name, Class<?>... parameters) {
        Class<?> declaring = type == null ? null : named(type, owner);
        try {
            Method method = declaring == null ? null : declaring.getMethod(name, parameters);
            if (method != null) {
                method.trySetAccessible();
            }
            return method;
        } catch (NoSuchMethodException | RuntimeException e) {
            return null;
        }
    }

    /** {@code method.invoke(target, arguments)}, or null when the method is null or fails. */
    public static Object call(Method method, Object target, Object... arguments) {
        if (method == null || target == null) {
            return null;
        }
        try {
            return method.invoke(target, arguments);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
