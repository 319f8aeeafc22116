package io.onlineuser.agent.jolokia;

import com.sun.net.httpserver.HttpServer;
import org.jolokia.jvmagent.JolokiaServer;
import org.jolokia.jvmagent.JolokiaServerConfig;
import org.jolokia.server.core.service.api.LogHandler;

/** Jolokia's JVM-agent server with the services our bundled set leaves out but clients rely on. */
final class EmbeddedJolokiaServer extends JolokiaServer {

    EmbeddedJolokiaServer(HttpServer http, JolokiaServerConfig config, LogHandler log) {
        super(http, config, log);
        addService(new ResponseTimestamp());
    }
}
