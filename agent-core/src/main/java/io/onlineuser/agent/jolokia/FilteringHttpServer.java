package io.onlineuser.agent.jolokia;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;

/**
 * The JDK server Jolokia is given, with one filter put in front of every context it creates
 * (Jolokia creates its contexts itself and does not hand them out), and its handlers wrapped in
 * a {@link WholeResponseHandler}.
 */
final class FilteringHttpServer extends HttpServer {

    private final HttpServer server;
    private final Filter filter;

    FilteringHttpServer(HttpServer server, Filter filter) {
        this.server = server;
        this.filter = filter;
    }

    @Override
    public HttpContext createContext(String path, HttpHandler handler) {
        return filtered(server.createContext(path, new WholeResponseHandler(handler)));
    }

    @Override
    public HttpContext createContext(String path) {
        return filtered(server.createContext(path));
    }

    private HttpContext filtered(HttpContext context) {
        context.getFilters().add(filter);
        return context;
    }

    @Override
    public void bind(InetSocketAddress address, int backlog) throws IOException {
        server.bind(address, backlog);
    }

    @Override
    public void start() {
        server.start();
    }

    @Override
    public void setExecutor(Executor executor) {
        server.setExecutor(executor);
    }

    @Override
    public Executor getExecutor() {
        return server.getExecutor();
    }

    @Override
    public void stop(int delaySeconds) {
        server.stop(delaySeconds);
    }

    @Override
    public void removeContext(String path) {
        server.removeContext(path);
    }

    @Override
    public void removeContext(HttpContext context) {
        server.removeContext(context);
    }

    @Override
    public InetSocketAddress getAddress() {
        return server.getAddress();
    }
}
