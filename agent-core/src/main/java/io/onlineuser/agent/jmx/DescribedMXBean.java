package io.onlineuser.agent.jmx;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.ReflectionException;
import javax.management.StandardMBean;

/**
 * Registers an implementation as an MXBean of an explicit interface (so a class name like
 * {@code ConnectionStats} cannot turn it into a Standard MBean) and fills in what reflection
 * cannot know: descriptions, parameter names and impacts, read from the interface's annotations.
 * Our interfaces have no overloaded methods, so a name identifies a method.
 */
final class DescribedMXBean<T> extends StandardMBean {

    private final String description;
    private final Map<String, Method> methods = new HashMap<>();

    DescribedMXBean(T implementation, Class<T> mxbeanInterface, String description) {
        super(implementation, mxbeanInterface, true);
        this.description = description;
        for (Method method : mxbeanInterface.getMethods()) {
            methods.put(method.getName(), method);
        }
    }

    /**
     * A null for a primitive parameter (Jolokia passes JSON {@code null} through) would reach
     * reflection and fail as a bare {@code IllegalArgumentException} with no message.
     */
    @Override
    public Object invoke(String actionName, Object[] params, String[] signature)
            throws MBeanException, ReflectionException {
        Method method = methods.get(actionName);
        if (method != null && params != null) {
            Class<?>[] types = method.getParameterTypes();
            for (int i = 0; i < Math.min(types.length, params.length); i++) {
                if (params[i] == null && types[i].isPrimitive()) {
                    Param name = method.getParameters()[i].getAnnotation(Param.class);
                    String type = types[i].getName();
                    throw new IllegalArgumentException((name != null ? name.name() : "argument " + i)
                            + (type.equals("int") ? " must be an " : " must be a ") + type + ", not null");
                }
            }
        }
        return super.invoke(actionName, params, signature);
    }

    @Override
    protected String getDescription(MBeanInfo info) {
        return description;
    }

    @Override
    protected String getDescription(MBeanAttributeInfo info) {
        Method getter = methods.get((info.isIs() ? "is" : "get") + info.getName());
        return describe(getter, info.getDescription());
    }

    @Override
    protected String getDescription(MBeanOperationInfo info) {
        return describe(methods.get(info.getName()), info.getDescription());
    }

    @Override
    protected int getImpact(MBeanOperationInfo info) {
        Method method = methods.get(info.getName());
        return method != null && method.isAnnotationPresent(Action.class)
                ? MBeanOperationInfo.ACTION : MBeanOperationInfo.INFO;
    }

    @Override
    protected String getParameterName(MBeanOperationInfo op, MBeanParameterInfo param, int sequence) {
        Param annotation = param(op, sequence);
        return annotation != null ? annotation.name() : param.getName();
    }

    @Override
    protected String getDescription(MBeanOperationInfo op, MBeanParameterInfo param, int sequence) {
        Param annotation = param(op, sequence);
        return annotation != null ? annotation.value() : param.getDescription();
    }

    private Param param(MBeanOperationInfo op, int sequence) {
        Method method = methods.get(op.getName());
        if (method == null || sequence >= method.getParameterCount()) {
            return null;
        }
        return method.getParameters()[sequence].getAnnotation(Param.class);
    }

    private static String describe(Method method, String fallback) {
        Description annotation = method == null ? null : method.getAnnotation(Description.class);
        return annotation != null ? annotation.value() : fallback;
    }
}
