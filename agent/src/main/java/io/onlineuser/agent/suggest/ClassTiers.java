package io.onlineuser.agent.suggest;

import java.io.IOException;
import java.util.List;
import java.util.jar.JarFile;

/**
 * Whose code a loaded class is: the JDK's and the agent's (never proposed), a well-known framework
 * or library (proposed with {@code --all} only), or the server's own, which ranks highest when it
 * shares its package with the main class.
 */
final class ClassTiers {

    enum Tier {
        /** The JDK, the agent, generated classes: never proposed. */
        NEVER,
        /** A framework's or library's internals. */
        LIBRARY,
        /** The server's own code. */
        OWN,
        /** The server's own code, in the main class's package or below its first two names. */
        MAIN
    }

    /** Packages of frameworks and libraries a game server runs on, and of the JDK. */
    private static final List<String> LIBRARIES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "jakarta.",
            "io.netty.", "org.apache.", "io.vertx.", "com.corundumstudio.", "org.java_websocket.", "io.grpc.",
            "com.google.", "com.fasterxml.", "org.slf4j.", "ch.qos.", "org.eclipse.", "org.springframework.",
            "org.jboss.", "io.undertow.", "io.micrometer.", "io.socket.", "okhttp3.", "okio.", "kotlin.", "kotlinx.",
            "scala.", "groovy.", "org.codehaus.", "org.json.", "io.reactivex.", "reactor.", "org.jctools.",
            "com.esotericsoftware.", "org.objectweb.", "net.bytebuddy.", "org.junit.", "org.assertj.", "org.awaitility.",
            "org.hamcrest.", "org.yaml.", "com.typesafe.", "akka.", "io.perfmark.", "io.opentelemetry.",
            "org.jolokia.", "com.zaxxer.", "org.hibernate.", "org.h2.", "com.mysql.", "org.postgresql.", "redis.",
            "io.lettuce.", "org.redisson.", "com.alibaba.", "org.mybatis.", "io.onlineuser.testkit.");
    private static final String AGENT = "io.onlineuser.agent.";

    private final String mainPrefix;

    private ClassTiers(String mainPrefix) {
        this.mainPrefix = mainPrefix;
    }

    /** For a JVM whose main class is {@code mainClass}. */
    static ClassTiers forMainClass(String mainClass) {
        return new ClassTiers(prefixOf(mainClass));
    }

    /** For this JVM: the main class from {@code sun.java.command} (a jar's {@code Main-Class}). */
    static ClassTiers ofThisJvm() {
        return new ClassTiers(prefixOf(mainClass(System.getProperty("sun.java.command", ""))));
    }

    Tier of(Class<?> type) {
        String name = type.getName();
        ClassLoader loader = type.getClassLoader();
        if (loader == null || loader == ClassLoader.getPlatformClassLoader() || name.startsWith(AGENT)
                || type.isSynthetic() || name.contains("$$") || name.contains("/") || type.isArray()) {
            return Tier.NEVER;
        }
        for (String library : LIBRARIES) {
            if (name.startsWith(library)) {
                return Tier.LIBRARY;
            }
        }
        return !mainPrefix.isEmpty() && name.startsWith(mainPrefix) ? Tier.MAIN : Tier.OWN;
    }

    /** The main class's package up to its first two names ({@code com.game.} for {@code com.game.server.Main}). */
    private static String prefixOf(String mainClass) {
        String[] parts = mainClass.split("\\.");
        if (parts.length < 2) {
            return "";
        }
        return parts.length == 2 ? parts[0] + "." : parts[0] + "." + parts[1] + ".";
    }

    private static String mainClass(String command) {
        String first = command.trim().split("\\s+")[0];
        if (!first.endsWith(".jar")) {
            return first;
        }
        try (JarFile jar = new JarFile(first)) {
            String main = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes().getValue("Main-Class");
            return main == null ? "" : main.trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
