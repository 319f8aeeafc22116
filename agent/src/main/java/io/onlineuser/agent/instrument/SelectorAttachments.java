package io.onlineuser.agent.instrument;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.ConcurrentModificationException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After a late attach: what NIO frameworks (MINA) attached to their selection keys, found through
 * the selectors their threads wait in. A thread blocked in {@code Selector.select} has the
 * selector's interruptor as its blocker ({@code Thread.blocker}, {@code nioBlocker} from Java 21),
 * and the interruptor holds its selector; each key's attachment is the framework's connection.
 * Selectors no thread waits in at that moment (a busy I/O thread) are not seen.
 */
public final class SelectorAttachments {

    private SelectorAttachments() {
    }

    /** The attachments of the keys of every selector a thread waits in now; empty when the JDK does not allow the look. */
    public static List<Object> find(Instrumentation instrumentation) {
        Field blocker = blockerField(instrumentation);
        List<Object> attachments = new ArrayList<>();
        if (blocker == null) {
            return attachments;
        }
        Set<Selector> selectors = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            try {
                Object interruptor = blocker.get(thread);
                if (interruptor != null) {
                    selectors.addAll(selectorsHeldBy(interruptor));
                }
            } catch (IllegalAccessException | RuntimeException e) {
                // this thread's blocker cannot be read: skip it
            }
        }
        for (Selector selector : selectors) {
            attachments.addAll(attachmentsOf(selector));
        }
        return attachments;
    }

    private static List<Selector> selectorsHeldBy(Object interruptor) {
        List<Selector> found = new ArrayList<>();
        for (Field field : interruptor.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                continue;
            }
            try {
                field.setAccessible(true);
                Object value = field.get(interruptor);
                if (value instanceof Selector) {
                    found.add((Selector) value);
                }
            } catch (IllegalAccessException | RuntimeException e) {
                // not readable: try the next field
            }
        }
        return found;
    }

    /** Keys change while the framework runs: a copy that fails is tried again a few times. */
    private static List<Object> attachmentsOf(Selector selector) {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                List<Object> attachments = new ArrayList<>();
                for (SelectionKey key : selector.keys().toArray(new SelectionKey[0])) {
                    Object attachment = key.attachment();
                    if (attachment != null && key.isValid()) {
                        attachments.add(attachment);
                    }
                }
                return attachments;
            } catch (ConcurrentModificationException | java.nio.channels.ClosedSelectorException e) {
                // changed under us, or closed: try again (a closed one gives nothing)
            }
        }
        return List.of();
    }

    private static Field blockerField(Instrumentation instrumentation) {
        try {
            Module agent = SelectorAttachments.class.getModule();
            instrumentation.redefineModule(Thread.class.getModule(), Set.of(), Map.of(),
                    Map.of("java.lang", Set.of(agent), "java.nio.channels.spi", Set.of(agent)), Set.of(), Map.of());
            for (String name : List.of("nioBlocker", "blocker")) {
                try {
                    Field field = Thread.class.getDeclaredField(name);
                    field.setAccessible(true);
                    return field;
                } catch (NoSuchFieldException e) {
                    // the other JDK's name
                }
            }
        } catch (RuntimeException e) {
            // modules cannot be opened here: nothing can be found
        }
        return null;
    }
}
