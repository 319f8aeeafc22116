package io.onlineuser.collector.fake;

import java.io.IOException;
import java.util.Map;

import org.jolokia.jvmagent.JolokiaServer;
import org.jolokia.jvmagent.JolokiaServerConfig;

/** A real Jolokia HTTP server on a free port in the test JVM, serving whatever {@link FakeConnector}s are registered. */
public final class FakeAgent implements AutoCloseable {

    private final JolokiaServer server;

    public FakeAgent() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = new JolokiaServer(new JolokiaServerConfig(Map.of("host", "127.0.0.1", "port", "0", "agentId", "collector-test")));
        server.start(false);
    }

    public String url() {
        return server.getUrl();
    }

    @Override
    public void close() {
        server.stop();
    }
}
