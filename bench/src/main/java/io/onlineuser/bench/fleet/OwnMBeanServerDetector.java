package io.onlineuser.bench.fleet;

import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import javax.management.MBeanServerConnection;

import org.jolokia.server.core.detector.ServerDetector;
import org.jolokia.server.core.detector.ServerDetectorLookup;
import org.jolokia.server.core.service.api.JolokiaContext;
import org.jolokia.server.core.service.api.LogHandler;
import org.jolokia.server.core.service.api.ServerHandle;
import org.jolokia.server.core.service.container.ContainerLocator;
import org.jolokia.server.core.service.request.RequestInterceptor;
import org.jolokia.server.core.util.jmx.MBeanServerAccess;

/**
 * Hands one simulated connector's own MBeanServer to its Jolokia server, through Jolokia's public
 * detector hook, and detects nothing else. Jolokia always adds the platform MBeanServer too, which
 * holds no onlineuser MBeans in a simulator JVM, so each endpoint answers for exactly one server id.
 */
final class OwnMBeanServerDetector implements ServerDetector, ServerDetectorLookup {

    private final MBeanServerConnection server;

    OwnMBeanServerDetector(MBeanServerConnection server) {
        this.server = server;
    }

    @Override
    public SortedSet<ServerDetector> lookup(LogHandler logHandler) {
        SortedSet<ServerDetector> detectors = new TreeSet<>();
        detectors.add(this);
        return detectors;
    }

    @Override
    public Set<MBeanServerConnection> getMBeanServers() {
        return Set.of(server);
    }

    @Override
    public String getName() {
        return "onlineuser-fleet-simulator";
    }

    @Override
    public void init(Map<String, Object> config) {
    }

    @Override
    public void init(JolokiaContext context) {
    }

    @Override
    public boolean isEnabled(JolokiaContext context) {
        return true;
    }

    @Override
    public void destroy() {
    }

    @Override
    public ServerHandle detect(MBeanServerAccess access) {
        return null;
    }

    @Override
    public RequestInterceptor getRequestInterceptor(MBeanServerAccess access) {
        return null;
    }

    @Override
    public int getOrder() {
        return 1;
    }

    @Override
    public ClassLoader jvmAgentStartup(Instrumentation instrumentation) {
        return null;
    }

    @Override
    public ContainerLocator getContainerLocator(LogHandler logHandler) {
        return null;
    }

    @Override
    public int compareTo(ServerDetector other) {
        return Integer.compare(getOrder(), other.getOrder());
    }
}
