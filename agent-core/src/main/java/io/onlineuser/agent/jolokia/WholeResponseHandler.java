package io.onlineuser.agent.jolokia;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpsExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * Wraps Jolokia's handler so that it sends each answer as one fixed-length body. Jolokia's JVM agent always answers
 * chunked (headers, then the JSON, then the end chunk: three socket writes and three wake-ups of
 * the client per answer, ~30% of the agent's CPU per counts read); its JSON is built in memory
 * anyway, so the wrapper collects it and writes it once with its Content-Length. A handler, not a
 * filter: the JDK server's authentication filter runs after user filters and needs its own
 * exchange type.
 */
final class WholeResponseHandler implements HttpHandler {

    private final HttpHandler jolokia;

    WholeResponseHandler(HttpHandler jolokia) {
        this.jolokia = jolokia;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (exchange instanceof HttpsExchange) {
            // Jolokia tells the scheme and client certificates by the exchange's type: leave TLS as it is
            jolokia.handle(exchange);
            return;
        }
        BufferedExchange buffered = new BufferedExchange(exchange);
        try {
            jolokia.handle(buffered);
        } finally {
            buffered.deferred.send();
        }
    }

    /** A chunked answer held back, and its body. */
    private static final class Deferred {
        private final HttpExchange exchange;
        private int status = -1;
        private ByteArrayOutputStream body;
        private boolean sent;

        Deferred(HttpExchange exchange) {
            this.exchange = exchange;
        }

        void sendResponseHeaders(int code, long length) throws IOException {
            if (length == 0) {
                status = code;
                body = new ByteArrayOutputStream(1024);
            } else {
                exchange.sendResponseHeaders(code, length);
            }
        }

        OutputStream responseBody() {
            if (body == null) {
                return exchange.getResponseBody();
            }
            return new OutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    body.write(bytes, offset, length);
                }

                @Override
                public void close() throws IOException {
                    send();
                }
            };
        }

        void send() throws IOException {
            if (body == null || sent) {
                return;
            }
            sent = true;
            // a chunked answer with an empty body must stay "no body": length -1, not 0
            exchange.sendResponseHeaders(status, body.size() == 0 ? -1 : body.size());
            try (OutputStream out = exchange.getResponseBody()) {
                body.writeTo(out);
            }
        }

        void close() {
            try {
                send();
            } catch (IOException e) {
                // the connection is gone; the server closes the exchange below
            }
            exchange.close();
        }
    }

    private static final class BufferedExchange extends HttpExchange {
        private final HttpExchange exchange;
        private final Deferred deferred;

        BufferedExchange(HttpExchange exchange) {
            this.exchange = exchange;
            this.deferred = new Deferred(exchange);
        }

        @Override
        public Headers getRequestHeaders() {
            return exchange.getRequestHeaders();
        }

        @Override
        public Headers getResponseHeaders() {
            return exchange.getResponseHeaders();
        }

        @Override
        public URI getRequestURI() {
            return exchange.getRequestURI();
        }

        @Override
        public String getRequestMethod() {
            return exchange.getRequestMethod();
        }

        @Override
        public HttpContext getHttpContext() {
            return exchange.getHttpContext();
        }

        @Override
        public void close() {
            deferred.close();
        }

        @Override
        public InputStream getRequestBody() {
            return exchange.getRequestBody();
        }

        @Override
        public OutputStream getResponseBody() {
            return deferred.responseBody();
        }

        @Override
        public void sendResponseHeaders(int code, long length) throws IOException {
            deferred.sendResponseHeaders(code, length);
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            return exchange.getRemoteAddress();
        }

        @Override
        public int getResponseCode() {
            return exchange.getResponseCode();
        }

        @Override
        public InetSocketAddress getLocalAddress() {
            return exchange.getLocalAddress();
        }

        @Override
        public String getProtocol() {
            return exchange.getProtocol();
        }

        @Override
        public Object getAttribute(String name) {
            return exchange.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            exchange.setAttribute(name, value);
        }

        @Override
        public void setStreams(InputStream in, OutputStream out) {
            exchange.setStreams(in, out);
        }

        @Override
        public HttpPrincipal getPrincipal() {
            return exchange.getPrincipal();
        }
    }
}
