package io.onlineuser.collector.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.onlineuser.collector.api.Json;
import io.onlineuser.collector.api.LoginsSummary;
import io.onlineuser.collector.api.OnlineUserCluster;

/**
 * {@code serve}: the JSON API ({@code /api/online}, {@code /api/users/{uid}}, {@code /api/logins},
 * {@code /api/history}) and the dashboard page at {@code /}, on the JDK's HTTP server. The page is
 * a single file from the jar (plain JS and inline SVG, nothing to build, no CDN).
 */
public final class DashboardServer implements AutoCloseable {

    private static final String PAGE = "/io/onlineuser/collector/web/index.html";
    private static final int MAX_LOGINS = 100_000;

    private final OnlineUserCluster cluster;
    private final ClusterSampler sampler;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(4, task -> {
        Thread thread = new Thread(task, "onlineuser-collector-http");
        thread.setDaemon(true);
        return thread;
    });

    public DashboardServer(OnlineUserCluster cluster, String host, int port, long refreshMillis, long historyMillis)
            throws IOException {
        this.cluster = cluster;
        this.sampler = new ClusterSampler(cluster, refreshMillis, historyMillis);
        this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.setExecutor(handlers);
        server.createContext("/", exchange -> answer(exchange, this::route));
    }

    public void start() {
        sampler.start();
        server.start();
    }

    public URI url() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        sampler.close();
        handlers.shutdownNow();
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!"GET".equals(exchange.getRequestMethod())) {
            sendJson(exchange, 405, Map.of("error", "only GET is served"));
        } else if ("/".equals(path) || "/index.html".equals(path)) {
            sendPage(exchange);
        } else if ("/api/online".equals(path)) {
            boolean fresh = "true".equals(query(exchange).get("fresh"));
            sendJson(exchange, 200, fresh || sampler.latest() == null ? cluster.online(true) : sampler.latest());
        } else if ("/api/history".equals(path)) {
            sendJson(exchange, 200, Map.of("intervalMillis", sampler.intervalMillis(), "points", sampler.history()));
        } else if (path.startsWith("/api/users/") && path.length() > "/api/users/".length()) {
            sendJson(exchange, 200, cluster.find(path.substring("/api/users/".length())));
        } else if ("/api/logins".equals(path)) {
            sendLogins(exchange, query(exchange));
        } else {
            sendJson(exchange, 404, Map.of("error", "no such page: " + path));
        }
    }

    /** Streams rows as they arrive: {"logins":[…],"rows":n,"errors":{…}}; memory stays two pages per server at most. */
    private void sendLogins(HttpExchange exchange, Map<String, String> query) throws IOException {
        long limit;
        try {
            limit = Long.parseLong(query.getOrDefault("limit", "1000"));
        } catch (NumberFormatException e) {
            sendJson(exchange, 400, Map.of("error", "limit must be a number, got " + query.get("limit")));
            return;
        }
        if (limit < 1 || limit > MAX_LOGINS) {
            sendJson(exchange, 400, Map.of("error", "limit must be 1.." + MAX_LOGINS + ", got " + limit));
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        try (Writer body = new OutputStreamWriter(exchange.getResponseBody(), StandardCharsets.UTF_8)) {
            body.write("{\"logins\":[");
            boolean[] first = {true};
            IOException[] broken = {null};
            LoginsSummary summary = cluster.logins(query.get("server"), limit, entry -> {
                try {
                    body.write(first[0] ? "" : ",");
                    body.write(Json.write(entry));
                    first[0] = false;
                } catch (IOException e) {
                    broken[0] = e;
                }
            });
            if (broken[0] != null) {
                throw broken[0];
            }
            body.write("],\"rows\":" + summary.rows() + ",\"errors\":" + Json.write(summary.errors()) + "}");
        }
    }

    private void sendPage(HttpExchange exchange) throws IOException {
        try (InputStream page = DashboardServer.class.getResourceAsStream(PAGE)) {
            if (page == null) {
                sendJson(exchange, 500, Map.of("error", "dashboard page missing from the jar"));
                return;
            }
            byte[] bytes = page.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(bytes);
            }
        }
    }

    private static void sendJson(HttpExchange exchange, int status, Object value) throws IOException {
        byte[] bytes = Json.write(value).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    /** Any failure in a handler becomes a JSON 500 instead of a dropped connection. */
    private static void answer(HttpExchange exchange, Handler handler) {
        try (exchange) {
            handler.handle(exchange);
        } catch (IOException | RuntimeException e) {
            try {
                sendJson(exchange, 500, Map.of("error", String.valueOf(e.getMessage())));
            } catch (IOException | RuntimeException alreadySent) {
                // headers were already sent: the client sees a cut answer, which is all we can do
            }
        }
    }

    @FunctionalInterface
    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }
}
