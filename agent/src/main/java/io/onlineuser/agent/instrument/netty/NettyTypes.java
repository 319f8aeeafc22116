package io.onlineuser.agent.instrument.netty;

import io.onlineuser.agent.instrument.SuperTypes;

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
        return SuperTypes.matching(type, candidate -> candidate.equals(name) || candidate.endsWith(relocated));
    }

    /** {@code netty} for the stock Netty's classes, {@code netty-relocated} for a relocated copy's. */
    public static String transportOf(Class<?> type) {
        return type.getName().startsWith("io.netty.") ? "netty" : "netty-relocated";
    }
}
