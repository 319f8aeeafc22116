package io.onlineuser.frameworks.jakarta;

import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The same game on embedded Jetty 12.1 (ee10): the annotated {@link GameEndpoint} at {@code /game},
 * the programmatic {@link LobbyEndpoint} at {@code /lobby}, {@link StatusServlet} at
 * {@code /status}, on the game port and an internal port; the server holds
 * {@code internalClients} WebSocket client sessions of its own to the internal port.
 * Arguments: game port, internal port, internal clients.
 */
public final class JettyGameServer {

    private JettyGameServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int internalPort = Integer.parseInt(args[1]);
        Server server = new Server();
        server.setConnectors(new Connector[] {connector(server, port), connector(server, internalPort)});
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new StatusServlet()), "/status");
        AtomicReference<ServerContainer> deployed = new AtomicReference<>();
        JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
            container.addEndpoint(GameEndpoint.class);
            container.addEndpoint(LobbyEndpoint.CONFIG);
            deployed.set(container);
        });
        server.setHandler(context);
        server.start();
        List<Session> internal = InternalProbe.open(deployed.get(), internalPort, Integer.parseInt(args[2]));
        System.out.println("jetty game port " + port + ", internal clients " + internal.size());
        server.join();
    }

    private static ServerConnector connector(Server server, int port) {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        return connector;
    }
}
