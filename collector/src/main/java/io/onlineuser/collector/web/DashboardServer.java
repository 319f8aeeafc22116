package io.onlineuser.collector.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.onlineuser.collector.api.ApiJson;
import io.onlineuser.collector.live.LiveCluster;
import io.onlineuser.collector.live.LoginsPage;
import io.onlineuser.collector.live.LoginsQuery;
import io.onlineuser.collector.live.ServerStatus;
import io.onlineuser.collector.report.DailyReport;
import io.onlineuser.collector.report.DayFigures;
import io.onlineuser.collector.report.PrometheusException;

/**
 * {@code serve}, the master: the JSON API and the page at {@code /}, answered from the live index
 * ({@link LiveCluster}), so a request costs the connectors nothing. {@code /api/online},
 * {@code /api/users/{uid}}, {@code /api/logins} (paged, by server and uid prefix, by login time),
 * {@code /api/duplicates}, {@code /api/servers} (state and data age), {@code /api/history},
 * {@code /api/today} (today's PCU as sampled here), {@code /api/report} (with Prometheus), and
 * {@code POST /api/kick} when started with kick allowed. The page is one file from the jar.
 */
public final class DashboardServer implements AutoCloseable {

    static {
        // The JDK server sends a response's headers and body as two writes; with Nagle's algorithm on,
        // the body waits for the client's delayed ACK of the headers: ~40 ms on every keep-alive
        // request. Its only switch is this property, read once when its classes load, hence here.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final String PAGE = "/io/onlineuser/collector/web/index.html";
    /** Browsers send this only from our own page: a cross-site form or link cannot, so it cannot kick. */
    static final String KICK_HEADER = "X-Onlineuser-Kick";

    private static final String CHART_LIBRARY = "/io/onlineuser/collector/web/chart.umd.js";

    private final LiveCluster live;
    private final ClusterSampler sampler;
    private final DailyReport dailyReport;
    private final boolean kickAllowed;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(4, task -> {
        Thread thread = new Thread(task, "onlineuser-collector-http");
        thread.setDaemon(true);
        return thread;
    });

    public DashboardServer(LiveCluster live, String host, int port, long refreshMillis, long historyMillis, boolean kickAllowed)
            throws IOException {
        this(live, host, port, refreshMillis, historyMillis, kickAllowed, ZoneId.systemDefault(), null);
    }

    /**
     * @param zone        whose days "today" and the daily chart follow
     * @param dailyReport Prometheus's daily figures for {@code /api/report} and the page's chart; null without Prometheus
     */
    public DashboardServer(LiveCluster live, String host, int port, long refreshMillis, long historyMillis, boolean kickAllowed,
                           ZoneId zone, DailyReport dailyReport) throws IOException {
        this.live = live;
        this.kickAllowed = kickAllowed;
        this.dailyReport = dailyReport;
        this.sampler = new ClusterSampler(live, refreshMillis, historyMillis, zone);
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
        Params params = Params.of(exchange.getRequestURI());
        if ("POST".equals(exchange.getRequestMethod()) && "/api/kick".equals(path)) {
            kick(exchange, params);
        } else if (!"GET".equals(exchange.getRequestMethod())) {
            sendJson(exchange, 405, Map.of("error", "only GET is served (and POST /api/kick)"));
        } else if ("/".equals(path) || "/index.html".equals(path)) {
            sendPage(exchange);
        } else if ("/api/online".equals(path)) {
            sendJson(exchange, 200, params.flag("fresh") ? live.cluster().online(true) : live.online());
        } else if ("/chart.umd.js".equals(path)) {
            sendResource(exchange, CHART_LIBRARY, "text/javascript; charset=utf-8");
        } else if ("/api/today".equals(path)) {
            sendJson(exchange, 200, sampler.todayPeak().view());
        } else if ("/api/report".equals(path)) {
            report(exchange, params);
        } else if ("/api/history".equals(path)) {
            sendJson(exchange, 200, Map.of("intervalMillis", sampler.intervalMillis(), "points", sampler.history()));
        } else if (path.startsWith("/api/users/") && path.length() > "/api/users/".length()) {
            sendJson(exchange, 200, live.find(path.substring("/api/users/".length())));
        } else if ("/api/logins".equals(path)) {
            sendJson(exchange, 200, logins(params));
        } else if ("/api/duplicates".equals(path)) {
            sendJson(exchange, 200, live.duplicates());
        } else if ("/api/servers".equals(path)) {
            sendJson(exchange, 200, Map.of("kickAllowed", kickAllowed, "servers", live.servers()));
        } else {
            sendJson(exchange, 404, Map.of("error", "no such page: " + path));
        }
    }

    /** {@code logins} keeps the one-shot API's fields ({@code logins}, {@code rows}, {@code errors}) and adds paging. */
    private Map<String, Object> logins(Params params) {
        String order = params.text("order", "oldest");
        if (!"oldest".equals(order) && !"newest".equals(order)) {
            throw new BadRequest("order must be oldest or newest, got " + order);
        }
        LoginsQuery query;
        try {
            query = new LoginsQuery(params.text("server", null), params.text("prefix", null), "newest".equals(order),
                    params.number("offset", 0), params.number("limit", 100));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
        LoginsPage page = live.logins(query);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("logins", page.rows());
        answer.put("rows", page.rows().size());
        answer.put("total", page.total());
        answer.put("offset", page.offset());
        answer.put("limit", page.limit());
        answer.put("ageMillis", page.ageMillis());
        answer.put("errors", page.errors());
        return answer;
    }

    private void kick(HttpExchange exchange, Params params) throws IOException {
        if (!kickAllowed) {
            sendJson(exchange, 403, Map.of("error", "kick is off in this collector (start serve with --allow-kick)"));
            return;
        }
        if (exchange.getRequestHeaders().getFirst(KICK_HEADER) == null) {
            sendJson(exchange, 403, Map.of("error", "kick needs the " + KICK_HEADER + " header (the page sends it)"));
            return;
        }
        String serverId = params.required("server");
        String uid = params.required("uid");
        ServerStatus status = live.servers().get(serverId);
        if (status == null || !status.kickEnabled()) {
            sendJson(exchange, 403, Map.of("error", "kick is off on " + serverId + " (its agent needs kick.enabled=true)"));
            return;
        }
        sendJson(exchange, 200, live.kick(serverId, uid, params.text("reason", "kicked by operator")));
    }

    /** {@code /api/report?days=N}: Prometheus's figures per day, as {@code report --json} prints them. */
    private void report(HttpExchange exchange, Params params) throws IOException {
        if (dailyReport == null) {
            sendJson(exchange, 404, Map.of("error", "no Prometheus: start serve with --prometheus URL"));
            return;
        }
        int days = params.number("days", 7);
        if (days < 1 || days > 366) {
            throw new BadRequest("days must be between 1 and 366, got " + days);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        try {
            for (DayFigures day : dailyReport.lastDays(days, Instant.now())) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("date", day.date().toString());
                row.put("pcu", day.pcu());
                row.put("pcuAt", day.pcuAt().toString());
                row.put("acu", day.acu());
                row.put("logins", day.logins());
                row.put("sessions", day.sessions());
                row.put("sessionP50", day.sessionP50());
                row.put("sessionP90", day.sessionP90());
                rows.add(row);
            }
        } catch (PrometheusException e) {
            sendJson(exchange, 502, Map.of("error", e.getMessage()));
            return;
        }
        sendJson(exchange, 200, Map.of("days", rows));
    }

    private void sendPage(HttpExchange exchange) throws IOException {
        sendResource(exchange, PAGE, "text/html; charset=utf-8");
    }

    private void sendResource(HttpExchange exchange, String resource, String contentType) throws IOException {
        try (InputStream page = DashboardServer.class.getResourceAsStream(resource)) {
            if (page == null) {
                sendJson(exchange, 500, Map.of("error", resource + " missing from the jar"));
                return;
            }
            byte[] bytes = page.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(bytes);
            }
        }
    }

    private static void sendJson(HttpExchange exchange, int status, Object value) throws IOException {
        byte[] bytes = ApiJson.write(value).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }

    /**
     * A bad parameter becomes a JSON 400 with the reason; any other failure a JSON 500 instead of a
     * dropped connection. The exchange closes only after that answer (closing it first drops it).
     */
    private static void answer(HttpExchange exchange, Handler handler) {
        try (exchange) {
            try {
                handler.handle(exchange);
            } catch (BadRequest e) {
                sendJson(exchange, 400, Map.of("error", e.getMessage()));
            } catch (IOException | RuntimeException e) {
                sendJson(exchange, 500, Map.of("error", String.valueOf(e.getMessage())));
            }
        } catch (IOException | RuntimeException alreadySent) {
            // headers were already sent or the client went away: it sees a cut answer, which is all we can do
        }
    }

    @FunctionalInterface
    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }
}
