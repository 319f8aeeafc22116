package io.onlineuser.agent.jolokia.http;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** A context's authenticator, applied as the JDK server applies it: the handler runs only on success. */
final class AuthenticationFilter extends Filter {

    private final Authenticator authenticator;
    private final ServedExchange exchange;

    AuthenticationFilter(Authenticator authenticator, ServedExchange exchange) {
        this.authenticator = authenticator;
        this.exchange = exchange;
    }

    @Override
    public void doFilter(HttpExchange facing, Chain chain) throws IOException {
        Authenticator.Result result = authenticator.authenticate(facing);
        if (result instanceof Authenticator.Success) {
            exchange.principal(((Authenticator.Success) result).getPrincipal());
            chain.doFilter(facing);
        } else if (result instanceof Authenticator.Retry) {
            facing.sendResponseHeaders(((Authenticator.Retry) result).getResponseCode(), -1);
        } else if (result instanceof Authenticator.Failure) {
            facing.sendResponseHeaders(((Authenticator.Failure) result).getResponseCode(), -1);
        } else {
            facing.sendResponseHeaders(500, -1);
        }
    }

    @Override
    public String description() {
        return "authentication";
    }
}
