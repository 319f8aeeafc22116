package io.onlineuser.collector.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;

import io.onlineuser.collector.api.Json;
import io.onlineuser.collector.api.LoginsSummary;
import io.onlineuser.collector.api.OnlineUserCluster;
import io.onlineuser.collector.model.LoginEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * pomelo-cli's {@code show logins}, cluster-wide: rows are printed as pages arrive, so a million
 * logged-in users never sit in memory; a progress line goes to stderr every {@value #PROGRESS_EVERY} rows.
 */
@Command(name = "logins", description = "Logged-in users: loginTime uid address serverId (streamed, page by page).")
final class LoginsCommand implements Callable<Integer> {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final int PROGRESS_EVERY = 10_000;
    private static final String ROW = "%-19s  %-24s %-21s %s%n";

    @ParentCommand
    CollectorMain main;

    @Option(names = "--server", paramLabel = "ID", description = "Only this server id.")
    String serverId;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "At most N rows (default: all).")
    long limit;

    @Override
    public Integer call() {
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must be 0 (all) or more, got " + limit);
        }
        PrintWriter out = main.out();
        PrintWriter err = main.err();
        if (!main.json) {
            out.printf(ROW, "loginTime", "uid", "address", "serverId");
        }
        long[] printed = {0};
        LoginsSummary summary;
        try (OnlineUserCluster cluster = main.cluster()) {
            summary = cluster.logins(serverId, limit, entry -> {
                print(entry, out);
                if (++printed[0] % PROGRESS_EVERY == 0) {
                    out.flush();
                    err.println("... " + printed[0] + " rows");
                    err.flush();
                }
            });
        }
        out.flush();
        for (Map.Entry<String, String> error : summary.errors().entrySet()) {
            err.println("error: " + error.getKey() + ": " + error.getValue());
        }
        if (!main.json) {
            err.println(summary.rows() + " logged-in user(s) listed");
        }
        err.flush();
        return summary.errors().isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    private void print(LoginEntry entry, PrintWriter out) {
        if (main.json) {
            out.println(Json.write(entry));
        } else {
            out.printf(ROW, TIME.format(Instant.ofEpochMilli(entry.loginTime())), entry.uid(), entry.address(), entry.serverId());
        }
    }
}
