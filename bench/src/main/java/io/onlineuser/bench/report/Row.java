package io.onlineuser.bench.report;

/**
 * One line of the table: what was measured, its min / median / max over repeated runs, and the
 * target its median is held against (null for context figures such as a baseline).
 */
public final class Row {

    private final String benchmark;
    private final Stats stats;
    private final String unit;
    private final Target target;
    private final String note;

    public Row(String benchmark, Stats stats, String unit, Target target, String note) {
        this.benchmark = benchmark;
        this.stats = stats;
        this.unit = unit;
        this.target = target;
        this.note = note == null ? "" : note;
    }

    public static Row context(String benchmark, Stats stats, String unit, String note) {
        return new Row(benchmark, stats, unit, null, note);
    }

    public static Row failed(String benchmark, String why) {
        return new Row(benchmark, null, "", null, "NOT RUN: " + why);
    }

    public String benchmark() {
        return benchmark;
    }

    public Stats stats() {
        return stats;
    }

    public String unit() {
        return unit;
    }

    public Target target() {
        return target;
    }

    public String note() {
        return note;
    }

    /** "met", "MISSED", or empty for context rows and rows that did not run. */
    public String verdict() {
        if (target == null || stats == null) {
            return "";
        }
        return target.metBy(stats.median()) ? "met" : "MISSED";
    }
}
