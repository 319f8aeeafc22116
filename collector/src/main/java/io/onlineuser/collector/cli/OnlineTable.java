package io.onlineuser.collector.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.onlineuser.collector.api.ClusterSnapshot;
import io.onlineuser.collector.model.ServerStats;

/**
 * Prints a snapshot the way pomelo-cli's {@code show connections} does (serverId, totalConnCount,
 * loginedCount per server and a sum row), plus the server type, a status column naming what
 * failed (one row per reason when many failed), and the duplicate logins when they were checked.
 */
final class OnlineTable {

    private OnlineTable() {
    }

    static void print(ClusterSnapshot snapshot, PrintWriter out) {
        boolean summarised = ErrorLines.summarised(snapshot.errors());
        int idWidth = Math.max(20, summarised ? 0 : snapshot.errors().keySet().stream().mapToInt(String::length).max().orElse(0));
        String row = "%-" + idWidth + "s %-12s %14s %12s  %s%n";
        out.printf(row, "serverId", "serverType", "totalConnCount", "loginedCount", "status");
        for (ServerStats stats : snapshot.servers().values()) {
            out.printf(row, stats.serverId(), stats.serverType(), stats.totalConnCount(), stats.loginedCount(), "ok");
        }
        if (summarised) {
            int failed = snapshot.errors().size();
            ErrorLines.byReason(snapshot.errors()).forEach((why, names) ->
                    out.printf(row, "(" + names.size() + " of " + failed + " failed)", "-", "-", "-", ErrorLines.reasonLine(why, names)));
        } else {
            for (Map.Entry<String, String> error : snapshot.errors().entrySet()) {
                out.printf(row, error.getKey(), "-", "-", "-", error.getValue());
            }
        }
        String total = "total (" + snapshot.totals().servers() + "/" + (snapshot.totals().servers() + snapshot.totals().failed()) + ")";
        out.printf(row, total, "", snapshot.totals().totalConnCount(), snapshot.totals().loginedCount(), "");
        if (snapshot.duplicatesChecked()) {
            printDuplicates(snapshot.duplicates(), out);
        }
        out.flush();
    }

    /** {@code online --verbose}: per connector its agent, listeners and hooks, as the Agent MBean shows them. */
    static void printAgents(Map<String, Map<String, Object>> agents, Map<String, String> errors, PrintWriter out) {
        for (Map.Entry<String, Map<String, Object>> agent : agents.entrySet()) {
            Map<String, Object> a = agent.getValue();
            Object ports = a.get("Options") instanceof Map<?, ?> options ? options.get("netty.ports") : null;
            out.printf("%nagent of %s: version %s, jolokia %s, netty.ports=%s%n", agent.getKey(), a.get("Version"),
                    a.get("JolokiaUrl"), ports == null ? "all" : ports);
            for (Map<?, ?> listener : rows(a.get("Listeners"))) {
                out.printf("  listener %-21s %-11s open %-6s accepted %-8s %s%n", listener.get("address"),
                        Boolean.TRUE.equals(listener.get("counted")) ? "counted" : "not counted",
                        listener.get("openConnections"), listener.get("acceptedTotal"), listener.get("serverChannelClass"));
            }
            for (Map<?, ?> hook : rows(a.get("Hooks"))) {
                out.printf("  %-11s %-9s methods %-3s calls %-8s %s%n", hook.get("role"), hook.get("state"),
                        hook.get("matchedMethods"), hook.get("calls"), hook.get("spec"));
                Object error = hook.get("lastError");
                if (error != null && !error.toString().isEmpty()) {
                    out.println("              last error: " + error);
                }
            }
        }
        errors.forEach((target, why) -> out.printf("%nagent at %s not read: %s%n", target, why));
        out.flush();
    }

    private static List<Map<?, ?>> rows(Object value) {
        List<Map<?, ?>> rows = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object row : list) {
                if (row instanceof Map<?, ?> map) {
                    rows.add(map);
                }
            }
        }
        return rows;
    }

    private static void printDuplicates(Map<String, List<String>> duplicates, PrintWriter out) {
        if (duplicates.isEmpty()) {
            out.println("duplicate logins: none");
            return;
        }
        out.println("duplicate logins: " + duplicates.size() + " uid(s) online on more than one server");
        duplicates.forEach((uid, servers) -> out.println("  " + uid + " on " + String.join(", ", servers)));
    }
}
