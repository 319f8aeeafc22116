package io.onlineuser.bench.report;

/** A goal that a figure's median is held against, e.g. "≤ 150", "≥ 0.98", "= 15000". */
public final class Target {

    private final String relation;
    private final double bound;

    private Target(String relation, double bound) {
        this.relation = relation;
        this.bound = bound;
    }

    public static Target atMost(double bound) {
        return new Target("≤", bound);
    }

    public static Target atLeast(double bound) {
        return new Target("≥", bound);
    }

    /** For counts that must be exact. */
    public static Target exactly(double value) {
        return new Target("=", value);
    }

    public boolean metBy(double value) {
        switch (relation) {
            case "≤":
                return value <= bound;
            case "≥":
                return value >= bound;
            default:
                return value == bound;
        }
    }

    @Override
    public String toString() {
        return relation + " " + Table.format(bound);
    }

    static String describe(Target target) {
        return target == null ? "" : target.toString();
    }
}
