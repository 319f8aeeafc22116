package io.onlineuser.bench.fleet;

import com.sun.net.httpserver.HttpServer;
import io.onlineuser.agent.jolokia.http.ConnectionLimits;
import io.onlineuser.agent.jolokia.http.NettyHttpServer;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import org.jolokia.jvmagent.JolokiaServer;
import org.jolokia.jvmagent.JolokiaServerConfig;
import org.jolokia.server.core.detector.ServerDetectorLookup;
import org.jolokia.server.core.service.api.LogHandler;
import org.jolokia.server.core.service.impl.QuietLogHandler;

/**
 * A simulated connector's Jolokia as the agent serves it: on the agent's {@link NettyHttpServer}
 * (so a simulated answer costs what a real agent's does), with the connector's own MBeanServer.
 * Jolokia's public constructors take either a server of ours or a detector lookup, never both; the
 * one initialiser that takes both is private, so it is called by reflection (bench code only).
 */
final class AgentTransportJolokia extends JolokiaServer {

    /** The agent's defaults (jolokia.maxConnections, jolokia.readTimeoutMillis). */
    private static final int MAX_CONNECTIONS = 128;
    private static final long READ_TIMEOUT_MILLIS = 10_000;
    private static final Method INIT = init();

    private final NettyHttpServer http;

    private AgentTransportJolokia(NettyHttpServer http) {
        this.http = http;
    }

    static AgentTransportJolokia start(Map<String, String> settings, ServerDetectorLookup detectors, String threadName)
            throws IOException {
        NettyHttpServer http = NettyHttpServer.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0,
                null, false, new ConnectionLimits(MAX_CONNECTIONS, READ_TIMEOUT_MILLIS), threadName);
        AgentTransportJolokia jolokia = new AgentTransportJolokia(http);
        try {
            INIT.invoke(jolokia, http, new Config(settings), new QuietLogHandler(), detectors);
            jolokia.start();
        } catch (ReflectiveOperationException | RuntimeException e) {
            http.stop(0);
            throw new IOException("Jolokia did not start on the agent's transport: " + e, e);
        }
        http.start();
        return jolokia;
    }

    @Override
    public void stop() {
        try {
            super.stop();
        } finally {
            http.stop(0);
        }
    }

    private static Method init() {
        try {
            Method init = JolokiaServer.class.getDeclaredMethod("init", HttpServer.class, JolokiaServerConfig.class,
                    LogHandler.class, ServerDetectorLookup.class);
            init.setAccessible(true);
            return init;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("this Jolokia version has no init(HttpServer, config, log, detectors)", e);
        }
    }

    /** Jolokia builds its authenticator only when it creates its HTTP server itself: built here instead. */
    private static final class Config extends JolokiaServerConfig {
        Config(Map<String, String> settings) {
            super(settings);
            initAuthenticator();
        }
    }
}
