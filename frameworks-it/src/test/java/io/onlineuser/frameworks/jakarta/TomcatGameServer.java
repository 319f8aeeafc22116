package io.onlineuser.frameworks.jakarta;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

/**
 * A game on embedded Tomcat 11 as a user writes one: the annotated {@link GameEndpoint} at
 * {@code /game}, the programmatic {@link LobbyEndpoint} at {@code /lobby}, {@link StatusServlet}
 * at {@code /status}, all served on the game port and on an internal port; the server holds
 * {@code internalClients} WebSocket client sessions of its own to the internal port.
 * Arguments: game port, internal port, internal clients.
 */
public final class TomcatGameServer {

    private TomcatGameServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int internalPort = Integer.parseInt(args[1]);
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("tomcat-game").toString());
        tomcat.getService().addConnector(connector(port));
        tomcat.getService().addConnector(connector(internalPort));
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "status", new StatusServlet());
        context.addServletMappingDecoded("/status", "status");
        // requests reach the WebSocket filter only through a mapped servlet
        Tomcat.addServlet(context, "default", new DefaultServlet());
        context.addServletMappingDecoded("/", "default");
        context.addServletContainerInitializer(new WsSci(), null);
        context.addServletContainerInitializer((classes, servletContext) -> {
            ServerContainer container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
            try {
                container.addEndpoint(GameEndpoint.class);
                container.addEndpoint(LobbyEndpoint.CONFIG);
            } catch (DeploymentException e) {
                throw new IllegalStateException(e);
            }
        }, null);
        tomcat.start();
        ServerContainer container = (ServerContainer) context.getServletContext()
                .getAttribute(ServerContainer.class.getName());
        List<Session> internal = InternalProbe.open(container, internalPort, Integer.parseInt(args[2]));
        System.out.println("tomcat game port " + port + ", internal clients " + internal.size());
        new CountDownLatch(1).await();
    }

    private static Connector connector(int port) {
        Connector connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        return connector;
    }
}
