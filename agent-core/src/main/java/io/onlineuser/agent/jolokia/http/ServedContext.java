package io.onlineuser.agent.jolokia.http;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A path of the {@link NettyHttpServer} and what answers it: its filters, then its authenticator
 * (as the JDK server runs them: user filters first, authentication last), then its handler.
 */
final class ServedContext extends HttpContext {

    private final NettyHttpServer server;
    private final String path;
    private final List<Filter> filters = new CopyOnWriteArrayList<>();
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private volatile HttpHandler handler;
    private volatile Authenticator authenticator;

    ServedContext(NettyHttpServer server, String path, HttpHandler handler) {
        this.server = server;
        this.path = path;
        this.handler = handler;
    }

    /** Runs the exchange through the filters, the authenticator and the handler. */
    void serve(ServedExchange exchange, HttpExchange facing) throws IOException {
        HttpHandler target = handler;
        if (target == null) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        List<Filter> chain = new ArrayList<>(filters);
        Authenticator check = authenticator;
        if (check != null) {
            chain.add(new AuthenticationFilter(check, exchange));
        }
        new Filter.Chain(chain, target).doFilter(facing);
    }

    @Override
    public HttpHandler getHandler() {
        return handler;
    }

    @Override
    public void setHandler(HttpHandler handler) {
        if (this.handler != null) {
            throw new IllegalArgumentException("handler already set");
        }
        this.handler = handler;
    }

    @Override
    public String getPath() {
        return path;
    }

    @Override
    public HttpServer getServer() {
        return server;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return attributes;
    }

    @Override
    public List<Filter> getFilters() {
        return filters;
    }

    @Override
    public Authenticator setAuthenticator(Authenticator authenticator) {
        Authenticator old = this.authenticator;
        this.authenticator = authenticator;
        return old;
    }

    @Override
    public Authenticator getAuthenticator() {
        return authenticator;
    }
}
