package io.onlineuser.agent.jolokia;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request's whole body before Jolokia sees it, so that the body is read under the
 * {@link RequestGuard}'s deadline like the request line and headers; then tells the guard the
 * request is read. A body over {@link #MAX_BODY_BYTES} is answered 413 (Jolokia's largest requests,
 * bulk reads of a few MBeans, are a few kilobytes).
 */
final class RequestReadFilter extends Filter {

    static final int MAX_BODY_BYTES = 1 << 20;

    private final RequestGuard guard;

    RequestReadFilter(RequestGuard guard) {
        this.guard = guard;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        byte[] body = readBody(exchange.getRequestBody());
        if (!guard.requestRead()) {
            throw new IOException("request not read within the deadline; connection dropped");
        }
        if (body == null) {
            exchange.getResponseHeaders().set("Connection", "close");
            exchange.sendResponseHeaders(413, -1);
            exchange.close();
            return;
        }
        exchange.setStreams(new ByteArrayInputStream(body), null);
        chain.doFilter(exchange);
    }

    @Override
    public String description() {
        return "reads the request body under the request deadline";
    }

    /** The body, or null when it is longer than the limit (then it is not read to its end). */
    private static byte[] readBody(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            body.write(buffer, 0, n);
            if (body.size() > MAX_BODY_BYTES) {
                return null;
            }
        }
        return body.toByteArray();
    }
}
