package io.onlineuser.bench.fleet;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;

import io.onlineuser.agent.config.AgentOptions;
import io.onlineuser.agent.discovery.DiscoveryFile;
import io.onlineuser.agent.jmx.MBeanPublisher;
import io.onlineuser.agent.track.OnlineTracker;

/**
 * One simulated connector: the agent's own {@link OnlineTracker} and MXBeans in an MBeanServer of
 * its own, served by a Jolokia server of its own on a free loopback port, on the agent's own HTTP
 * transport (the agent's access policy, agentId = server id), filled with synthetic sessions. A faulty one is listed in
 * discovery all the same: refused (a port nothing listens on), silent (accepts, never answers),
 * slow (every MBean call waits), unauthorized (basic auth the collector does not know).
 */
final class SimulatedConnector implements AutoCloseable {

    /** The agent's own read-only policy (the simulator never enables kick). */
    private static final String POLICY = "classpath:/onlineuser/jolokia-access.xml";

    private final String serverId;
    private final Fault fault;
    private final OnlineTracker tracker = new OnlineTracker(System::currentTimeMillis);
    private final Object[] channels;
    private final Object[] sessions;
    private final String url;
    private final AgentTransportJolokia jolokia;
    private final SilentEndpoint silent;
    private final AutoCloseable mbeans;
    private DiscoveryFile discoveryFile;
    private long nextUid;

    private SimulatedConnector(String serverId, Fault fault, int users, long slowMillis) throws IOException {
        this.serverId = serverId;
        this.fault = fault;
        this.channels = new Object[users];
        this.sessions = new Object[users];
        for (int i = 0; i < users; i++) {
            login(i);
        }
        AgentOptions options = AgentOptions.parse("serverId=" + serverId + ",serverType=connector", null);
        MBeanServer own = MBeanServerFactory.newMBeanServer();
        this.mbeans = MBeanPublisher.publish(own, tracker, options);
        switch (fault) {
            case REFUSED -> {
                this.jolokia = null;
                this.silent = null;
                this.url = "http://127.0.0.1:" + refusedPort() + "/jolokia";
            }
            case SILENT -> {
                this.jolokia = null;
                this.silent = SilentEndpoint.start();
                this.url = silent.url();
            }
            default -> {
                this.silent = null;
                MBeanServer served = fault == Fault.SLOW ? SlowMBeanServer.wrap(own, slowMillis) : own;
                this.jolokia = AgentTransportJolokia.start(jolokiaConfig(), new OwnMBeanServerDetector(served),
                        "jolokia-" + serverId + "-http");
                String started = jolokia.getUrl();
                this.url = started.endsWith("/") ? started.substring(0, started.length() - 1) : started;
            }
        }
    }

    static SimulatedConnector start(String serverId, Fault fault, int users, long slowMillis, Path discoveryDir)
            throws IOException {
        SimulatedConnector connector = new SimulatedConnector(serverId, fault, users, slowMillis);
        connector.discoveryFile = DiscoveryFile.write(discoveryDir, serverId, "connector", connector.url);
        return connector;
    }

    String serverId() {
        return serverId;
    }

    Fault fault() {
        return fault;
    }

    String url() {
        return url;
    }

    int loggedIn() {
        return tracker.loginedCount();
    }

    /** One player leaves and another logs in on its slot: a logout and a login, as in a live game. */
    synchronized void churnOne() {
        if (sessions.length == 0) {
            return;
        }
        int slot = ThreadLocalRandom.current().nextInt(sessions.length);
        tracker.sessionUnbound(sessions[slot]);
        tracker.connectionInactive(channels[slot]);
        login(slot);
    }

    private void login(int slot) {
        Object channel = new Object();
        Object session = new Object();
        long uid = nextUid++;
        String address = "10." + (slot >> 16 & 255) + "." + (slot >> 8 & 255) + "." + (slot & 255) + ":" + (20000 + uid % 40000);
        tracker.connectionActive(channel, address);
        tracker.sessionBound(session, serverId + "-u" + uid, channel, address);
        channels[slot] = channel;
        sessions[slot] = session;
    }

    private Map<String, String> jolokiaConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("host", "127.0.0.1");
        config.put("port", "0");
        config.put("agentContext", "/jolokia");
        config.put("agentId", serverId);
        config.put("policyLocation", POLICY);
        config.put("discoveryEnabled", "false");
        config.put("includeStackTrace", "false");
        config.put("serializeException", "false");
        config.put("historyMaxEntries", "0");
        config.put("debug", "false");
        config.put("threadNamePrefix", "jolokia-" + serverId + "-");
        config.put("logHandlerClass", "org.jolokia.server.core.service.impl.QuietLogHandler");
        if (fault == Fault.UNAUTHORIZED) {
            config.put("authMode", "basic");
            config.put("user", "fleet");
            config.put("password", Long.toHexString(ThreadLocalRandom.current().nextLong()));
        }
        return config;
    }

    /**
     * A port nobody listens on, so connecting is refused: free a moment ago and below Linux's default
     * ephemeral range (32768-60999), so that no listener of the fleet, which all bind port 0, can
     * take it later and answer in its place.
     */
    private static int refusedPort() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 20_000 + ThreadLocalRandom.current().nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port found between 20000 and 32000 for a refusing connector");
    }

    /** Takes it out of discovery; all a shutdown hook may do (Jolokia's own stop refuses to run in one). */
    void withdraw() {
        if (discoveryFile != null) {
            discoveryFile.delete();
        }
    }

    @Override
    public void close() {
        withdraw();
        if (jolokia != null) {
            jolokia.stop();
        }
        if (silent != null) {
            silent.close();
        }
        try {
            mbeans.close();
        } catch (Exception ignored) {
            // the MBeanServer goes with this object
        }
    }
}
