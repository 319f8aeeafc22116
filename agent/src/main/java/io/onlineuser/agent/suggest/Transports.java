package io.onlineuser.agent.suggest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which transports' connection classes a JVM has loaded: a JVM with none is no server the agent counts. */
final class Transports {

    private static final Map<String, String> CONNECTION_CLASSES = new LinkedHashMap<>();

    static {
        CONNECTION_CLASSES.put("io.netty.channel.Channel", "Netty");
        CONNECTION_CLASSES.put("org.apache.mina.core.session.IoSession", "MINA");
        CONNECTION_CLASSES.put("org.java_websocket.WebSocket", "Java-WebSocket");
        CONNECTION_CLASSES.put("jakarta.websocket.Session", "Jakarta WebSocket");
    }

    private Transports() {
    }

    /** The transports found, e.g. {@code [Netty, MINA]}; a relocated Netty shows as {@code Netty (relocated)}. */
    static List<String> loaded(Class<?>[] classes) {
        List<String> found = new ArrayList<>();
        for (Class<?> type : classes) {
            String name = type.getName();
            String transport = CONNECTION_CLASSES.get(name);
            if (transport == null && name.endsWith(".io.netty.channel.Channel") && !name.startsWith("io.onlineuser.agent.")) {
                transport = "Netty (relocated)";
            }
            if (transport != null && !found.contains(transport)) {
                found.add(transport);
            }
        }
        return found;
    }
}
