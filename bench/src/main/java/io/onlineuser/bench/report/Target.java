package io.onlineuser.bench.report;

import java.util.Locale;

/** A goal from issue 6 that a figure's median is held against, e.g. "≤ 150 ns" or "≥ 0.98". */
public final class Target {

    private final boolean atMost;
    private final double bound;

    private Target(boolean atMost, double bound) {
        this.atMost = atMost;
        this.bound = bound;
    }

    public static Target atMost(double bound) {
        return new Target(true, bound);
    }

    public static Target atLeast(double bound) {
        return new Target(false, bound);
    }

    public boolean metBy(double value) {
        return atMost ? value <= bound : value >= bound;
    }

    @Override
    public String toString() {
        return (atMost ? "≤ " : "≥ ") + Table.format(bound);
    }

    static String describe(Target target) {
        return target == null ? "" : target.toString().toLowerCase(Locale.ROOT);
    }
}
