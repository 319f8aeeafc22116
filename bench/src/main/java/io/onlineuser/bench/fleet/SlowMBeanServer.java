package io.onlineuser.bench.fleet;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;

import javax.management.MBeanServer;

/**
 * The same MBeanServer, but each query and each operation waits first: a connector in long GC
 * pauses. A Jolokia read of the stats pattern makes one query, a find one operation, so each
 * request waits about once.
 */
final class SlowMBeanServer implements InvocationHandler {

    private static final Set<String> DELAYED = Set.of("invoke", "queryNames", "queryMBeans");

    private final MBeanServer target;
    private final long delayMillis;

    private SlowMBeanServer(MBeanServer target, long delayMillis) {
        this.target = target;
        this.delayMillis = delayMillis;
    }

    static MBeanServer wrap(MBeanServer target, long delayMillis) {
        return (MBeanServer) Proxy.newProxyInstance(MBeanServer.class.getClassLoader(), new Class<?>[] {MBeanServer.class},
                new SlowMBeanServer(target, delayMillis));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (DELAYED.contains(method.getName())) {
            Thread.sleep(delayMillis);
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
