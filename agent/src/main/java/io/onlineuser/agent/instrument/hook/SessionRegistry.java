package io.onlineuser.agent.instrument.hook;

import io.onlineuser.agent.instrument.Connections;
import io.onlineuser.agent.instrument.netty.RemoteAddresses;
import io.onlineuser.agent.track.OnlineTracker;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the application keeps its sessions, read once after a late attach so that players
 * logged in before it are counted ({@code sessions.registry}):
 * <pre>
 *   Type#member[.step...] uid=PATH [session=PATH]
 *   member = a static field, or a static method without parameters (name())
 *   PATH   = entry followed by .field or .getter() steps, e.g. entry.uid() (session: default entry)
 * </pre>
 * The member and steps lead to a {@code Map} (its values are the entries), a {@code Collection}
 * or an array. An entry whose uid is null is not logged in; its session is keyed as a hook's
 * {@code session=} value is, so that the application's later unbind, or the connection's close,
 * ends it.
 */
public final class SessionRegistry {

    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*");

    private final String text;
    private final String typeName;
    private final List<PathStep> toContainer;
    private final List<PathStep> toUid;
    private final List<PathStep> toSession;

    private SessionRegistry(String text, String typeName, List<PathStep> toContainer, List<PathStep> toUid,
                            List<PathStep> toSession) {
        this.text = text;
        this.typeName = typeName;
        this.toContainer = toContainer;
        this.toUid = toUid;
        this.toSession = toSession;
    }

    /** @throws HookFormatException with what is wrong and an example */
    public static SessionRegistry parse(String text) {
        String[] tokens = text.trim().split("\\s+");
        int hash = tokens[0].indexOf('#');
        if (hash <= 0 || hash == tokens[0].length() - 1) {
            throw problem(text, "'" + tokens[0] + "' is not Type#member");
        }
        List<PathStep> toContainer = steps(text, tokens[0].substring(hash + 1));
        List<PathStep> toUid = null;
        List<PathStep> toSession = List.of();
        for (int i = 1; i < tokens.length; i++) {
            if (tokens[i].startsWith("uid=")) {
                toUid = entryPath(text, tokens[i].substring(4));
            } else if (tokens[i].startsWith("session=")) {
                toSession = entryPath(text, tokens[i].substring(8));
            } else {
                throw problem(text, "'" + tokens[i] + "' is not uid=PATH or session=PATH");
            }
        }
        if (toUid == null) {
            throw problem(text, "'uid=' is missing");
        }
        return new SessionRegistry(text.trim(), tokens[0].substring(0, hash), toContainer, toUid, toSession);
    }

    private static List<PathStep> entryPath(String text, String path) {
        if (!path.equals("entry") && !path.startsWith("entry.")) {
            throw problem(text, "'" + path + "' must start with entry (one element of the registry)");
        }
        return path.equals("entry") ? List.of() : steps(text, path.substring("entry.".length()));
    }

    private static List<PathStep> steps(String text, String path) {
        List<PathStep> steps = new ArrayList<>();
        for (String part : path.split("\\.", -1)) {
            boolean call = part.endsWith("()");
            String name = call ? part.substring(0, part.length() - 2) : part;
            if (!IDENTIFIER.matcher(name).matches()) {
                throw problem(text, "step '" + part + "' is not a field name or a no-argument method call like uid()");
            }
            steps.add(new PathStep(name, call));
        }
        return steps;
    }

    private static HookFormatException problem(String text, String what) {
        return new HookFormatException("sessions.registry='" + text + "': " + what
                + "; e.g. 'com.example.SessionService#instance().sessions uid=entry.uid()'");
    }

    /**
     * Counts the sessions the registry holds now.
     *
     * @param loaded the application's loaded classes, to find {@code Type} in its class loader
     * @return how many sessions were counted
     * @throws PathException when the registry cannot be read (class not loaded, member missing, not a container)
     */
    public int countInto(OnlineTracker tracker, SessionKeys keys, Collection<Class<?>> loaded) throws PathException {
        Object container = staticValue(find(loaded));
        for (int i = 1; i < toContainer.size(); i++) {
            container = toContainer.get(i).apply(container);
        }
        int counted = 0;
        for (Object entry : entries(container)) {
            Object uid = follow(toUid, entry);
            Object session = uid == null ? null : keys.keyOf(follow(toSession, entry), "sessions.registry's session");
            Object channel = SessionChannels.channelOf(session);
            if (session == null || (channel != null && !Connections.isOpen(channel))) {
                continue;
            }
            tracker.sessionBound(session, uid.toString(), channel, RemoteAddresses.format(Connections.remoteAddress(channel)));
            counted++;
        }
        return counted;
    }

    private Class<?> find(Collection<Class<?>> loaded) throws PathException {
        for (Class<?> type : loaded) {
            if (type.getName().equals(typeName)) {
                return type;
            }
        }
        throw new PathException("class " + typeName + " is not loaded");
    }

    private Object staticValue(Class<?> type) throws PathException {
        PathStep first = toContainer.get(0);
        try {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                Object value = first.isCall() ? staticCall(c, first.name()) : staticField(c, first.name());
                if (value != NOT_FOUND) {
                    return value;
                }
            }
        } catch (InvocationTargetException e) {
            throw new PathException(typeName + "." + first + " threw " + e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new PathException("cannot read " + typeName + "." + first + ": " + e);
        }
        throw new PathException(typeName + " has no static " + (first.isCall() ? "method " : "field ") + first);
    }

    private static final Object NOT_FOUND = new Object();

    private static Object staticCall(Class<?> type, String name) throws ReflectiveOperationException {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == 0 && Modifier.isStatic(method.getModifiers())) {
                method.setAccessible(true);
                return method.invoke(null);
            }
        }
        return NOT_FOUND;
    }

    private static Object staticField(Class<?> type, String name) throws ReflectiveOperationException {
        for (Field field : type.getDeclaredFields()) {
            if (field.getName().equals(name) && Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                return field.get(null);
            }
        }
        return NOT_FOUND;
    }

    private Iterable<?> entries(Object container) throws PathException {
        if (container instanceof Map) {
            return ((Map<?, ?>) container).values();
        }
        if (container instanceof Collection) {
            return (Collection<?>) container;
        }
        if (container instanceof Object[]) {
            return Arrays.asList((Object[]) container);
        }
        throw new PathException(typeName + "#" + pathText(toContainer) + " gave "
                + (container == null ? "null" : container.getClass().getName()) + ", not a Map, Collection or array");
    }

    private static Object follow(List<PathStep> steps, Object entry) throws PathException {
        Object value = entry;
        for (PathStep step : steps) {
            value = step.apply(value);
        }
        return value;
    }

    private static String pathText(List<PathStep> steps) {
        StringBuilder text = new StringBuilder();
        for (PathStep step : steps) {
            text.append(text.length() == 0 ? "" : ".").append(step);
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
