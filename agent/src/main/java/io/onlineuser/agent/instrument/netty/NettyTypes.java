package io.onlineuser.agent.instrument.netty;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds a Netty supertype by name, in the stock Netty ({@code io.netty.channel.Channel}) or in a
 * copy relocated inside another library ({@code io.grpc.netty.shaded.io.netty.channel.Channel}):
 * a relocated copy keeps Netty's names after its own prefix.
 */
public final class NettyTypes {

    private NettyTypes() {
    }

    /** The supertype of {@code type} (itself included) called {@code name}, or {@code <prefix>.name}; null when none. */
    public static Class<?> named(Class<?> type, String name) {
        String relocated = "." + name;
        Deque<Class<?>> pending = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        pending.add(type);
        while (!pending.isEmpty()) {
            Class<?> current = pending.poll();
            if (!seen.add(current)) {
                continue;
            }
            String currentName = current.getName();
            if (currentName.equals(name) || currentName.endsWith(relocated)) {
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

    /** {@code netty} for the stock Netty's classes, {@code netty-relocated} for a relocated copy's. */
    public static String transportOf(Class<?> type) {
        return type.getName().startsWith("io.netty.") ? "netty" : "netty-relocated";
    }
}
