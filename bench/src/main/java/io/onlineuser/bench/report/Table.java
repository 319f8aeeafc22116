package io.onlineuser.bench.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The whole run's figures, printed as one Markdown table whose rows paste into BENCHMARKS.md's tables. */
public final class Table {

    private final List<Row> rows = new ArrayList<>();

    public synchronized void add(Row row) {
        rows.add(row);
    }

    public synchronized void addAll(List<Row> more) {
        rows.addAll(more);
    }

    public synchronized List<Row> rows() {
        return new ArrayList<>(rows);
    }

    public synchronized void print(PrintStream out) {
        out.println("| benchmark | min | median | max | unit | runs | target | result | note |");
        out.println("|---|---:|---:|---:|---|---:|---|---|---|");
        for (Row row : rows) {
            Stats s = row.stats();
            out.println("| " + row.benchmark()
                    + " | " + (s == null ? "" : format(s.min()))
                    + " | " + (s == null ? "" : format(s.median()))
                    + " | " + (s == null ? "" : format(s.max()))
                    + " | " + row.unit()
                    + " | " + (s == null ? "" : s.count())
                    + " | " + Target.describe(row.target())
                    + " | " + row.verdict()
                    + " | " + row.note() + " |");
        }
    }

    /** Three significant figures at most, no exponent: "0.231", "12.4", "148", "1052". */
    public static String format(double value) {
        double abs = Math.abs(value);
        if (abs >= 100 || value == Math.rint(value) && (abs >= 1 || value == 0)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (abs >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
