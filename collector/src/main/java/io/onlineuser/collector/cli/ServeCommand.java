package io.onlineuser.collector.cli;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.onlineuser.collector.api.OnlineUserCluster;
import io.onlineuser.collector.live.LiveCluster;
import io.onlineuser.collector.report.DailyReport;
import io.onlineuser.collector.report.PrometheusApi;
import io.onlineuser.collector.web.DashboardServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "The master: follows every connector live (list, then watch), serves the JSON API "
        + "and the dashboard at / from memory (Ctrl-C to stop). Other commands ask it with --via URL.")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    CollectorMain main;

    @Option(names = "--port", defaultValue = "8089", description = "Port to listen on, 0 for any free port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}; the API has no login).")
    String host;

    @Option(names = "--interval", paramLabel = "S", defaultValue = "0.5",
            description = "Seconds between two polls of a connector (its changes, with its counts after logins or logouts and at least every 5 s; one request; default ${DEFAULT-VALUE}).")
    double intervalSeconds;

    @Option(names = "--grace", paramLabel = "S", defaultValue = "10",
            description = "Seconds a silent connector's users still count, flagged stale, before they are only 'last seen' (default ${DEFAULT-VALUE}).")
    double graceSeconds;

    @Option(names = "--refresh", paramLabel = "S", defaultValue = "5", description = "Seconds between points of the chart (default ${DEFAULT-VALUE}).")
    double refreshSeconds;

    @Option(names = "--history", paramLabel = "MIN", defaultValue = "10", description = "Minutes of history in the chart (default ${DEFAULT-VALUE}).")
    int historyMinutes;

    @Option(names = "--prometheus", paramLabel = "URL",
            description = "Prometheus that scrapes the connectors' exporters: the page then charts PCU and ACU of the last 7 days.")
    String prometheus;

    @Option(names = "--tz", paramLabel = "ZONE", description = "Time zone of the page's days, e.g. Europe/Berlin (default: this machine's).")
    String zone;

    @Option(names = "--allow-kick", description = "Serve POST /api/kick and the page's kick buttons (only for connectors whose agent has kick.enabled=true).")
    boolean allowKick;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535, got " + port);
        }
        if (refreshSeconds <= 0 || historyMinutes <= 0 || intervalSeconds <= 0 || graceSeconds < 0) {
            throw new IllegalArgumentException("--interval, --refresh and --history must be positive, --grace 0 or more");
        }
        ZoneId tz = ReportCommand.zone(zone);
        DailyReport dailyReport = prometheus == null ? null
                : new DailyReport(new PrometheusApi(prometheus, Duration.ofSeconds(30)), tz, false);
        OnlineUserCluster cluster = main.cluster();
        LiveCluster live = LiveCluster.builder(cluster)
                .interval(Duration.ofMillis(Math.max(1, (long) (intervalSeconds * 1000))))
                .grace(Duration.ofMillis((long) (graceSeconds * 1000)))
                .start();
        DashboardServer server = new DashboardServer(live, host, port, (long) (refreshSeconds * 1000),
                historyMinutes * 60_000L, allowKick, tz, dailyReport);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            live.close();
            cluster.close();
            stopped.countDown();
        }, "onlineuser-collector-shutdown"));
        live.awaitFirstPoll(cluster.timeout().multipliedBy(2));
        server.start();
        main.out().println("onlineuser-collector serving " + server.url() + " (API under " + server.url() + "api/)");
        main.out().flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
