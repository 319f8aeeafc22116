package io.onlineuser.collector.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.onlineuser.collector.api.OnlineUserCluster;
import io.onlineuser.collector.web.DashboardServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", description = "HTTP JSON API and a live dashboard at / (Ctrl-C to stop).")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    CollectorMain main;

    @Option(names = "--port", defaultValue = "8089", description = "Port to listen on, 0 for any free port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}; the API has no login).")
    String host;

    @Option(names = "--refresh", paramLabel = "S", defaultValue = "5", description = "Seconds between samples of the cluster (default ${DEFAULT-VALUE}).")
    double refreshSeconds;

    @Option(names = "--history", paramLabel = "MIN", defaultValue = "10", description = "Minutes of history in the chart (default ${DEFAULT-VALUE}).")
    int historyMinutes;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535, got " + port);
        }
        if (refreshSeconds <= 0 || historyMinutes <= 0) {
            throw new IllegalArgumentException("--refresh and --history must be positive");
        }
        OnlineUserCluster cluster = main.cluster();
        DashboardServer server = new DashboardServer(cluster, host, port, (long) (refreshSeconds * 1000),
                historyMinutes * 60_000L);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            cluster.close();
            stopped.countDown();
        }, "onlineuser-collector-shutdown"));
        server.start();
        main.out().println("onlineuser-collector serving " + server.url() + " (API under " + server.url() + "api/)");
        main.out().flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
