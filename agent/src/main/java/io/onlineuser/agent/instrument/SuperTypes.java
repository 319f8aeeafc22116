package io.onlineuser.agent.instrument;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds a supertype by name. The agent matches Netty and application types by name, through
 * reflection, because they may come from class loaders it cannot see.
 */
public final class SuperTypes {

    private SuperTypes() {
    }

    /** The class or interface called {@code name} among {@code type}'s supertypes (itself included), or null. */
    public static Class<?> named(Class<?> type, String name) {
        Deque<Class<?>> pending = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        pending.add(type);
        while (!pending.isEmpty()) {
            Class<?> current = pending.poll();
            if (!seen.add(current)) {
                continue;
            }
            if (current.getName().equals(name)) {
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
}
