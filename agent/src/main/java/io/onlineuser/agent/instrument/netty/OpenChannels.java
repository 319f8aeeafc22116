package io.onlineuser.agent.instrument.netty;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the Netty channels that are open when the agent attaches late, so that connections
 * already there are counted too. No registry of channels exists in Netty: they are reachable from
 * the event loops that serve them, and the event loops from their threads (a Netty thread keeps
 * its event loop in its thread-local map; any thread's task is its event loop's run loop). The
 * walk starts at every live thread and follows only what Netty's own classes hold (fields declared
 * by {@code io.netty.*} classes, arrays, and the keys of a NIO {@link Selector}); it stops at each
 * channel, never enters the application's objects, and gives up after {@link #MAX_OBJECTS}.
 */
public final class OpenChannels {

    /** About 1 s of walking on a loaded 2-core machine; far more than 100,000 connections need. */
    static final int MAX_OBJECTS = 3_000_000;

    private static final String NETTY = "io.netty.";
    private static final ClassValue<Field[]> NETTY_FIELDS = new ClassValue<>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
            return nettyFields(type);
        }
    };

    private final List<Object> serverChannels = new ArrayList<>();
    private final List<Object> acceptedChannels = new ArrayList<>();
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Deque<Object> pending = new ArrayDeque<>();
    private boolean complete = true;

    private OpenChannels() {
    }

    /** Walks from every live thread; {@code instrumentation} opens {@code java.lang} to read threads' tasks. */
    public static OpenChannels find(Instrumentation instrumentation) {
        OpenChannels found = new OpenChannels();
        ThreadTasks tasks = ThreadTasks.open(instrumentation);
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            found.visit(thread);
            found.visit(tasks.taskOf(thread));
        }
        found.walk();
        return found;
    }

    /** Server channels found (listeners), whether or not they accepted anything. */
    public List<Object> serverChannels() {
        return serverChannels;
    }

    /** Channels whose parent is a server channel: accepted connections. */
    public List<Object> acceptedChannels() {
        return acceptedChannels;
    }

    /** Objects looked at. */
    public int visited() {
        return seen.size();
    }

    /** False when the walk stopped at {@link #MAX_OBJECTS}: some connections may be missing. */
    public boolean complete() {
        return complete;
    }

    private void visit(Object object) {
        if (object != null && seen.add(object)) {
            pending.add(object);
        }
    }

    private void walk() {
        while (!pending.isEmpty()) {
            if (seen.size() > MAX_OBJECTS) {
                complete = false;
                return;
            }
            Object object = pending.poll();
            try {
                follow(object);
            } catch (RuntimeException | LinkageError e) {
                // a field that cannot be read (a module that is not open, a class that went away): skip it
            }
        }
    }

    private void follow(Object object) {
        if (NettyChannels.isChannel(object)) {
            Object parent = NettyChannels.parent(object);
            if (AcceptedChannels.isAcceptedBy(parent)) {
                acceptedChannels.add(object);
                visit(parent);
            } else if (AcceptedChannels.isServerChannel(object)) {
                serverChannels.add(object);
            }
            return;
        }
        if (object instanceof Selector) {
            for (SelectionKey key : ((Selector) object).keys()) {
                visit(key.attachment());
            }
        }
        Class<?> type = object.getClass();
        if (type.isArray()) {
            if (!type.getComponentType().isPrimitive()) {
                int length = Array.getLength(object);
                for (int i = 0; i < length; i++) {
                    visit(Array.get(object, i));
                }
            }
            return;
        }
        for (Field field : NETTY_FIELDS.get(type)) {
            try {
                visit(field.get(object));
            } catch (IllegalAccessException e) {
                // not readable after all: skip this field
            }
        }
    }

    /** Reference fields declared by Netty's classes in {@code type}'s hierarchy, made readable. */
    private static Field[] nettyFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (!c.getName().startsWith(NETTY)) {
                continue;
            }
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    fields.add(field);
                } catch (RuntimeException notOpen) {
                    // Netty in a named module that does not open this package to the agent
                }
            }
        }
        return fields.toArray(new Field[0]);
    }

    /** A thread's task (its Runnable): for a Netty thread not made by Netty's factory, its event loop's run loop. */
    private static final class ThreadTasks {
        private final Field holder;
        private final Field task;

        private ThreadTasks(Field holder, Field task) {
            this.holder = holder;
            this.task = task;
        }

        static ThreadTasks open(Instrumentation instrumentation) {
            try {
                instrumentation.redefineModule(Thread.class.getModule(), Set.of(), Map.of(),
                        Map.of("java.lang", Set.of(OpenChannels.class.getModule())), Set.of(), Map.of());
                Field target = field(Thread.class, "target");
                if (target != null) {
                    return new ThreadTasks(null, target);
                }
                // Java 19+: the task sits in the thread's FieldHolder
                Field holder = field(Thread.class, "holder");
                Field task = holder == null ? null : field(holder.getType(), "task");
                return new ThreadTasks(task == null ? null : holder, task);
            } catch (RuntimeException e) {
                return new ThreadTasks(null, null);
            }
        }

        Object taskOf(Thread thread) {
            try {
                if (task == null) {
                    return null;
                }
                return task.get(holder == null ? thread : holder.get(thread));
            } catch (IllegalAccessException | RuntimeException e) {
                return null;
            }
        }

        private static Field field(Class<?> type, String name) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException | RuntimeException e) {
                return null;
            }
        }
    }
}
