package io.onlineuser.collector.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;

import io.onlineuser.collector.api.ClusterSnapshot;
import io.onlineuser.collector.api.ApiJson;
import io.onlineuser.collector.api.OnlineUserCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code online} again and again on one reused cluster (keep-alive connections), until Ctrl-C or {@code --count}. */
@Command(name = "watch", mixinStandardHelpOptions = true, description = "Refresh the online table every interval (Ctrl-C to stop).")
final class WatchCommand implements Callable<Integer> {

    private static final String CLEAR_SCREEN = "\033[H\033[2J";

    @ParentCommand
    CollectorMain main;

    @Option(names = "--interval", paramLabel = "S", defaultValue = "5", description = "Seconds between refreshes (default ${DEFAULT-VALUE}).")
    double intervalSeconds;

    @Option(names = "--count", paramLabel = "N", defaultValue = "0", description = "Stop after N refreshes (default: never).")
    int count;

    @Option(names = "--check-duplicates", description = "Also look for uids online on two servers.")
    boolean checkDuplicates;

    @Override
    public Integer call() throws InterruptedException {
        if (intervalSeconds <= 0) {
            throw new IllegalArgumentException("--interval must be positive, got " + intervalSeconds);
        }
        PrintWriter out = main.out();
        boolean clear = System.console() != null && !main.json;
        int lastStatus = ExitCodes.OK;
        ViaServe via = main.viaServe();
        if (via != null) {
            for (int round = 1; count <= 0 || round <= count; round++) {
                out.print(clear ? CLEAR_SCREEN : "\n");
                lastStatus = OnlineCommand.printVia(main, via);
                if (count <= 0 || round < count) {
                    Thread.sleep((long) (intervalSeconds * 1000));
                }
            }
            return lastStatus;
        }
        try (OnlineUserCluster cluster = main.cluster()) {
            for (int round = 1; count <= 0 || round <= count; round++) {
                ClusterSnapshot snapshot = cluster.online(checkDuplicates);
                if (main.json) {
                    out.println(ApiJson.write(snapshot));
                } else {
                    out.print(clear ? CLEAR_SCREEN : "\n");
                    out.println(Instant.ofEpochMilli(snapshot.takenAt()) + "  (every " + intervalSeconds + " s, Ctrl-C to stop)");
                    OnlineTable.print(snapshot, out);
                }
                out.flush();
                lastStatus = snapshot.complete() ? ExitCodes.OK : ExitCodes.PARTIAL;
                if (count <= 0 || round < count) {
                    Thread.sleep((long) (intervalSeconds * 1000));
                }
            }
        }
        return lastStatus;
    }
}
