package io.onlineuser.agent.jmx;

import io.onlineuser.agent.config.AgentOptions;
import io.onlineuser.agent.status.AgentView;
import io.onlineuser.agent.track.OnlineTracker;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the two MXBeans of DESIGN.md in the platform MBeanServer. Never throws: a failure is
 * one log line and the agent carries on counting.
 */
public final class MBeanPublisher {

    public static final String DOMAIN = "onlineuser";

    private static final Logger LOG = LoggerFactory.getLogger(MBeanPublisher.class);

    private MBeanPublisher() {
    }

    /** {@code onlineuser:type=<type>,serverId=<id>}, the id quoted when it needs to be. */
    public static ObjectName objectName(String type, String serverId) {
        try {
            return new ObjectName(DOMAIN + ":type=" + type + ",serverId=" + quoteIfNeeded(serverId));
        } catch (JMException e) {
            throw new IllegalArgumentException("cannot build an ObjectName for server id " + serverId, e);
        }
    }

    private static String quoteIfNeeded(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (",=:\"*?\n".indexOf(value.charAt(i)) >= 0) {
                return ObjectName.quote(value);
            }
        }
        return value;
    }

    /** Registers both MXBeans; the returned handle unregisters the ones this call registered. */
    public static AutoCloseable publish(OnlineTracker tracker, AgentOptions options) {
        MBeanServer server;
        try {
            server = ManagementFactory.getPlatformMBeanServer();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("MBeans not published ({}); the numbers are not visible over JMX", e.toString());
            return () -> { };
        }
        return publish(server, tracker, options);
    }

    /**
     * Registers both MXBeans in {@code server}: the fleet simulator gives each simulated connector
     * an MBeanServer of its own, so that its Jolokia answers for exactly one server id.
     */
    public static AutoCloseable publish(MBeanServer server, OnlineTracker tracker, AgentOptions options) {
        List<ObjectName> registered = new ArrayList<>(2);
        try {
            String serverId = options.serverId();
            register(server, registered, objectName("ConnectionStats", serverId), new DescribedMXBean<>(
                    new ConnectionStatsAdapter(tracker, serverId, options.serverType()),
                    ConnectionStatsMBean.class,
                    "Connections and logged-in users of connector " + serverId));
            register(server, registered, objectName("Session", serverId), new DescribedMXBean<>(
                    new SessionAdapter(tracker, serverId, options.kickEnabled()),
                    SessionMBean.class,
                    "Who is online on connector " + serverId + ", and kick"));
            if (!registered.isEmpty()) {
                LOG.info("MXBeans registered: {}", registered);
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("MBeans not published ({}); the numbers are not visible over JMX", e.toString());
            return () -> { };
        }
        return unregistering(server, registered);
    }

    /**
     * Registers {@code onlineuser:type=Agent,serverId=…}; the returned handle unregisters it.
     * Never throws: a failure is one log line.
     */
    public static AutoCloseable publishAgent(AgentView view, String serverId) {
        List<ObjectName> registered = new ArrayList<>(1);
        MBeanServer server;
        try {
            server = ManagementFactory.getPlatformMBeanServer();
            register(server, registered, objectName("Agent", serverId), new DescribedMXBean<>(new AgentAdapter(view),
                    AgentMBean.class, "The onlineuser agent of connector " + serverId
                            + ": its version, options, listeners, hooks and Jolokia URL"));
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Agent MBean not published ({}); what the agent does is only in its log", e.toString());
            return () -> { };
        }
        return unregistering(server, registered);
    }

    /** A handle that unregisters {@code names}; a name already gone is only a debug line. */
    private static AutoCloseable unregistering(MBeanServer server, List<ObjectName> names) {
        return () -> {
            for (ObjectName name : names) {
                try {
                    server.unregisterMBean(name);
                } catch (JMException e) {
                    LOG.debug("MBean {} was already gone: {}", name, e.toString());
                }
            }
        };
    }

    private static void register(MBeanServer server, List<ObjectName> registered, ObjectName name,
            Object mbean) {
        try {
            server.registerMBean(mbean, name);
            registered.add(name);
        } catch (JMException | RuntimeException e) {
            LOG.warn("MBean {} not registered ({}); its numbers are not visible over JMX", name, e.toString());
        }
    }
}
