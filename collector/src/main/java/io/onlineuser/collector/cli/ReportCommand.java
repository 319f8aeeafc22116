package io.onlineuser.collector.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onlineuser.collector.report.DailyReport;
import io.onlineuser.collector.report.DayFigures;
import io.onlineuser.collector.report.PrometheusApi;
import io.onlineuser.collector.report.PrometheusException;
import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "report", mixinStandardHelpOptions = true, description = "Operators' figures per calendar day, from Prometheus: PCU (and when), ACU, "
        + "logins, ended sessions, median and p90 session length. Exit 0, 2 when Prometheus fails or lacks the series.")
final class ReportCommand implements Callable<Integer> {

    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(30);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final String[] COLUMNS = {"date", "pcu", "pcuAt", "acu", "logins", "sessions", "sessionP50", "sessionP90"};

    @ParentCommand
    CollectorMain main;

    @Option(names = "--prometheus", paramLabel = "URL", required = true,
            description = "Prometheus server that scrapes the connectors' JMX exporters, e.g. http://127.0.0.1:9090")
    String prometheus;

    @Option(names = "--days", paramLabel = "N", defaultValue = "7",
            description = "Calendar days up to today (default ${DEFAULT-VALUE}, at most 366).")
    int days;

    @Option(names = "--tz", paramLabel = "ZONE", description = "Time zone of the days, e.g. Europe/Berlin or UTC (default: this machine's).")
    String zone;

    @Option(names = "--by", paramLabel = "serverType", description = "serverType: one row per day and server type.")
    String by;

    @Option(names = "--csv", description = "Print CSV (pcuAt as ISO-8601 with offset).")
    boolean csv;

    @Override
    public Integer call() {
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("--days must be between 1 and 366, got " + days);
        }
        if (by != null && !by.equalsIgnoreCase("serverType")) {
            throw new IllegalArgumentException("--by knows only serverType, got " + by);
        }
        if (csv && main.json) {
            throw new IllegalArgumentException("--json and --csv are alternatives: give one");
        }
        ZoneId tz = zone(zone);
        boolean byServerType = by != null;
        List<DayFigures> rows;
        try {
            rows = new DailyReport(new PrometheusApi(prometheus, QUERY_TIMEOUT), tz, byServerType).lastDays(days, Instant.now());
        } catch (PrometheusException e) {
            main.err().println("onlineuser-collector report: " + e.getMessage());
            return ExitCodes.PARTIAL;
        }
        PrintWriter out = main.out();
        if (main.json) {
            out.println(json(rows, tz));
        } else if (csv) {
            printCsv(rows, byServerType, out);
        } else {
            printTable(rows, byServerType, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The zone named by {@code --tz}, the machine's when null. */
    static ZoneId zone(String zone) {
        if (zone == null) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--tz " + zone + " is not a time zone: give a region such as Europe/Berlin,"
                    + " or UTC, or an offset such as +01:00");
        }
    }

    private static void printTable(List<DayFigures> rows, boolean byServerType, PrintWriter out) {
        String format = byServerType ? "%-10s  %-12s %8s  %5s  %9s  %8s  %8s  %10s  %10s%n" : "%-10s%s %8s  %5s  %9s  %8s  %8s  %10s  %10s%n";
        out.printf(format, "date", byServerType ? "serverType" : "", "pcu", "pcuAt", "acu", "logins", "sessions", "sessionP50", "sessionP90");
        for (DayFigures row : rows) {
            out.printf(format, row.date(), byServerType ? row.serverType() : "", row.pcu(), CLOCK.format(row.pcuAt()),
                    String.format(Locale.ROOT, "%.1f", row.acu()), row.logins(), row.sessions(),
                    seconds(row.sessionP50(), "-"), seconds(row.sessionP90(), "-"));
        }
    }

    private static void printCsv(List<DayFigures> rows, boolean byServerType, PrintWriter out) {
        out.println(byServerType ? "date,serverType,pcu,pcuAt,acu,logins,sessions,sessionP50,sessionP90" : String.join(",", COLUMNS));
        for (DayFigures row : rows) {
            out.println(row.date() + (byServerType ? "," + row.serverType() : "") + "," + row.pcu() + "," + row.pcuAt()
                    + "," + String.format(Locale.ROOT, "%.3f", row.acu()) + "," + row.logins() + "," + row.sessions()
                    + "," + seconds(row.sessionP50(), "") + "," + seconds(row.sessionP90(), ""));
        }
    }

    private static String json(List<DayFigures> rows, ZoneId tz) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode().put("zone", tz.getId());
        ArrayNode list = root.putArray("days");
        for (DayFigures row : rows) {
            ObjectNode day = list.addObject().put("date", row.date().toString());
            if (row.serverType() != null) {
                day.put("serverType", row.serverType());
            }
            day.put("pcu", row.pcu()).put("pcuAt", row.pcuAt().toString()).put("acu", row.acu())
                    .put("logins", row.logins()).put("sessions", row.sessions());
            if (row.sessionP50() != null) {
                day.put("sessionP50", row.sessionP50());
            } else {
                day.putNull("sessionP50");
            }
            if (row.sessionP90() != null) {
                day.put("sessionP90", row.sessionP90());
            } else {
                day.putNull("sessionP90");
            }
        }
        return root.toString();
    }

    private static String seconds(Double value, String none) {
        return value == null ? none : String.format(Locale.ROOT, "%.1f", value);
    }
}
