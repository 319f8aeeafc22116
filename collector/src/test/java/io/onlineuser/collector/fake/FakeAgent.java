package io.onlineuser.collector.fake;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.jolokia.jvmagent.JolokiaServer;
import org.jolokia.jvmagent.JolokiaServerConfig;

/** A real Jolokia HTTP server on a free port in the test JVM, serving whatever {@link FakeConnector}s are registered. */
public final class FakeAgent implements AutoCloseable {

    private final JolokiaServer server;

    public FakeAgent() throws IOException {
        this(Map.of());
    }

    /** With {@code user}/{@code password}: HTTP basic auth required, as the agent's jolokia.user/password do. */
    public FakeAgent(String user, String password) throws IOException {
        this(Map.of("user", user, "password", password));
    }

    /** With a Jolokia policy from the test class path, e.g. one that refuses kick as the agent does by default. */
    public static FakeAgent withPolicy(String resource) throws IOException {
        return new FakeAgent(Map.of("policyLocation", "classpath:/" + resource));
    }

    private FakeAgent(Map<String, String> extra) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Map<String, String> config = new HashMap<>(Map.of("host", "127.0.0.1", "port", "0", "agentId", "collector-test"));
        config.putAll(extra);
        server = new JolokiaServer(new JolokiaServerConfig(config));
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
