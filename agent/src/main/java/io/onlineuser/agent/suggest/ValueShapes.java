package io.onlineuser.agent.suggest;

import io.onlineuser.agent.instrument.Connections;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Which value of a method can be a hook's session or uid, read from types only (nothing is called):
 * a connection of a known transport (see {@link Connections}), an object with a field or getter that
 * leads to one (for a declared interface or abstract class, also a field of a loaded implementation),
 * or to the remote address; an id-like parameter (String, long, int, UUID) or an object with an
 * id-like getter or field ({@code uid()}, {@code getUserId()}, {@code playerId}).
 */
final class ValueShapes {

    /** Getter and field names that hold a player's id, best first. */
    private static final List<String> ID_NAMES = List.of("uid", "userid", "playerid", "accountid", "roleid", "username",
            "playername", "account", "login");
    private static final List<Class<?>> ID_TYPES = List.of(String.class, UUID.class, long.class, Long.class, int.class,
            Integer.class, CharSequence.class);

    private ValueShapes() {
    }

    /** A path to a value and why it was chosen; {@code score} ranks one shape against another. */
    static final class Shape {
        final String path;
        final String why;
        final int score;

        Shape(String path, String why, int score) {
            this.path = path;
            this.why = why;
            this.score = score;
        }
    }

    /**
     * What {@code root} (this or argN, declared as {@code type}) gives as a session, or null.
     *
     * @param loaded the JVM's loaded classes, for what a declared interface is at run time
     * @param pathAllowed false for {@code hook.kick}, whose session is this or argN itself
     */
    static Shape session(String root, Class<?> type, LoadedTypes loaded, boolean pathAllowed) {
        if (type.isPrimitive() || type.isArray() || ID_TYPES.contains(type)) {
            return null;
        }
        if (Connections.holds(type)) {
            return new Shape(root, root + " is a " + type.getSimpleName() + " (a connection)", 25);
        }
        Field field = connectionField(type);
        if (field != null) {
            return new Shape(root, root + " (" + type.getSimpleName() + ") holds its connection in field '"
                    + field.getName() + "' (" + field.getType().getSimpleName() + ")", 22);
        }
        for (Class<?> implementation : loaded.implementationsOf(type)) {
            Field held = connectionField(implementation);
            if (held != null) {
                return new Shape(root, root + " (" + type.getSimpleName() + ") is at run time a "
                        + implementation.getSimpleName() + ", which holds its connection in field '" + held.getName()
                        + "' (" + held.getType().getSimpleName() + ")", 20);
            }
        }
        if (!pathAllowed) {
            return null;
        }
        for (Method getter : getters(type)) {
            if (Connections.holds(getter.getReturnType())) {
                return new Shape(root + "." + getter.getName() + "()", root + "." + getter.getName() + "() gives its "
                        + getter.getReturnType().getSimpleName() + " (a connection)", 18);
            }
        }
        for (Method getter : getters(type)) {
            if (SocketAddress.class.isAssignableFrom(getter.getReturnType())
                    && getter.getName().toLowerCase(Locale.ROOT).contains("remote")) {
                return new Shape(root + "." + getter.getName() + "()", root + "." + getter.getName()
                        + "() gives the connection's remote address", 14);
            }
        }
        return null;
    }

    /** A parameter that is itself an id, or null. */
    static Shape uidParameter(String root, Class<?> type) {
        if (!ID_TYPES.contains(type)) {
            return null;
        }
        int score = type == String.class || type == UUID.class ? 15 : 12;
        return new Shape(root, root + " is a " + type.getSimpleName() + " (an id)", score);
    }

    /** An id-like getter or field of {@code root}'s type, or null. */
    static Shape uidInside(String root, Class<?> type) {
        if (type.isPrimitive() || type.isArray() || ID_TYPES.contains(type)) {
            return null;
        }
        for (String name : ID_NAMES) {
            for (Method getter : getters(type)) {
                if (ID_TYPES.contains(getter.getReturnType()) && idName(getter.getName()).equals(name)) {
                    return new Shape(root + "." + getter.getName() + "()", root + "." + getter.getName() + "() gives a "
                            + getter.getReturnType().getSimpleName() + " (an id)", 10);
                }
            }
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : declaredFields(c)) {
                    if (!Modifier.isStatic(field.getModifiers()) && ID_TYPES.contains(field.getType())
                            && idName(field.getName()).equals(name)) {
                        return new Shape(root + "." + field.getName(), root + "." + field.getName() + " is a "
                                + field.getType().getSimpleName() + " (an id)", 8);
                    }
                }
            }
        }
        return null;
    }

    /** {@code getUserId}, {@code userId}, {@code user_id} all give {@code userid}. */
    private static String idName(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace("_", "");
        return lower.startsWith("get") && lower.length() > 3 ? lower.substring(3) : lower;
    }

    private static Field connectionField(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : declaredFields(c)) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()
                        && Connections.holds(field.getType())) {
                    return field;
                }
            }
        }
        return null;
    }

    /** Public instance methods without parameters that return something, in a stable order. */
    private static List<Method> getters(Class<?> type) {
        try {
            Method[] methods = type.getMethods();
            Arrays.sort(methods, Comparator.comparing(Method::getName));
            List<Method> getters = new ArrayList<>();
            for (Method method : methods) {
                if (method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                        && method.getReturnType() != void.class && method.getDeclaringClass() != Object.class) {
                    getters.add(method);
                }
            }
            return getters;
        } catch (LinkageError | RuntimeException e) {
            return List.of();
        }
    }

    private static Field[] declaredFields(Class<?> type) {
        try {
            return type.getDeclaredFields();
        } catch (LinkageError | RuntimeException e) {
            return new Field[0];
        }
    }
}
