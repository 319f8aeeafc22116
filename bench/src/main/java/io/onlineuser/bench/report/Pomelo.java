package io.onlineuser.bench.report;

/**
 * Pomelo 2.2.7's master answering the same questions, 8 connectors × 10,000 users, on this kind of
 * machine (BENCHMARKS.md, "Side by side with Pomelo"): the figures the collector's rows are held
 * against or shown beside.
 */
public final class Pomelo {

    /** The low end of Pomelo's counts fan-out, 2.9-3.0 ms. */
    public static final double COUNTS_FAN_OUT_MS = 2.9;
    /** The low end of Pomelo's live list of all users, 34.9-36.6 ms. */
    public static final double LIVE_LIST_MS = 34.9;

    public static final String COUNTS = "Pomelo's counts fan-out 2.9-3.0 ms";
    public static final String LIVE_LIST = "Pomelo's live list 34.9-36.6 ms";
    public static final String LISTS = "Pomelo's list 19.5-24.4 ms cached, 34.9-36.6 ms live";

    private Pomelo() {
    }
}
