package io.onlineuser.agent.instrument.hook;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * One step of a uid path: a no-argument method ({@code uid()}) or a field ({@code user}),
 * looked up by name on the runtime class of the object at hand, private members and superclasses
 * included. The member found is cached per class, so a step costs one reflective call after the
 * first use.
 */
final class PathStep {

    private final String name;
    private final boolean call;
    private final ClassValue<AccessibleObject> members = new ClassValue<>() {
        @Override
        protected AccessibleObject computeValue(Class<?> type) {
            return find(type);
        }
    };

    PathStep(String name, boolean call) {
        this.name = name;
        this.call = call;
    }

    String name() {
        return name;
    }

    boolean isCall() {
        return call;
    }

    Object apply(Object target) throws PathException {
        if (target == null) {
            throw new PathException("'" + this + "' was applied to null");
        }
        AccessibleObject member = members.get(target.getClass());
        if (member == null) {
            throw new PathException(target.getClass().getName() + " has no " + (call ? "method " : "field ") + this);
        }
        try {
            return call ? ((Method) member).invoke(target) : ((Field) member).get(target);
        } catch (InvocationTargetException e) {
            throw new PathException(this + " threw " + e.getCause());
        } catch (IllegalAccessException | RuntimeException e) {
            throw new PathException("cannot read " + this + " of " + target.getClass().getName() + ": " + e);
        }
    }

    private AccessibleObject find(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            AccessibleObject member = call ? declaredMethod(c) : declaredField(c);
            if (member != null && makeAccessible(member)) {
                return member;
            }
        }
        if (call) {
            try {
                Method method = type.getMethod(name);
                return makeAccessible(method) ? method : null;
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
        return null;
    }

    private Method declaredMethod(Class<?> c) {
        for (Method method : c.getDeclaredMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == 0
                    && !Modifier.isStatic(method.getModifiers())) {
                return method;
            }
        }
        return null;
    }

    private Field declaredField(Class<?> c) {
        for (Field field : c.getDeclaredFields()) {
            if (field.getName().equals(name) && !Modifier.isStatic(field.getModifiers())) {
                return field;
            }
        }
        return null;
    }

    private static boolean makeAccessible(AccessibleObject member) {
        try {
            member.setAccessible(true);
            return true;
        } catch (RuntimeException e) {
            // a class of a named module that does not open its package: nothing the agent may read
            return false;
        }
    }

    @Override
    public String toString() {
        return call ? name + "()" : name;
    }
}
