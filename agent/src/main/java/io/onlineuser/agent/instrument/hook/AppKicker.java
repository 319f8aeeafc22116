package io.onlineuser.agent.instrument.hook;

import io.onlineuser.agent.instrument.Connections;
import io.onlineuser.agent.track.SessionKicker;
import java.lang.ref.WeakReference;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.function.Consumer;

/**
 * Kicks a session the application's way when {@code hook.kick} names its kick method (so the
 * client is told why), else by closing the session's channel. The kick method is called on the
 * session itself ({@code session=this}), statically, or on the object whose bind method logged the
 * session in (typically the application's single session service), remembered weakly.
 */
public final class AppKicker implements SessionKicker {

    private final HookSpec kickSpec;
    private final Consumer<String> problems;
    private volatile WeakReference<Object> bindTarget = new WeakReference<>(null);
    private volatile boolean kickMethodFailed;

    /** {@code kickSpec} null: always close the channel. */
    public AppKicker(HookSpec kickSpec, Consumer<String> problems) {
        this.kickSpec = kickSpec;
        this.problems = problems;
    }

    /** Remembers {@code this} of the bind method; called on every login, allocates only when it changes. */
    void rememberBindTarget(Object self) {
        if (self != null && bindTarget.get() != self) {
            bindTarget = new WeakReference<>(self);
        }
    }

    @Override
    public boolean kick(Object session, Object channel, String reason) {
        if (kickSpec != null && !kickMethodFailed) {
            try {
                return callKickMethod(session, reason);
            } catch (ReflectiveOperationException | RuntimeException e) {
                kickMethodFailed = true;
                Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
                problems.accept("hook.kick: calling " + kickSpec.target() + " failed (" + cause
                        + "); kicks close the connection from now on");
            }
        }
        return Connections.close(channel);
    }

    private boolean callKickMethod(Object session, String reason) throws ReflectiveOperationException {
        Object target = kickSpec.session().root().isThis() ? session : bindTarget.get();
        Class<?> searchFrom = target != null ? target.getClass() : loadKickType(session);
        Method method = findMethod(searchFrom, session);
        if (!Modifier.isStatic(method.getModifiers()) && target == null) {
            throw new IllegalStateException("no instance of " + kickSpec.typeName() + " seen by hook.bind yet");
        }
        Object[] args = defaultArguments(method.getParameterTypes());
        if (!kickSpec.session().root().isThis()) {
            args[kickSpec.session().root().index()] = session;
        }
        if (kickSpec.reason() != null) {
            args[kickSpec.reason().index()] = reason;
        }
        Object result = method.invoke(Modifier.isStatic(method.getModifiers()) ? null : target, args);
        return !(result instanceof Boolean) || (Boolean) result;
    }

    private Class<?> loadKickType(Object session) throws ClassNotFoundException {
        ClassLoader loader = session == null ? null : session.getClass().getClassLoader();
        return Class.forName(kickSpec.typeName(), false, loader);
    }

    /**
     * The kick method whose parameters take this session and a String reason: overloads of the
     * same arity are common (SessionService#kick(Session, String) beside #kick(String, String)).
     */
    private Method findMethod(Class<?> type, Object session) throws NoSuchMethodException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.getName().equals(kickSpec.methodName())
                        && method.getParameterCount() == kickSpec.arity()
                        && !Modifier.isAbstract(method.getModifiers())
                        && accepts(method.getParameterTypes(), session)) {
                    method.setAccessible(true);
                    return method;
                }
            }
        }
        throw new NoSuchMethodException(type.getName() + " has no method " + kickSpec.methodName() + " with "
                + kickSpec.arity() + " parameter(s) taking " + kickSpec.session() + "=" + session.getClass().getName()
                + (kickSpec.reason() == null ? "" : " and " + kickSpec.reason() + "=String"));
    }

    private boolean accepts(Class<?>[] parameters, Object session) {
        boolean sessionFits = kickSpec.session().root().isThis() || parameters[kickSpec.session().root().index()].isInstance(session);
        boolean reasonFits = kickSpec.reason() == null
                || parameters[kickSpec.reason().index()].isAssignableFrom(String.class);
        return sessionFits && reasonFits;
    }

    private static Object[] defaultArguments(Class<?>[] types) {
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i] == boolean.class) {
                args[i] = false;
            } else if (types[i] == char.class) {
                args[i] = '\0';
            } else if (types[i] == byte.class) {
                args[i] = (byte) 0;
            } else if (types[i] == short.class) {
                args[i] = (short) 0;
            } else if (types[i].isPrimitive()) {
                args[i] = 0;
            }
        }
        return args;
    }
}
