package io.onlineuser.agent.suggest;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The loaded concrete classes behind a declared interface or abstract class: a framework's
 * {@code ServerWebSocket} parameter is, at run time, its implementation, whose fields may hold the
 * connection. Found once per asked type, in the order the JVM lists its classes.
 */
final class LoadedTypes {

    private final Class<?>[] loaded;
    private final Map<Class<?>, List<Class<?>>> implementations = new HashMap<>();

    LoadedTypes(Class<?>[] loaded) {
        this.loaded = loaded.clone();
    }

    /**
     * The loaded concrete classes assignable to {@code type}, when it is an interface or abstract class
     * of the application's or a library's (the JDK's own, such as {@code Map} or {@code Object}, lead
     * nowhere in particular); otherwise empty.
     */
    List<Class<?>> implementationsOf(Class<?> type) {
        if ((!type.isInterface() && !Modifier.isAbstract(type.getModifiers())) || type.isArray() || type.isPrimitive()
                || isJdk(type)) {
            return List.of();
        }
        return implementations.computeIfAbsent(type, this::find);
    }

    private List<Class<?>> find(Class<?> type) {
        List<Class<?>> found = new ArrayList<>();
        for (Class<?> candidate : loaded) {
            if (!candidate.isInterface() && !Modifier.isAbstract(candidate.getModifiers()) && !candidate.isArray()
                    && type.isAssignableFrom(candidate)) {
                found.add(candidate);
            }
        }
        return found;
    }

    private static boolean isJdk(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader == null || loader == ClassLoader.getPlatformClassLoader();
    }
}
