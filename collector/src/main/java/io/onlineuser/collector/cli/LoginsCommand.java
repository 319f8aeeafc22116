package io.onlineuser.collector.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;

import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import io.onlineuser.collector.api.ApiJson;
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
@Command(name = "logins", mixinStandardHelpOptions = true, description = "Logged-in users: loginTime uid address serverId (streamed, page by page).")
final class LoginsCommand implements Callable<Integer> {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final int PROGRESS_EVERY = 10_000;
    private static final int VIA_PAGE = 10_000;
    @SuppressWarnings("unchecked")
    private static final Class<Map<String, String>> ERRORS = (Class<Map<String, String>>) (Class<?>) Map.class;
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
        Consumer<LoginEntry> sink = entry -> {
            print(entry, out);
            if (++printed[0] % PROGRESS_EVERY == 0) {
                out.flush();
                err.println("... " + printed[0] + " rows");
                err.flush();
            }
        };
        LoginsSummary summary;
        ViaServe via = main.viaServe();
        if (via != null) {
            summary = viaLogins(via, sink);
        } else {
            try (OnlineUserCluster cluster = main.cluster()) {
                summary = cluster.logins(serverId, limit, sink);
            }
        }
        out.flush();
        ErrorLines.print(summary.errors(), err);
        if (!main.json) {
            err.println(summary.rows() + " logged-in user(s) listed");
        }
        err.flush();
        return summary.errors().isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    /** Pages of serve's users table in login-time order (offsets: a user logging in meanwhile may shift a row across pages). */
    private LoginsSummary viaLogins(ViaServe via, Consumer<LoginEntry> sink) {
        long delivered = 0;
        Map<String, String> errors = Map.of();
        while (limit <= 0 || delivered < limit) {
            int pageSize = (int) (limit <= 0 ? VIA_PAGE : Math.min(VIA_PAGE, limit - delivered));
            JsonNode page = via.get("api/logins?offset=" + delivered + "&limit=" + pageSize
                    + (serverId == null ? "" : "&server=" + ViaServe.encode(serverId)));
            for (JsonNode row : page.path("logins")) {
                sink.accept(via.as(row, LoginEntry.class));
                delivered++;
            }
            errors = via.as(page.path("errors"), ERRORS);
            if (page.path("logins").size() < pageSize) {
                break;
            }
        }
        return new LoginsSummary(delivered, errors);
    }

    private void print(LoginEntry entry, PrintWriter out) {
        if (main.json) {
            out.println(ApiJson.write(entry));
        } else {
            out.printf(ROW, TIME.format(Instant.ofEpochMilli(entry.loginTime())), entry.uid(), entry.address(), entry.serverId());
        }
    }
}
