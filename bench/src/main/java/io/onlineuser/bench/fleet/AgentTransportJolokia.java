package io.onlineuser.bench.fleet;

import io.onlineuser.agent.jolokia.JolokiaCore;
import io.onlineuser.agent.jolokia.http.ConnectionLimits;
import io.onlineuser.agent.jolokia.http.NettyHttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import org.jolokia.jvmagent.JolokiaServerConfig;
import org.jolokia.server.core.detector.ServerDetectorLookup;
import org.jolokia.server.core.service.impl.QuietLogHandler;

/**
 * A simulated connector's Jolokia as the agent serves it: the agent's {@link JolokiaCore} on the
 * agent's {@link NettyHttpServer} (so a simulated answer costs what a real agent's does), with the
 * connector's own MBeanServer given by {@code detectors}.
 */
final class AgentTransportJolokia {

    /** The agent's defaults (jolokia.maxConnections, jolokia.readTimeoutMillis). */
    private static final int MAX_CONNECTIONS = 128;
    private static final long READ_TIMEOUT_MILLIS = 10_000;

    private final NettyHttpServer http;
    private final JolokiaCore jolokia;

    private AgentTransportJolokia(NettyHttpServer http, JolokiaCore jolokia) {
        this.http = http;
        this.jolokia = jolokia;
    }

    static AgentTransportJolokia start(Map<String, String> settings, ServerDetectorLookup detectors, String threadName)
            throws IOException {
        NettyHttpServer http = NettyHttpServer.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0,
                null, false, new ConnectionLimits(MAX_CONNECTIONS, READ_TIMEOUT_MILLIS), threadName);
        JolokiaCore jolokia;
        try {
            jolokia = JolokiaCore.start(new JolokiaServerConfig(settings), http.address(), new QuietLogHandler(), detectors);
        } catch (RuntimeException | LinkageError e) {
            http.stop();
            throw new IOException("Jolokia did not start on the agent's transport: " + e, e);
        }
        http.start(jolokia.answers());
        return new AgentTransportJolokia(http, jolokia);
    }

    /** Where the simulated connector's Jolokia answers, without a trailing slash. */
    String getUrl() {
        return jolokia.url();
    }

    void stop() {
        try {
            http.stop();
        } finally {
            jolokia.stop();
        }
    }
}
